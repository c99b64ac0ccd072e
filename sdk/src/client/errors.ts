// What went wrong with a call to the API, as one error type an app can switch on: the server's own codes, and
// the two a client meets on its own (the server could not be reached, or did not answer in time).
import type { ErrorCode } from './codes';

export type WanshiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'TIMEOUT';

/** Codes after which the same request may succeed later; the server says when in retryAfterMs. */
export const RETRYABLE_CODES: readonly WanshiErrorCode[] = ['OVERLOADED', 'RATE_LIMITED', 'UNAVAILABLE'];

export class WanshiError extends Error {
  override name = 'WanshiError';

  constructor(
    readonly code: WanshiErrorCode,
    message: string,
    /** How long the server asks to wait before retrying (OVERLOADED, RATE_LIMITED, UNAVAILABLE). */
    readonly retryAfterMs?: number,
    /** A finer cause within the code (e.g. an upload's NOT_AN_IMAGE), as the server names it. */
    readonly reason?: string,
    readonly details?: unknown,
    /** The HTTP status of the reply, when there was one. */
    readonly status?: number,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return RETRYABLE_CODES.includes(this.code);
  }
}

/** Whether an error is a WanshiError, optionally of one code. */
export function isWanshiError(error: unknown, code?: WanshiErrorCode): error is WanshiError {
  return error instanceof WanshiError && (code === undefined || error.code === code);
}
