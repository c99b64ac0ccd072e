import { PrismaPg } from '@prisma/adapter-pg';
import { randomUUID } from 'node:crypto';

/**
 * Prisma's PostgreSQL driver adapter, fixed for `prisma migrate dev` (the only user of a shadow database):
 * - upstream builds the shadow pool as `{ ...config, database }`, but node-postgres lets `connectionString`
 *   win over `database`, so the "shadow" silently was the main database: we point the URL itself at it;
 * - upstream drops the shadow database before closing the pool still connected to it ("being accessed by
 *   other users"): we close first, then drop.
 */
const CONNECT_TIMEOUT_MS = 5_000;

export class PostgresAdapterFactory extends PrismaPg {
  constructor(private readonly databaseUrl: string) {
    // Without a connect timeout node-postgres waits for ever on a network that drops packets, and every
    // request would hang instead of failing UNAVAILABLE.
    super({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }

  override async connectToShadowDb(): ReturnType<PrismaPg['connectToShadowDb']> {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.databaseUrl);
    shadowUrl.pathname = `/${database}`;
    const shadow = await new PrismaPg({ connectionString: shadowUrl.toString() }).connect();
    const closeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadowPool();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}
