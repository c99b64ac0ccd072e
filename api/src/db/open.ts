// Opens the database the configuration names, brings its schema up to date, and hands back a Prisma client:
// PostgreSQL when DATABASE_URL is set, else the embedded PGlite in the data directory.
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config';
import { PrismaClient } from './client';
import { applyMigrations, MIGRATIONS_DIR, type InTransaction } from './migrate';
import { openPglite } from './pglite';
import { PostgresAdapterFactory } from './postgres-adapter';

export interface Database {
  prisma: PrismaClient;
  kind: 'postgres' | 'pglite';
  /** Migrations this open applied (for the start-up log); empty when the schema was up to date. */
  appliedMigrations: string[];
  /** Disconnects; for PGlite also closes the database, without which the process lingers at exit. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Only tests point elsewhere. */
  migrationsDir?: string;
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  if (config.databaseUrl) {
    const prisma = new PrismaClient({ adapter: new PostgresAdapterFactory(config.databaseUrl) });
    const close = () => prisma.$disconnect();
    const appliedMigrations = await migrateOrClose(
      () => applyMigrations(prismaTransaction(prisma), migrationsDir),
      close,
    );
    return { prisma, kind: 'postgres', appliedMigrations, close };
  }
  const embedded = await openPglite(config.dataDir);
  const prisma = new PrismaClient({ adapter: pgliteAdapter(embedded.pglite) });
  const close = async () => {
    await prisma.$disconnect();
    await embedded.close();
  };
  const appliedMigrations = await migrateOrClose(
    () => applyMigrations(pgliteTransaction(embedded.pglite), migrationsDir),
    close,
  );
  return { prisma, kind: 'pglite', appliedMigrations, close };
}

async function migrateOrClose<T>(migrate: () => Promise<T>, close: () => Promise<void>): Promise<T> {
  try {
    return await migrate();
  } catch (error) {
    await close();
    throw error;
  }
}

type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];

/**
 * pglite-prisma-adapter 0.6.1 is typed against @prisma/driver-adapter-utils 6.10, whose query argument types
 * differ from 6.19's; it ignores them (PGlite infers parameter types), so only the declarations disagree.
 */
function pgliteAdapter(pglite: PGlite): AdapterFactory {
  return new PrismaPGlite(pglite) as unknown as AdapterFactory;
}

/** Migrations can be slow on a big database; Prisma's default 5 s would abort them half way. */
const MIGRATION_TRANSACTION_TIMEOUT_MS = 30 * 60_000;

function prismaTransaction(prisma: PrismaClient): InTransaction {
  return (work) =>
    prisma.$transaction(
      (tx) =>
        work({
          // No parameters: node-postgres then uses the simple query protocol, which runs several statements.
          exec: async (script) => void (await tx.$executeRawUnsafe(script)),
          query: (sql, params = []) => tx.$queryRawUnsafe(sql, ...params),
        }),
      { timeout: MIGRATION_TRANSACTION_TIMEOUT_MS, maxWait: MIGRATION_TRANSACTION_TIMEOUT_MS },
    );
}

function pgliteTransaction(pglite: PGlite): InTransaction {
  return (work) =>
    pglite.transaction((tx) =>
      work({
        exec: async (script) => void (await tx.exec(script)),
        query: async <Row>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows,
      }),
    );
}
