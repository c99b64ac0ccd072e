// Recent latencies for the stats snapshot: percentiles over the last minute, so they describe now, not all time.

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

  percentiles(now: number): Percentiles {
    this.dropOlderThanWindow(now);
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    return {
      count: sorted.length,
      p50: nearestRank(sorted, 0.5),
      p90: nearestRank(sorted, 0.9),
      p99: nearestRank(sorted, 0.99),
      max: sorted.length > 0 ? sorted[sorted.length - 1] : 0,
    };
  }

  private dropOlderThanWindow(now: number): void {
    while (this.samples.length > 0 && this.samples[0].at < now - this.windowMs) this.samples.shift();
  }
}

/** Nearest-rank percentile of ascending values; 0 for none. */
export function nearestRank(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}
