// Request rate with burst, the daily image quota and the failed-auth throttle on a fake clock (memory store),
// and the PostgreSQL store shared by two replicas.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyLimits } from '../../api/src/config';
import { openDatabase, type Database } from '../../api/src/db';
import { AuthFailureThrottle } from '../../api/src/limits/auth-throttle';
import { RateLimitedError } from '../../api/src/limits/errors';
import { KeyRateLimits } from '../../api/src/limits/key-rate-limits';
import { memoryLimiters, postgresLimiters } from '../../api/src/limits/store';
import { available, openTestDatabase } from '../db/databases';

/** The memory store ends windows and blocks with timers as well as by the clock: both are faked. */
const FAKED: ('Date' | 'setTimeout' | 'clearTimeout')[] = ['Date', 'setTimeout', 'clearTimeout'];

const limits = (l: Partial<KeyLimits>): KeyLimits => ({
  requestsPerSecond: 0,
  burst: 0,
  imagesPerDay: 0,
  ...l,
});

async function refusal(attempt: Promise<unknown>): Promise<RateLimitedError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

describe('key rate limits on a fake clock', () => {
  let rates: KeyRateLimits;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: FAKED });
    vi.setSystemTime(new Date('2026-12-03T23:00:00.000Z'));
    rates = new KeyRateLimits(memoryLimiters());
  });
  afterEach(() => vi.useRealTimers());

  it('lets requestsPerSecond through per second, then refuses until the second is over', async () => {
    const two = limits({ requestsPerSecond: 2 });
    await rates.admitRequest('k', two);
    await rates.admitRequest('k', two);
    vi.advanceTimersByTime(400);
    const refused = await refusal(rates.admitRequest('k', two));
    expect(refused).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 600,
      details: { limit: 'requests' },
    });
    vi.advanceTimersByTime(600);
    await rates.admitRequest('k', two);
  });

  it('allows a burst over the rate once per 10 s', async () => {
    const bursty = limits({ requestsPerSecond: 2, burst: 3 });
    for (let i = 0; i < 5; i++) await rates.admitRequest('k', bursty);
    await refusal(rates.admitRequest('k', bursty));
    vi.advanceTimersByTime(1000);
    await rates.admitRequest('k', bursty);
    await rates.admitRequest('k', bursty);
    await refusal(rates.admitRequest('k', bursty)); // the burst is spent until its 10 s are over
    vi.advanceTimersByTime(9000);
    for (let i = 0; i < 5; i++) await rates.admitRequest('k', bursty);
  });

  it('counts each key apart, and 0 means unlimited', async () => {
    const one = limits({ requestsPerSecond: 1 });
    await rates.admitRequest('a', one);
    await rates.admitRequest('b', one);
    for (let i = 0; i < 100; i++) await rates.admitRequest('c', limits({}));
  });

  it('refuses images over the daily quota whole, until the next UTC day, without using any of it', async () => {
    const five = limits({ imagesPerDay: 5 });
    await rates.reserveImages('k', five, 3);
    const refused = await refusal(rates.reserveImages('k', five, 3));
    expect(refused).toMatchObject({ retryAfterMs: 3_600_000, details: { limit: 'images' } });
    expect(refused.message).toContain('3 used today');
    await rates.reserveImages('k', five, 2); // the refused 3 took nothing
    await refusal(rates.reserveImages('k', five, 1));
    vi.setSystemTime(new Date('2026-12-04T00:00:01.000Z'));
    await rates.reserveImages('k', five, 5);
  });

  it('gives reserved images back when the work fails', async () => {
    const two = limits({ imagesPerDay: 2 });
    const refund = await rates.reserveImages('k', two, 2);
    await refusal(rates.reserveImages('k', two, 1));
    await refund();
    await rates.reserveImages('k', two, 2);
  });
});

describe('failed-auth throttle on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: FAKED });
    vi.setSystemTime(new Date('2026-12-03T12:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('blocks an address past N bad keys a minute for the block time, and no other address', async () => {
    const throttle = new AuthFailureThrottle(memoryLimiters(), 3, 300);
    for (let i = 0; i < 3; i++) await throttle.recordFailure('10.0.0.1');
    await throttle.check('10.0.0.1');
    const blocked = await refusal(throttle.recordFailure('10.0.0.1'));
    expect(blocked).toMatchObject({ retryAfterMs: 300_000, details: { limit: 'authFailures' } });
    vi.advanceTimersByTime(120_000);
    expect(await refusal(throttle.check('10.0.0.1'))).toMatchObject({ retryAfterMs: 180_000 });
    await throttle.check('10.0.0.2');
    vi.advanceTimersByTime(180_000);
    await throttle.check('10.0.0.1');
  });

  it('is off at 0', async () => {
    const throttle = new AuthFailureThrottle(memoryLimiters(), 0, 300);
    for (let i = 0; i < 50; i++) await throttle.recordFailure('10.0.0.1');
    await throttle.check('10.0.0.1');
  });
});

describe('the PostgreSQL store, shared by two replicas', async () => {
  if (!(await available('postgres'))) return void it.skip('needs postgres');
  let first: Awaited<ReturnType<typeof openTestDatabase>>;
  let second: Database;
  beforeAll(async () => {
    first = await openTestDatabase('postgres');
    second = await openDatabase(first.config);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it("counts one key's quota across both", async () => {
    const four = limits({ imagesPerDay: 4 });
    const a = new KeyRateLimits(postgresLimiters(first.prisma));
    const b = new KeyRateLimits(postgresLimiters(second.prisma));
    await a.reserveImages('shared-key', four, 3);
    await refusal(b.reserveImages('shared-key', four, 2));
    await b.reserveImages('shared-key', four, 1);
    await refusal(a.reserveImages('shared-key', four, 1));
    const [row] = await first.prisma.rateLimitCounter.findMany();
    expect(row).toMatchObject({ points: 4 });
  });

  it('blocks an address on one replica after bad keys on the other', async () => {
    const one = new AuthFailureThrottle(postgresLimiters(first.prisma), 2, 60);
    const other = new AuthFailureThrottle(postgresLimiters(second.prisma), 2, 60);
    await one.recordFailure('10.0.0.9');
    await other.recordFailure('10.0.0.9');
    await refusal(one.recordFailure('10.0.0.9'));
    await refusal(other.check('10.0.0.9'));
  });
});
