// Over a key's rate limit or image quota, or a client address sending too many bad keys: the GraphQL layer
// answers `extensions.code: RATE_LIMITED` with `retryAfterMs` (api/src/graphql/errors.ts reads both).

export type RateLimitKind = 'requests' | 'images' | 'authFailures';

export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  readonly details: { limit: RateLimitKind };

  constructor(
    message: string,
    limit: RateLimitKind,
    /** When a retry can succeed; at least 1. */
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.details = { limit };
  }
}
