// A throw-away database on the local PostgreSQL server, so the bench can compare it with embedded PGlite.
import { PrismaPg } from '@prisma/adapter-pg';
import { randomBytes } from 'node:crypto';

export const POSTGRES_ADMIN_URL =
  process.env.WANSHI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface ThrowAwayDatabase {
  url: string;
  drop(): Promise<void>;
}

async function runAsAdmin(sql: string): Promise<void> {
  const admin = await new PrismaPg({
    connectionString: POSTGRES_ADMIN_URL,
    connectionTimeoutMillis: 3000,
  }).connect();
  try {
    await admin.executeScript(sql);
  } finally {
    await admin.dispose();
  }
}

export async function createPostgresDatabase(): Promise<ThrowAwayDatabase> {
  const name = `wanshi_bench_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runAsAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
