import { PGlite } from '@electric-sql/pglite';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** The embedded database's directory inside the data directory. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/**
 * Opens (creating on first use, 5–8 s; reopening ~1.4 s) the embedded PostgreSQL in `${dataDir}/pglite`.
 * PGlite is single-connection and in-process: only one process may open a data directory at a time.
 */
export async function openPglite(dataDir: string): Promise<PGlite> {
  const dir = pgliteDir(dataDir);
  await mkdir(dir, { recursive: true });
  return PGlite.create(dir);
}
