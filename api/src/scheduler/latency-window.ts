// Recent latencies for the stats snapshot: percentiles over the last minute, so they describe now, not all time.
import { nearestRank } from '../statistics/percentile';

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export class LatencyWindow {
  private readonly samples: { at: number; ms: number }[] = [];

  constructor(
    private readonly windowMs = 60_000,
    /** Bounds memory under heavy traffic; the newest samples are kept. */
    private readonly maxSamples = 2048,
  ) {}

  record(ms: number, at: number): void {
    this.samples.push({ at, ms });
    if (this.samples.length > this.maxSamples) this.samples.shift();
  }

  /** All 0 while the window is empty: these go to GraphQL and metrics, which have no NaN. */
  percentiles(now: number): Percentiles {
    this.dropOlderThanWindow(now);
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    if (sorted.length === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0 };
    return {
      count: sorted.length,
      p50: nearestRank(sorted, 0.5),
      p90: nearestRank(sorted, 0.9),
      p99: nearestRank(sorted, 0.99),
      max: sorted[sorted.length - 1],
    };
  }

  private dropOlderThanWindow(now: number): void {
    while (this.samples.length > 0 && this.samples[0].at < now - this.windowMs) this.samples.shift();
  }
}
