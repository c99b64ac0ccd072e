// How fast an artifact's queue drains, measured: milliseconds of service per request over its recent batches.
// Admission multiplies it by the requests ahead to get a new request's expected wait (Triton bounds queues by
// time, not count), and the same figure tells a refused caller when the backlog it saw will have drained.

/** Recent batches kept: enough to smooth one slow batch, few enough to follow a change of load within seconds. */
const WINDOW_BATCHES = 16;

export class DrainRate {
  private readonly batches: { size: number; cycleMs: number }[] = [];
  private lastFinishedAt: number | undefined;

  /**
   * A batch of `size` requests ran from `startedAt` to `finishedAt`; its first request arrived at
   * `firstArrivalAt`. If that request was already waiting when the previous batch finished (a backlog), the
   * cycle is the time since then, so preparation stalls and the scheduler's own hops count; else (an idle lane)
   * it is the run alone: a lone request's preparation would overlap the next batches under load.
   */
  record(size: number, firstArrivalAt: number, startedAt: number, finishedAt: number): void {
    const backlogged = this.lastFinishedAt !== undefined && firstArrivalAt < this.lastFinishedAt;
    const since = backlogged ? this.lastFinishedAt! : startedAt;
    this.lastFinishedAt = finishedAt;
    this.batches.push({ size, cycleMs: Math.max(0, finishedAt - since) });
    if (this.batches.length > WINDOW_BATCHES) this.batches.shift();
  }

  /** Service time per request over the recent batches; undefined before the first batch. */
  msPerRequest(): number | undefined {
    let size = 0;
    let cycleMs = 0;
    for (const batch of this.batches) {
      size += batch.size;
      cycleMs += batch.cycleMs;
    }
    return size > 0 ? cycleMs / size : undefined;
  }
}
