// Where rate-limit counters live. PGlite serves one process, so its counters stay in memory; on PostgreSQL
// they are rows in `rate_limits`, updated by one atomic upsert per request, so replicas share every limit.
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { PrismaClient } from '../db/client';

export interface LimiterOptions {
  /** Names the counter family; keys of different families never collide. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Once over, refused for this long (0: only until the window ends). */
  blockSeconds?: number;
}

export type MakeLimiter = (options: LimiterOptions) => RateLimiterAbstract;

export function memoryLimiters(): MakeLimiter {
  return ({ keyPrefix, points, durationSeconds, blockSeconds = 0 }) =>
    new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds, blockDuration: blockSeconds });
}

/**
 * rate-limiter-flexible's PostgreSQL store, over our Prisma client instead of a second connection pool: it only
 * needs `query({ text, values })` answering `{ rows, rowCount }`. The table comes from our migrations.
 */
export function postgresLimiters(prisma: PrismaClient): MakeLimiter {
  const storeClient = {
    query: async ({ text, values = [] }: { text: string; values?: unknown[] }) => {
      const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows, rowCount: rows.length };
    },
  };
  return ({ keyPrefix, points, durationSeconds, blockSeconds = 0 }) =>
    new RateLimiterPostgres({
      storeClient,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix,
      points,
      duration: durationSeconds,
      blockDuration: blockSeconds,
    });
}
