import type { Candidate } from '../decoders/candidate';
import { iou } from '../geometry/box';

/**
 * Class-aware greedy NMS: a candidate is dropped only when a better-scored candidate of the same class
 * overlaps it by more than `iouThreshold`. Returns at most `maxKeep` candidates, best first.
 */
export function nonMaxSuppression(
  candidates: readonly Candidate[],
  iouThreshold: number,
  maxKeep: number,
): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const keptByClass = new Map<number, Candidate[]>();
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    if (kept.length >= maxKeep) break;
    const sameClass = keptByClass.get(candidate.classIndex) ?? [];
    if (sameClass.some((k) => iou(k.box, candidate.box) > iouThreshold)) continue;
    sameClass.push(candidate);
    keptByClass.set(candidate.classIndex, sameClass);
    kept.push(candidate);
  }
  return kept;
}
