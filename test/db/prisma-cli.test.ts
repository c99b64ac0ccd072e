// The Prisma CLI commands that install runs (`prisma generate`, and `prisma -v` from @prisma/client's
// postinstall) on a checkout whose embedded database was used and then stopped uncleanly, as `npm start` leaves
// it after a kill or a crash: they once never exited there, so `npm ci` on a used checkout hung. Each command
// runs as a child process with a time limit; a hang fails the test instead of the suite.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/config';
import { pgliteDir } from '../../api/src/db/pglite';

const PRISMA = path.join(REPO_ROOT, 'node_modules/prisma/build/index.js');
/** Far above what each command takes (2–10 s here, under load); below it, a hang is caught. */
const COMMAND_LIMIT_MS = 90_000;

interface Outcome {
  code: number | null;
  timedOut: boolean;
  output: string;
}

/** The environment of a checkout on the embedded database in `dataDir`. */
function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WANSHI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return env;
}

function prisma(dataDir: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA, ...args],
      {
        cwd: REPO_ROOT,
        timeout: COMMAND_LIMIT_MS,
        killSignal: 'SIGKILL',
        env: embeddedEnv(dataDir),
      },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: unknown }) | null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          timedOut: Boolean(failure?.killed),
          output: stdout + stderr,
        });
      },
    );
  });
}

// Opens (creating and migrating) the database, as the server does, and says so; then waits to be killed.
const HOLD_OPEN = `
  const { openDatabase } = require('./api/src/db');
  openDatabase({ databaseUrl: undefined, dataDir: process.argv[1] })
    .then((db) => db.prisma.apiKey.count())
    .then(() => { console.log('open'); setInterval(() => {}, 1000); });
`;

async function holdOpen(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', HOLD_OPEN, dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
    child.once('exit', (code) => reject(new Error(`the database holder exited with ${code}`)));
  });
  return child;
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('the Prisma CLI on a used embedded database', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'wanshi-prisma-cli-'));
    dataDir = path.join(root, 'data');
    await killed(await holdOpen(dataDir)); // used, then stopped uncleanly: the lock names a dead process
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('prints its version without opening the database', async () => {
    const lockBefore = await readFile(`${pgliteDir(dataDir)}.lock`, 'utf8');
    const outcome = await prisma(dataDir, ['-v']);
    expect(outcome).toMatchObject({ code: 0, timedOut: false });
    expect(outcome.output).toMatch(/prisma\s+: 6\./);
    // Had it opened the database, it would have taken the dead process's lock over.
    expect(await readFile(`${pgliteDir(dataDir)}.lock`, 'utf8')).toBe(lockBefore);
  });

  it('generates the client as postinstall does, and exits', async () => {
    // A project with a copy of the schema, so the generated client lands there and not in the checkout under
    // test (which other tests are using); it shares the checkout's node_modules.
    const schemaDir = path.join(root, 'prisma');
    await mkdir(schemaDir, { recursive: true });
    await copyFile(path.join(REPO_ROOT, 'prisma/schema.prisma'), path.join(schemaDir, 'schema.prisma'));
    await writeFile(path.join(root, 'package.json'), '{ "name": "scratch", "private": true }');
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const outcome = await prisma(dataDir, ['generate', '--schema', path.join(schemaDir, 'schema.prisma')]);
    expect(outcome).toMatchObject({ code: 0, timedOut: false });
    expect(outcome.output).toContain('Generated Prisma Client');
  });

  it('opens the database for migrate status, recovers it and exits', async () => {
    const outcome = await prisma(dataDir, ['migrate', 'status']);
    expect(outcome).toMatchObject({ code: 0, timedOut: false });
    expect(outcome.output).toContain('Database schema is up to date');
  });

  it('refuses migrate status at once while a server holds the database, naming it', async () => {
    const holder = await holdOpen(dataDir);
    try {
      const outcome = await prisma(dataDir, ['migrate', 'status']);
      expect(outcome.timedOut).toBe(false);
      expect(outcome.code).not.toBe(0);
      expect(outcome.output).toContain(`is in use by process ${holder.pid}`);
      expect(await prisma(dataDir, ['-v'])).toMatchObject({ code: 0, timedOut: false });
    } finally {
      await killed(holder);
    }
  });
});
