// The embedded database's life in a process: one owner at a time, and closing it lets the process exit.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/src/db';
import { pgliteDir } from '../../api/src/db/pglite';

const run = promisify(execFile);

// Opens the embedded database, closes it, and prints when it finished closing.
const OPEN_AND_CLOSE = `
  const { openDatabase } = require('./api/src/db');
  openDatabase({ databaseUrl: undefined, dataDir: process.argv[1] })
    .then((db) => db.close())
    .then(() => console.log(Date.now()));
`;

describe('embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-pglite-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('refuses a second opener while the database is open (PGlite would let both diverge)', async () => {
    const config = { databaseUrl: undefined, dataDir };
    const owner = await openDatabase(config);
    try {
      await expect(openDatabase(config)).rejects.toThrow(new RegExp(`in use by process ${process.pid}`));
    } finally {
      await owner.close();
    }
    await (await openDatabase(config)).close();
  });

  it('takes over the lock of a process that died without closing', async () => {
    const { stdout: deadPid } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    await writeFile(`${pgliteDir(dataDir)}.lock`, deadPid.trim());

    await (await openDatabase({ databaseUrl: undefined, dataDir })).close();
  });

  it('lets a process exit as soon as it closes the database (an open PGlite holds it ~10 s)', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', '-e', OPEN_AND_CLOSE, dataDir],
      {
        timeout: 60_000,
      },
    );
    const exitedAfterCloseMs = Date.now() - Number(stdout.trim());
    expect(exitedAfterCloseMs).toBeLessThan(3_000);
  });
});
