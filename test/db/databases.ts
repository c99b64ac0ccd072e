// Runs a suite against both databases Wanshi supports: a throw-away PostgreSQL database (created per test file
// on the server at WANSHI_TEST_POSTGRES_URL, default the local one, and dropped after) and an embedded PGlite in
// a temporary data directory. Each file shares one database per kind.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase, type Database } from '../../api/src/db';
import { createScratchDatabase, runOnServer } from '../../api/src/db/scratch-database';
import { copyMigratedPglite } from './pglite-template';

export type DatabaseKind = Database['kind'];

const POSTGRES_ADMIN_URL =
  process.env.WANSHI_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A database that exists until dispose(); `config` reopens it (e.g. to test a restart). */
export interface TestDatabase {
  config: { databaseUrl: string | undefined; dataDir: string };
  dispose(): Promise<void>;
}

let postgresProbe: Promise<boolean> | undefined;

/**
 * Whether this kind can be tested here: PGlite always; PostgreSQL if its server answers (if it is down, start it:
 * `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`).
 */
export function available(kind: DatabaseKind): Promise<boolean> {
  if (kind === 'pglite') return Promise.resolve(true);
  postgresProbe ??= runOnServer(POSTGRES_ADMIN_URL, 'SELECT 1').then(
    () => true,
    (error) => {
      console.warn(`PostgreSQL at ${POSTGRES_ADMIN_URL} is unreachable, its test runs are skipped: ${error}`);
      return false;
    },
  );
  return postgresProbe;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-test-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  if (kind === 'pglite') return { config: { databaseUrl: undefined, dataDir }, dispose: removeDataDir };
  const database = await createScratchDatabase(POSTGRES_ADMIN_URL, 'wanshi_test');
  return {
    config: { databaseUrl: database.url, dataDir },
    dispose: async () => {
      await database.drop();
      await removeDataDir();
    },
  };
}

/** A new database, migrated and opened the way the server opens it. */
export async function openTestDatabase(kind: DatabaseKind) {
  const test = await createTestDatabase(kind);
  if (kind === 'pglite') await copyMigratedPglite(test.config.dataDir);
  const database = await openDatabase(test.config).catch(async (error) => {
    await test.dispose();
    throw error;
  });
  return {
    ...database,
    config: test.config,
    close: async () => {
      await database.close();
      await test.dispose();
    },
  };
}

export const DATABASE_KINDS: DatabaseKind[] = ['postgres', 'pglite'];

/** Declares `suite` once per available database kind. */
export function describeEachKind(name: string, suite: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${name} [${kind}]`, async () => {
      if (!(await available(kind))) return void it.skip(`needs ${kind}`);
      suite(kind);
    });
  }
}

/** Declares `suite` once per database kind; `db()` is that kind's database, open for the whole file. */
export function describeEachDatabase(name: string, suite: (db: () => Database) => void): void {
  describeEachKind(name, (kind) => {
    let database: Database | undefined;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(() => database?.close());
    suite(() => {
      if (!database) throw new Error('the test database is not open yet');
      return database;
    });
  });
}
