// The HTTP status that goes with each error code, for the REST routes (whose bodies are
// `{ error: { code, message } }`) and the GraphQL door refusals alike.
import type { ErrorCode } from '../graphql/errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  OVERLOADED: 503,
  SHUTTING_DOWN: 503,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};
