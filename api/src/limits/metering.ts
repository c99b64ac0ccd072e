// The limits and the usage count around each request: the rate limit on every request with a key, the image
// quota and the usage counters around detect and detectBatch.
import type { Principal } from '../auth/roles';
import { RateLimitedError } from './errors';
import type { KeyLimitService } from './key-limits-service';
import type { KeyRateLimits } from './key-rate-limits';
import type { UsageRecorder } from './usage-recorder';

export class Metering {
  constructor(
    private readonly limits: KeyLimitService,
    private readonly rates: KeyRateLimits,
    private readonly usage: UsageRecorder,
  ) {}

  /** Throws RateLimitedError when the key is over its request rate. */
  async admitRequest(principal: Principal): Promise<void> {
    try {
      await this.rates.admitRequest(principal.keyId, await this.limits.limitsOf(principal.keyId));
    } catch (error) {
      if (error instanceof RateLimitedError) this.usage.add(principal.keyId, { rateLimited: 1 });
      throw error;
    }
  }

  /**
   * Runs detection work for `images` images within the key's daily quota, counting it: a success adds a detection
   * call, its images and objects; a failure an error, and gives its images back to the quota.
   */
  async detect<T>(
    principal: Principal,
    images: number,
    work: () => Promise<T>,
    objectsIn: (result: T) => number,
  ): Promise<T> {
    const { keyId } = principal;
    let refund;
    try {
      refund = await this.rates.reserveImages(keyId, await this.limits.limitsOf(keyId), images);
    } catch (error) {
      this.usage.add(keyId, { errors: 1, rateLimited: error instanceof RateLimitedError ? 1 : 0 });
      throw error;
    }
    try {
      const result = await work();
      this.usage.add(keyId, { detections: 1, images, objects: objectsIn(result) });
      return result;
    } catch (error) {
      this.usage.add(keyId, { errors: 1 });
      await refund();
      throw error;
    }
  }
}
