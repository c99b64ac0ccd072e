// Area under the interpolated precision–recall curve, sampled at 101 recall points as pycocotools does.
import type { MatchOutcome } from './match';

/** numpy's spacing(1): keeps precision defined before the first hit, exactly as pycocotools computes it. */
const EPS = 2.220446049250313e-16;
const RECALL_THRESHOLDS: readonly number[] = Array.from({ length: 101 }, (_, i) => i * 0.01);

/**
 * `outcomes` are the detections of one category over all images, best score first. Ignored detections
 * (matched to crowd regions) count neither way.
 */
export function averagePrecision(outcomes: readonly MatchOutcome[], positives: number): number {
  const recall: number[] = [];
  const precision: number[] = [];
  let hits = 0;
  let misses = 0;
  for (const outcome of outcomes) {
    if (outcome === 'hit') hits++;
    else if (outcome === 'miss') misses++;
    recall.push(hits / positives);
    precision.push(hits / (hits + misses + EPS));
  }
  // Interpolate: precision at recall r is the best precision at any recall ≥ r.
  for (let i = precision.length - 1; i > 0; i--) precision[i - 1] = Math.max(precision[i - 1], precision[i]);
  let sum = 0;
  let i = 0;
  for (const threshold of RECALL_THRESHOLDS) {
    while (i < recall.length && recall[i] < threshold) i++;
    if (i === recall.length) break; // recall never reached: precision 0 from here on
    sum += precision[i];
  }
  return sum / RECALL_THRESHOLDS.length;
}
