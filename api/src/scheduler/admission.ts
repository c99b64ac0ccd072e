// Admission control, after Triton's queue policy (max queue delay, per-priority timeouts, reject on timeout):
// a request is let into an artifact's queue only if it is expected to start within its bound, judged from the
// requests ahead of it and the measured drain rate. Refusing at the door is cheap; admitting work that will
// wait past what its caller tolerates costs the CPU the admitted work needs (congestion collapse).
import type { Priority } from './types';

export interface AdmissionQuery {
  /** Requests asking together (a detectBatch's images for this artifact). */
  count: number;
  /** Requests that start before these would: queued ahead of them, promised places, and running now. */
  ahead: number;
  /** How many must leave the queue before `count` more fit its hard size bound (0: they fit). */
  shortfall: number;
  /** Measured service time per request; undefined before the first batch (only the size bound applies then). */
  msPerRequest: number | undefined;
  /** The longest they may wait to start: the smaller of their timeout and the artifact's max queue wait. */
  waitBoundMs: number;
  /** For the retry hint before anything was measured. */
  batchSize: number;
}

export type AdmissionDecision =
  | { admitted: true; expectedWaitMs: number }
  | { admitted: false; reason: 'queue-full' | 'expected-wait'; expectedWaitMs: number; retryAfterMs: number };

/** retryAfterMs guess per batch before any batch has run (e.g. while the model is still loading). */
export const UNMEASURED_BATCH_MS = 1000;

export function decideAdmission(query: AdmissionQuery): AdmissionDecision {
  const { count, ahead, shortfall, msPerRequest, waitBoundMs, batchSize } = query;
  // The last of them starts once everything ahead and the others of its group have started.
  const expectedWaitMs = msPerRequest === undefined ? 0 : msPerRequest * (ahead + count - 1);
  const reason = shortfall > 0 ? 'queue-full' : expectedWaitMs > waitBoundMs ? 'expected-wait' : undefined;
  if (!reason) return { admitted: true, expectedWaitMs };
  // The time for the backlog the caller saw to drain, not for the first place to free up: every refused caller
  // would race for that place at once, and refusals, however cheap, would then crowd out the work.
  const retryAfterMs =
    msPerRequest === undefined
      ? Math.ceil(shortfall / batchSize) * UNMEASURED_BATCH_MS
      : Math.ceil(msPerRequest * Math.max(ahead, shortfall));
  return { admitted: false, reason, expectedWaitMs, retryAfterMs: Math.max(1, retryAfterMs) };
}

/**
 * Places in one artifact's queue promised by admission to requests not queued yet (their photos are still
 * being read), so that requests admitted together cannot overfill the queue once they all arrive.
 */
export class Admission {
  constructor(
    readonly artifact: string,
    readonly priority: Priority,
    private remaining: number,
    private readonly giveBack: (places: number) => void,
  ) {}

  /** Turns one promised place into a queued request; false when none is left. */
  take(): boolean {
    if (this.remaining === 0) return false;
    this.remaining--;
    this.giveBack(1);
    return true;
  }

  /** Gives back the places not taken (the caller failed before queueing them). Idempotent. */
  release(): void {
    this.giveBack(this.remaining);
    this.remaining = 0;
  }
}
