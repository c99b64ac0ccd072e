#!/usr/bin/env node
// Writes the next migration: the SQL that takes a database built from prisma/migrations to prisma/schema.prisma.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres node scripts/new-migration.mjs <name>
//   DATABASE_URL=... node scripts/new-migration.mjs --check   (exit 1 if schema.prisma has changes with no migration)
// Why not `prisma migrate dev`: with the JS schema engine (what runs offline) it fails after applying
// ("PostgreSQL shadow DB must be provided through an external factory"), and it cannot run on PGlite at all.
// `migrate diff --from-migrations` replays the migrations in a throw-away shadow database on DATABASE_URL's
// server (which must be PostgreSQL; nothing is written to the database itself).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const MIGRATIONS = path.join(ROOT, 'prisma', 'migrations');
const EMPTY = '-- This is an empty migration.';

function diffScript() {
  const prisma = path.join(ROOT, 'node_modules', '.bin', 'prisma');
  const args = ['migrate', 'diff', '--from-migrations', MIGRATIONS];
  args.push('--to-schema-datamodel', path.join(ROOT, 'prisma', 'schema.prisma'), '--script');
  return execFileSync(prisma, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function timestamp(date) {
  return date.toISOString().replace(/\D/g, '').slice(0, 14); // Prisma's yyyymmddhhmmss, UTC
}

function main() {
  const arg = process.argv[2];
  if (!arg || !(arg === '--check' || /^[a-z0-9_]+$/.test(arg))) {
    console.error('usage: node scripts/new-migration.mjs <snake_case_name> | --check');
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL must point at a PostgreSQL server (used for a temporary shadow database)');
    process.exit(2);
  }
  const sql = diffScript().trim();
  if (sql === EMPTY) {
    console.log('prisma/migrations already matches prisma/schema.prisma');
    return;
  }
  if (arg === '--check') {
    console.error('prisma/schema.prisma has changes that no migration makes:\n' + sql);
    process.exit(1);
  }
  const dir = path.join(MIGRATIONS, `${timestamp(new Date())}_${arg}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
  console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql`);
}

main();
