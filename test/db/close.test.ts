import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// Opens the embedded database, closes it, and prints when it finished closing.
const OPEN_AND_CLOSE = `
  const { openDatabase } = require('./api/src/db');
  openDatabase({ databaseUrl: undefined, dataDir: process.argv[1] })
    .then((db) => db.close())
    .then(() => console.log(Date.now()));
`;

it('a process exits as soon as it closes the embedded database (an open PGlite holds it ~10 s)', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-close-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', '-e', OPEN_AND_CLOSE, dataDir],
      {
        timeout: 60_000,
      },
    );
    const exitedAfterCloseMs = Date.now() - Number(stdout.trim());
    expect(exitedAfterCloseMs).toBeLessThan(3_000);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
