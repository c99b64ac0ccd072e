// How the server brings a database's schema up to date at start (api/src/db/migrate.ts), told as the life of
// one database: steps share it and run in order.
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../api/src/db';
import { MIGRATIONS_DIR } from '../../api/src/db/migrate';
import { createTestDatabase, describeEachKind, type TestDatabase } from './databases';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'wanshi-migrations-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A copy of prisma/migrations with extra migrations (name → SQL) and optional edits to existing files. */
async function migrationsWith(
  extra: Record<string, string>,
  edit?: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'm-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  await edit?.(dir);
  return dir;
}

async function withDatabase<T>(
  test: TestDatabase,
  use: (db: Database) => Promise<T>,
  migrationsDir?: string,
) {
  const db = await openDatabase(test.config, { migrationsDir });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

const tableExists = (db: Database, table: string) =>
  db.prisma
    .$queryRawUnsafe<{ found: string | null }[]>(`SELECT to_regclass('${table}')::text AS found`)
    .then(([row]) => row.found !== null);

describeEachKind('migrations at start', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(() => test.dispose());

  it('apply all or nothing: a failing migration leaves the database as it was', async () => {
    const failing = await migrationsWith({
      '29990101000000_broken': 'CREATE TABLE half (x int);\nSELECT no_such_column;',
    });

    await expect(openDatabase(test.config, { migrationsDir: failing })).rejects.toThrow(
      /Migration 29990101000000_broken failed/,
    );
  });

  it('apply every migration to a new database, recorded as `prisma migrate deploy` records them', async () => {
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();

    await withDatabase(test, async (db) => {
      expect(db.appliedMigrations).toEqual(names); // the failed attempt above left nothing applied
      expect(await tableExists(db, 'half')).toBe(false);
      expect(await tableExists(db, 'detected_objects')).toBe(true);
      const rows = await db.prisma.$queryRawUnsafe<
        { migration_name: string; checksum: string; finished_at: Date }[]
      >('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name');
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      for (const row of rows) {
        const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(row.finished_at).toBeInstanceOf(Date);
      }
      await db.prisma.labelSet.create({ data: { key: 'kept', name: 'Kept across restarts' } });
    });
  });

  it('apply nothing to an up-to-date database, whose data stays', async () => {
    await withDatabase(test, async (db) => {
      expect(db.appliedMigrations).toEqual([]);
      expect(await db.prisma.labelSet.findUnique({ where: { key: 'kept' } })).not.toBeNull();
    });
  });

  it('refuse a database whose applied migration was since edited', async () => {
    const edited = await migrationsWith({}, async (dir) => {
      const [first] = (await readdir(dir)).filter((name) => /^\d/.test(name)).sort();
      await appendFile(path.join(dir, first, 'migration.sql'), '\n-- edited\n');
    });

    await expect(openDatabase(test.config, { migrationsDir: edited })).rejects.toThrow(
      /was edited after it was applied/,
    );
  });

  it('apply a new migration, after which the older version refuses the database', async () => {
    const newer = await migrationsWith({
      '29990101000000_add_note': 'ALTER TABLE label_sets ADD COLUMN note TEXT;',
    });

    await withDatabase(
      test,
      async (db) => expect(db.appliedMigrations).toEqual(['29990101000000_add_note']),
      newer,
    );

    await expect(openDatabase(test.config)).rejects.toThrow(/migrated by a newer version of Wanshi/);
  });
});

describeEachKind('migrations at start, replicas started together', (kind) => {
  // PGlite is single-process by design; replicas sharing one PostgreSQL are the case the lock exists for.
  it.runIf(kind === 'postgres')(
    'apply each migration once: of three replicas on an empty database one migrates, the others wait',
    async () => {
      const test = await createTestDatabase(kind);
      try {
        const opened = await Promise.allSettled([1, 2, 3].map(() => openDatabase(test.config)));
        const servers = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
        const applied = servers.map((db) => db.appliedMigrations.length).sort();
        const [first] = servers;
        const recorded = await first?.prisma.$queryRawUnsafe<{ times: number }[]>(
          'SELECT count(*)::int AS times FROM _prisma_migrations GROUP BY migration_name ORDER BY times DESC LIMIT 1',
        );
        await Promise.all(servers.map((db) => db.close()));
        expect(servers).toHaveLength(3); // all three opened: none failed on a half-made schema
        expect(applied.slice(0, 2)).toEqual([0, 0]);
        expect(applied[2]).toBeGreaterThan(0);
        expect(recorded).toEqual([{ times: 1 }]);
      } finally {
        await test.dispose();
      }
    },
  );
});
