// Nearest-rank order statistics: the one definition that the scheduler's latency windows, the profile benchmarks
// and bench/ all report by, so a p95 means the same number wherever it is shown.

/** Nearest-rank percentile (q in 0..1) of values in ascending order; NaN when there are none. */
export function nearestRank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Nearest-rank percentile (q in 0..1) of values in any order; NaN when there are none. */
export function percentile(values: readonly number[], q: number): number {
  return nearestRank(
    [...values].sort((a, b) => a - b),
    q,
  );
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}
