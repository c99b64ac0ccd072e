// A new PGlite database takes seconds to create (and more on a busy machine); copying an already migrated one
// takes a fraction of that. The template lives in the temp directory, named after what it depends on (PGlite's
// version and the migration files), so a change to either builds a new one.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../api/src/db';
import { readMigrations } from '../../api/src/db/migrate';
import { pgliteDir } from '../../api/src/db/pglite';

async function templateDir(): Promise<string> {
  const hash = createHash('sha256');
  const pgliteMain = require.resolve('@electric-sql/pglite'); // <package>/dist/index.cjs; exports hide package.json
  hash.update(JSON.parse(await readFile(path.join(pgliteMain, '../../package.json'), 'utf8')).version);
  for (const migration of await readMigrations()) hash.update(migration.name).update(migration.checksum);
  return path.join(os.tmpdir(), `wanshi-pglite-template-${hash.digest('hex').slice(0, 16)}`);
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Puts a migrated, empty embedded database into `dataDir`, as openDatabase would have created it. */
export async function copyMigratedPglite(dataDir: string): Promise<void> {
  const template = await templateDir();
  if (!(await exists(template))) {
    const building = await mkdtemp(`${template}-building-`);
    await (await openDatabase({ databaseUrl: undefined, dataDir: building })).close();
    // Atomic, so a concurrent run never copies half a template; if one finished first, keep theirs.
    await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
  }
  await cp(pgliteDir(template), pgliteDir(dataDir), { recursive: true });
}
