// A throw-away database on the local PostgreSQL server, so the bench can compare it with embedded PGlite.
import { createScratchDatabase, type ScratchDatabase } from '../../api/src/db/scratch-database';

export const POSTGRES_ADMIN_URL =
  process.env.WANSHI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function createPostgresDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase(POSTGRES_ADMIN_URL, 'wanshi_bench');
}
