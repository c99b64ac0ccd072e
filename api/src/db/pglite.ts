import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * - PostgreSQL's default 128 MB of shared buffers is memory PGlite's WASM heap takes at open and never gives back;
 *   a detection history needs far less (RSS of an open PGlite: ~300 → ~170 MB).
 * - Opening after an unclean stop runs crash recovery, which arms PostgreSQL's 10 s startup-progress timer; PGlite
 *   never disarms it, and the Node timer it becomes keeps any process that opened the database alive for good
 *   (`prisma -v` at `npm ci` hung on a used checkout). Off, nothing is left pending.
 */
const POSTGRESQL_CONF = 'shared_buffers = 16MB\nlog_startup_progress_interval = 0';

export interface EmbeddedDatabase {
  pglite: PGlite;
  /** Closes the database and releases the directory. */
  close(): Promise<void>;
}

/** The embedded database's directory inside the data directory. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/**
 * Opens (creating on first use, 5–8 s; reopening ~1.4 s) the embedded PostgreSQL in `${dataDir}/pglite`.
 * PGlite runs in-process with one connection and does not lock its directory: a second process opening it
 * would silently work on a diverging copy and corrupt it. A lock file holding our pid keeps others out.
 */
export async function openPglite(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = pgliteDir(dataDir);
  await mkdir(dir, { recursive: true });
  const releaseLock = await lockDirectory(`${dir}.lock`);
  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) await createInChildProcess(dir);
    const pglite = await PGlite.create(dir, { postgresqlconf: POSTGRESQL_CONF });
    return {
      pglite,
      close: async () => {
        await pglite.close();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/**
 * Creating a cluster (initdb) grows PGlite's WASM memory to ~700 MB, which a process keeps for good; done in a
 * short-lived child process, it is all given back when the child exits, and the server opens the result.
 */
async function createInChildProcess(dir: string): Promise<void> {
  const create = `require(process.argv[1]).PGlite.create(process.argv[2], { postgresqlconf: process.argv[3] }).then((db) => db.close())`;
  await promisify(execFile)(process.execPath, [
    '-e',
    create,
    require.resolve('@electric-sql/pglite'),
    dir,
    POSTGRESQL_CONF,
  ]);
}

async function lockDirectory(lockFile: string): Promise<() => Promise<void>> {
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(await readFile(lockFile, 'utf8'));
    if (isRunning(holder)) {
      throw new Error(
        `The embedded database ${path.dirname(lockFile)} is in use by process ${holder}. ` +
          `If no such Wanshi process runs, delete ${lockFile}.`,
      );
    }
    await writeFile(lockFile, String(process.pid)); // left by a process that died without closing
  }
  return () => rm(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0: only checks that the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
