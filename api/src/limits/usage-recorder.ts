// Usage per key per UTC day, counted in memory and added to `api_key_usage` every few seconds: a write per
// detection would double the database work of the detect path. Each replica adds its own counts (the upsert
// increments), so totals are right across replicas; what a crash loses is at most one interval.
import { Prisma, type PrismaClient } from '../db/client';
import { createLogger } from '../logging/logger';
import { utcDay } from './utc-day';

const log = createLogger('usage');

export interface UsageCounts {
  detections: number;
  images: number;
  objects: number;
  errors: number;
  rateLimited: number;
}

export const NO_USAGE: UsageCounts = { detections: 0, images: 0, objects: 0, errors: 0, rateLimited: 0 };
const FIELDS = Object.keys(NO_USAGE) as (keyof UsageCounts)[];

export const USAGE_FLUSH_MS = 5_000;

export class UsageRecorder {
  private pending = new Map<string, { keyId: string; day: string; counts: UsageCounts }>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly prisma: PrismaClient,
    flushMs = USAGE_FLUSH_MS,
  ) {
    this.timer = setInterval(() => void this.flush().catch(() => {}), flushMs).unref();
  }

  add(keyId: string, counts: Partial<UsageCounts>, atMs = Date.now()): void {
    const day = utcDay(atMs);
    const id = `${keyId}|${day}`;
    const entry = this.pending.get(id) ?? { keyId, day, counts: { ...NO_USAGE } };
    for (const field of FIELDS) entry.counts[field] += counts[field] ?? 0;
    this.pending.set(id, entry);
  }

  /** Writes what was counted so far; counts whose write failed are kept for the next flush. */
  flush(): Promise<void> {
    // After the failure of an earlier flush (told to its caller), not instead of it: chained on the failed
    // promise itself, no flush would ever write again after one database outage.
    this.flushing = this.flushing.catch(() => undefined).then(() => this.writePending());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => {});
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const rows = batch.map(
      ({ keyId, day, counts: c }) =>
        Prisma.sql`(${keyId}::uuid, ${day}::date, ${c.detections}, ${c.images}, ${c.objects}, ${c.errors}, ${c.rateLimited})`,
    );
    try {
      await this.prisma.$executeRaw`
        INSERT INTO api_key_usage (api_key_id, day, detections, images, objects, errors, rate_limited)
        VALUES ${Prisma.join(rows)}
        ON CONFLICT (api_key_id, day) DO UPDATE SET
          detections = api_key_usage.detections + EXCLUDED.detections,
          images = api_key_usage.images + EXCLUDED.images,
          objects = api_key_usage.objects + EXCLUDED.objects,
          errors = api_key_usage.errors + EXCLUDED.errors,
          rate_limited = api_key_usage.rate_limited + EXCLUDED.rate_limited`;
    } catch (error) {
      for (const { keyId, day, counts } of batch) this.add(keyId, counts, Date.parse(`${day}T12:00:00Z`));
      log.error('writing API key usage failed; kept for the next try', error);
      throw error;
    }
  }
}
