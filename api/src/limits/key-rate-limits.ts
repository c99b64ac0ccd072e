// Per-key request rate (with burst) and images-per-day quota, on rate-limiter-flexible. One limiter per distinct
// setting, so a key whose override changes starts a fresh counter under its new setting.
import { BurstyRateLimiter, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { KeyLimits } from '../config';
import { RateLimitedError } from './errors';
import type { MakeLimiter } from './store';
import { msUntilNextUtcDay, utcDay } from './utc-day';

/** The window the burst allowance refills over. */
export const BURST_WINDOW_SECONDS = 10;
/** Quota counters outlive their day by one, so a late request near midnight still finds its counter. */
const QUOTA_COUNTER_SECONDS = 2 * 86_400;

/** Gives back images reserved for work that then failed (a failed detect costs no quota). */
export type Refund = () => Promise<void>;
const NOTHING_TO_REFUND: Refund = async () => {};

export class KeyRateLimits {
  private readonly requestLimiters = new Map<string, BurstyRateLimiter | RateLimiterAbstract>();
  private readonly quotaLimiters = new Map<number, RateLimiterAbstract>();

  constructor(private readonly makeLimiter: MakeLimiter) {}

  /** Counts one request of the key; throws RateLimitedError past its rate and burst. */
  async admitRequest(keyId: string, limits: KeyLimits): Promise<void> {
    if (limits.requestsPerSecond === 0) return;
    try {
      await this.requestLimiter(limits).consume(keyId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new RateLimitedError(
        `This API key may make ${limits.requestsPerSecond} requests per second` +
          (limits.burst ? ` (plus ${limits.burst} per ${BURST_WINDOW_SECONDS} s in bursts)` : ''),
        'requests',
        Math.max(1, Math.ceil(error.msBeforeNext)),
      );
    }
  }

  /**
   * Takes `images` from the key's quota for today (UTC), all or nothing; throws RateLimitedError, with the time
   * to the next UTC day, when they do not all fit.
   */
  async reserveImages(keyId: string, limits: KeyLimits, images: number): Promise<Refund> {
    if (limits.imagesPerDay === 0) return NOTHING_TO_REFUND;
    const limiter = this.quotaLimiter(limits.imagesPerDay);
    const now = Date.now();
    const key = `${keyId}:${utcDay(now)}`;
    try {
      await limiter.consume(key, images);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      await limiter.reward(key, images); // a refused request uses none of the quota
      throw new RateLimitedError(
        `This API key may detect ${limits.imagesPerDay} images per day (UTC); ` +
          `${Math.max(0, error.consumedPoints - images)} used today`,
        'images',
        msUntilNextUtcDay(now),
      );
    }
    return async () => void (await limiter.reward(key, images));
  }

  private requestLimiter({ requestsPerSecond, burst }: KeyLimits): BurstyRateLimiter | RateLimiterAbstract {
    const id = `${requestsPerSecond}:${burst}`;
    let limiter = this.requestLimiters.get(id);
    if (!limiter) {
      const steady = this.makeLimiter({
        keyPrefix: `rps:${id}`,
        points: requestsPerSecond,
        durationSeconds: 1,
      });
      limiter =
        burst === 0
          ? steady
          : new BurstyRateLimiter(
              steady,
              this.makeLimiter({
                keyPrefix: `burst:${id}`,
                points: burst,
                durationSeconds: BURST_WINDOW_SECONDS,
              }),
            );
      this.requestLimiters.set(id, limiter);
    }
    return limiter;
  }

  private quotaLimiter(imagesPerDay: number): RateLimiterAbstract {
    let limiter = this.quotaLimiters.get(imagesPerDay);
    if (!limiter) {
      limiter = this.makeLimiter({
        keyPrefix: `images:${imagesPerDay}`,
        points: imagesPerDay,
        durationSeconds: QUOTA_COUNTER_SECONDS,
      });
      this.quotaLimiters.set(imagesPerDay, limiter);
    }
    return limiter;
  }
}
