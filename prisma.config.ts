// Prisma CLI configuration (generate, migrate). The JS schema engine with a driver adapter is what lets
// `prisma migrate` run offline (no engine download). The database is the one the server would use:
// DATABASE_URL's PostgreSQL, else the embedded PGlite in the data directory (which can apply migrations with
// `migrate deploy` but cannot create them: `migrate dev` needs PostgreSQL for its shadow database).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { loadConfig } from './api/src/config';

export default defineConfig({
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    const config = loadConfig();
    if (config.databaseUrl) {
      const { PostgresAdapterFactory } = await import('./api/src/db/postgres-adapter');
      return new PostgresAdapterFactory(config.databaseUrl);
    }
    const { openPglite } = await import('./api/src/db/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    // The CLI exits without closing; the lock it leaves names a dead process, which the next open takes over.
    return new PrismaPGlite((await openPglite(config.dataDir)).pglite);
  },
});
