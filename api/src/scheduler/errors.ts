// Every way the scheduler refuses or fails a request, as a stable code the API maps to GraphQL extensions.code.

export type SchedulerErrorCode =
  /** The request was still queued at its deadline; it was never computed. */
  | 'DEADLINE_EXCEEDED'
  /** The artifact's queue is full; retry after `retryAfterMs`. */
  | 'OVERLOADED'
  /** The scheduler is stopping and accepts or finishes nothing more. */
  | 'SHUTTING_DOWN'
  /** The artifact could not be loaded or warmed up (see `cause`). */
  | 'MODEL_UNAVAILABLE'
  /** Preparing the input failed (see `cause`, e.g. an ImageInputError for a bad upload). */
  | 'PREPARATION_FAILED'
  /** Inference ran out of memory even for a batch of one. */
  | 'OUT_OF_MEMORY'
  /** Inference failed for another reason (see `cause`). */
  | 'INFERENCE_FAILED';

export class SchedulerError extends Error {
  /** Only set for OVERLOADED: a hint for how long the queue needs to make room. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: SchedulerErrorCode,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'SchedulerError';
    this.retryAfterMs = options.retryAfterMs;
  }
}
