// Failed-authentication throttle per client address: past N bad keys a minute, every request carrying a key from
// that address is refused for a while (a right guess included, or the throttle would not slow guessing), while
// other addresses are untouched.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors';
import type { MakeLimiter } from './store';

export class AuthFailureThrottle {
  private readonly limiter: RateLimiterAbstract | undefined;

  constructor(
    makeLimiter: MakeLimiter,
    private readonly failuresPerMinute: number,
    blockSeconds: number,
  ) {
    this.limiter =
      failuresPerMinute === 0
        ? undefined
        : makeLimiter({ keyPrefix: 'auth', points: failuresPerMinute, durationSeconds: 60, blockSeconds });
  }

  /** Throws RateLimitedError while the address is blocked. */
  async check(address: string): Promise<void> {
    const state = await this.limiter?.get(address);
    if (state && state.consumedPoints > this.failuresPerMinute) throw this.refusal(state);
  }

  /** Counts a bad key from the address; throws RateLimitedError once that blocks it. */
  async recordFailure(address: string): Promise<void> {
    try {
      await this.limiter?.consume(address);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw this.refusal(error);
    }
  }

  private refusal(state: RateLimiterRes): RateLimitedError {
    return new RateLimitedError(
      'Too many invalid API keys from this address; wait before trying again',
      'authFailures',
      Math.max(1, Math.ceil(state.msBeforeNext)),
    );
  }
}
