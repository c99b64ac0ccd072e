// Usage counted while PostgreSQL is unreachable is kept and written once it answers again, by the next flush.
import { afterEach, describe, expect, it } from 'vitest';
import { UsageRecorder } from '../../api/src/limits/usage-recorder';
import { utcDay } from '../../api/src/limits/utc-day';
import { available } from '../db/databases';
import { openPostgresThroughProxy, type ProxiedPostgres } from '../support/proxied-postgres';

/** Flushed by hand only. */
const NEVER_BY_TIMER_MS = 3_600_000;

describe('usage recorder across a database outage', async () => {
  if (!(await available('postgres'))) return void it.skip('needs postgres');

  let postgres: ProxiedPostgres | undefined;
  afterEach(async () => {
    await postgres?.db.close();
    await postgres?.dispose();
  });

  it('keeps the counts of a failed flush and writes them with the next one', async () => {
    postgres = await openPostgresThroughProxy();
    const { db, proxy } = postgres;
    const key = await db.prisma.apiKey.create({
      data: { name: 'app', prefix: 'wk_test', secretHash: 'a'.repeat(64), role: 'app' },
    });
    const recorder = new UsageRecorder(db.prisma, NEVER_BY_TIMER_MS);
    recorder.add(key.id, { detections: 1, images: 2, objects: 5 });

    await proxy.cut();
    await expect(recorder.flush()).rejects.toThrow();
    recorder.add(key.id, { detections: 1, images: 1, objects: 3, errors: 1 });
    await proxy.restore();
    await recorder.flush();
    await recorder.close();

    const rows = await db.prisma.apiKeyUsage.findMany({ where: { apiKeyId: key.id } });
    expect(
      rows.map(({ day, detections, images, objects, errors, rateLimited }) => ({
        day: utcDay(day.getTime()),
        detections,
        images,
        objects,
        errors,
        rateLimited,
      })),
    ).toEqual([{ day: utcDay(Date.now()), detections: 2, images: 3, objects: 8, errors: 1, rateLimited: 0 }]);
  }, 60_000);
});
