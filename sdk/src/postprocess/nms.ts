import type { Candidate } from '../decoders/candidate';
import { iou } from '../geometry/box';

/**
 * Greedy NMS within groups: a candidate is dropped when a better-scored candidate of the same group overlaps
 * it by more than `iouThreshold`. The group of a class is `groups[classIndex]` (by default the class itself,
 * i.e. class-aware NMS); a negative group drops the class's candidates first. Returns at most `maxKeep`
 * candidates, best first.
 */
export function nonMaxSuppression(
  candidates: readonly Candidate[],
  iouThreshold: number,
  maxKeep: number,
  groups?: readonly number[],
): Candidate[] {
  const groupOf = (c: Candidate) => (groups ? (groups[c.classIndex] ?? -1) : c.classIndex);
  const sorted = candidates.filter((c) => groupOf(c) >= 0).sort((a, b) => b.score - a.score);
  const keptByGroup = new Map<number, Candidate[]>();
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    if (kept.length >= maxKeep) break;
    const group = groupOf(candidate);
    const sameGroup = keptByGroup.get(group) ?? [];
    if (sameGroup.some((k) => iou(k.box, candidate.box) > iouThreshold)) continue;
    sameGroup.push(candidate);
    keptByGroup.set(group, sameGroup);
    kept.push(candidate);
  }
  return kept;
}
