// The stable `extensions.code` of every error the API answers (api/src/graphql/errors.ts sets them); the SDK
// turns each into a typed WanshiError.

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'OVERLOADED',
  'DEADLINE_EXCEEDED',
  'SHUTTING_DOWN',
  'RATE_LIMITED',
  /** The database is unreachable (an outage or a restart): nothing was written; retry after retryAfterMs. */
  'UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
