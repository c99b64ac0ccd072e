// How an activation's observed values become the range its 8-bit encoding covers. minmax keeps every value
// (outliers stretch the step); percentile clips the rarest tails; entropy picks the clipping threshold whose
// quantized distribution stays closest (Kullback-Leibler) to the observed one, as TensorRT calibrates.
import { HISTOGRAM_BINS, type TensorStats } from './activationStats';

export type CalibrationMethod = 'minmax' | 'percentile' | 'entropy';

/** Share of the values kept inside the range by the percentile method (the rest split between both tails). */
export const PERCENTILE_KEPT = 0.9999;
const QUANTIZED_LEVELS = 128;

export function activationRange(stats: TensorStats, method: CalibrationMethod): [number, number] {
  switch (method) {
    case 'minmax':
      return [stats.min, stats.max];
    case 'percentile':
      return percentileRange(stats, PERCENTILE_KEPT);
    case 'entropy':
      return entropyRange(stats);
  }
}

function binEdge(stats: TensorStats, bin: number): number {
  return stats.min + ((stats.max - stats.min) * bin) / HISTOGRAM_BINS;
}

export function percentileRange(stats: TensorStats, kept: number): [number, number] {
  const total = stats.histogram.reduce((s, c) => s + c, 0);
  const tail = (total * (1 - kept)) / 2;
  let low = 0;
  for (let seen = 0; low < HISTOGRAM_BINS - 1 && seen + stats.histogram[low] <= tail; low++)
    seen += stats.histogram[low];
  let high = HISTOGRAM_BINS - 1;
  for (let seen = 0; high > low && seen + stats.histogram[high] <= tail; high--)
    seen += stats.histogram[high];
  return [binEdge(stats, low), binEdge(stats, high + 1)];
}

/**
 * Entropy calibration of the side of zero holding the larger magnitude; the other side keeps its observed
 * extreme, capped at the same distance. Candidate thresholds are bin edges from QUANTIZED_LEVELS bins outwards.
 */
export function entropyRange(stats: TensorStats): [number, number] {
  const zeroBin = Math.round((-Math.min(stats.min, 0) / (stats.max - stats.min || 1)) * HISTOGRAM_BINS);
  const upper = stats.max >= -stats.min;
  const side = upper ? stats.histogram.slice(zeroBin) : stats.histogram.slice(0, zeroBin).reverse();
  if (side.length <= QUANTIZED_LEVELS) return [stats.min, stats.max];
  let best = side.length;
  let bestDivergence = Infinity;
  for (let cut = QUANTIZED_LEVELS; cut <= side.length; cut++) {
    const divergence = clippingDivergence(side, cut);
    if (divergence < bestDivergence) {
      bestDivergence = divergence;
      best = cut;
    }
  }
  const threshold = (upper ? stats.max : -stats.min) * (best / side.length);
  return [Math.max(stats.min, -threshold), Math.min(stats.max, threshold)];
}

/** KL(P || Q): P = the first `cut` bins with the clipped tail added to its last bin, Q = P squeezed into QUANTIZED_LEVELS levels. */
function clippingDivergence(side: Float64Array, cut: number): number {
  const reference = side.slice(0, cut);
  for (let i = cut; i < side.length; i++) reference[cut - 1] += side[i];
  const quantized = new Float64Array(cut);
  const perLevel = cut / QUANTIZED_LEVELS;
  for (let level = 0; level < QUANTIZED_LEVELS; level++) {
    const start = Math.floor(level * perLevel);
    const end = level === QUANTIZED_LEVELS - 1 ? cut : Math.floor((level + 1) * perLevel);
    let sum = 0;
    let nonEmpty = 0;
    for (let i = start; i < end; i++) {
      sum += side[i];
      if (side[i] > 0) nonEmpty++;
    }
    for (let i = start; i < end; i++) if (side[i] > 0) quantized[i] = sum / nonEmpty;
  }
  const pTotal = reference.reduce((s, v) => s + v, 0);
  const qTotal = quantized.reduce((s, v) => s + v, 0);
  let divergence = 0;
  for (let i = 0; i < cut; i++) {
    if (reference[i] === 0) continue;
    const p = reference[i] / pTotal;
    const q = quantized[i] / qTotal;
    divergence += q > 0 ? p * Math.log(p / q) : p * 20; // an empty level where data lives: heavily penalised
  }
  return divergence;
}
