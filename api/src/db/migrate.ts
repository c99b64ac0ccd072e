// Applies prisma/migrations at start, in-process, on PostgreSQL and on PGlite alike. The Prisma CLI would need a
// second process (and for PGlite, the data directory that this process holds open), so we apply the migration
// files ourselves, keeping Prisma's bookkeeping table and lock exactly as `prisma migrate deploy` does: the CLI
// (`migrate status`, `migrate deploy`) and this code see the same state and never run concurrently.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config';

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations');

/** Prisma migrate's advisory lock key: taking it keeps a concurrent `prisma migrate deploy` (or server) out. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

const CREATE_PRISMA_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** What applying migrations needs from a database connection inside one transaction. */
export interface MigrationSession {
  /** Runs a script of several statements (the simple query protocol). */
  exec(script: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** Runs `work` in one transaction on one connection, committing if it resolves. */
export type InTransaction = <T>(work: (session: MigrationSession) => Promise<T>) => Promise<T>;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      // Prisma's checksum: SHA-256 of the file as written.
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies the migrations the database lacks, all in one transaction (a failure leaves the database as it was),
 * and returns their names. Refuses to start on a database that a newer version of Wanshi migrated, on one where
 * an applied migration's file has since been edited, and on one with a failed `prisma migrate` attempt.
 */
export async function applyMigrations(inTransaction: InTransaction, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return inTransaction(async (db) => {
    await db.query(`SELECT pg_advisory_xact_lock(${PRISMA_MIGRATE_LOCK_KEY})`);
    await db.exec(CREATE_PRISMA_MIGRATIONS_TABLE);
    const rows = await db.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const applied = checkHistory(migrations, rows);
    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const migration of pending) {
      try {
        await db.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    }
    return pending.map((m) => m.name);
  });
}

/** The names of the migrations already applied, after checking the history agrees with the files. */
function checkHistory(migrations: MigrationFile[], rows: AppliedRow[]): Set<string> {
  const files = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed in an earlier \`prisma migrate\` run; resolve it with ` +
          '`prisma migrate resolve` before starting',
      );
    }
    const file = files.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which this version does not know: ` +
          'it was migrated by a newer version of Wanshi',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.migration_name} was edited after it was applied`);
    }
    applied.add(row.migration_name);
  }
  return applied;
}
