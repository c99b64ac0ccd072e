// Prisma CLI configuration (generate, migrate). The JS schema engine with a driver adapter is what lets
// `prisma migrate` run offline (no engine download). The database is the one the server would use:
// DATABASE_URL's PostgreSQL, else the embedded PGlite in the data directory (which can apply migrations with
// `migrate deploy` but cannot create them: `migrate dev` needs PostgreSQL for its shadow database).
// Neither adapter touches the database until a command connects: `prisma -v` and `prisma generate` (run at
// install) never open it (api/src/db/cli-adapter.ts says why that matters).
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
    const { LazyPgliteAdapterFactory } = await import('./api/src/db/cli-adapter');
    return new LazyPgliteAdapterFactory(config.dataDir);
  },
});
