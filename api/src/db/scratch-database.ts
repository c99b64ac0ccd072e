// Throw-away databases on a PostgreSQL server, for the tests and benchmarks that compare PostgreSQL with
// the embedded PGlite: created with a random name, dropped (even with open connections) when done.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Runs SQL on the server at `adminUrl` (a database the user may connect to, e.g. `postgres`). */
export async function runOnServer(adminUrl: string, sql: string): Promise<void> {
  const admin = await new PrismaPg({ connectionString: adminUrl, connectionTimeoutMillis: 3000 }).connect();
  try {
    await admin.executeScript(sql);
  } finally {
    await admin.dispose();
  }
}

export async function createScratchDatabase(adminUrl: string, namePrefix: string): Promise<ScratchDatabase> {
  const name = `${namePrefix}_${randomBytes(6).toString('hex')}`;
  await runOnServer(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runOnServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
