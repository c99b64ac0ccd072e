// How far a profile's detections agree with the fp32 artifact's on the same images, with no ground truth:
// fp32's confident boxes play the reference, and agreement is the F1 of one-to-one matches (same class,
// IoU ≥ 0.5, best-scored first), pooled over all images.
import type { CocoDetection } from '../evaluation/coco-format';
import { iou, type Box } from '../../../sdk/src/geometry/box';

export const AGREEMENT_IOU = 0.5;
/** Boxes shown to users (DISPLAY_OPTIONS): agreement is about what people would see change. */
export const AGREEMENT_MIN_SCORE = 0.3;

export interface AgreementCounts {
  matched: number;
  reference: number;
  candidate: number;
}

export function agreementCounts(
  reference: readonly CocoDetection[],
  candidate: readonly CocoDetection[],
  minScore = AGREEMENT_MIN_SCORE,
): AgreementCounts {
  const confident = (list: readonly CocoDetection[]) => list.filter((d) => d.score >= minScore);
  const referenceGroups = groupByImageAndClass(confident(reference));
  const candidateGroups = groupByImageAndClass(confident(candidate));
  let matched = 0;
  for (const [key, candidates] of candidateGroups)
    matched += matchCount(referenceGroups.get(key) ?? [], candidates);
  const total = (groups: Map<string, CocoDetection[]>) =>
    [...groups.values()].reduce((n, g) => n + g.length, 0);
  return { matched, reference: total(referenceGroups), candidate: total(candidateGroups) };
}

/** F1 = 2·matched / (reference + candidate); 1 when both found nothing. */
export function agreementF1(counts: AgreementCounts): number {
  const total = counts.reference + counts.candidate;
  return total === 0 ? 1 : (2 * counts.matched) / total;
}

export function detectionAgreement(
  reference: readonly CocoDetection[],
  candidate: readonly CocoDetection[],
): number {
  return agreementF1(agreementCounts(reference, candidate));
}

function matchCount(reference: readonly CocoDetection[], candidates: readonly CocoDetection[]): number {
  const taken = new Set<number>();
  for (const detection of [...candidates].sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestOverlap = AGREEMENT_IOU;
    reference.forEach((r, i) => {
      const overlap = iou(toBox(detection.bbox), toBox(r.bbox));
      if (!taken.has(i) && overlap >= bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best >= 0) taken.add(best);
  }
  return taken.size;
}

const toBox = ([x, y, w, h]: readonly number[]): Box => [x, y, x + w, y + h];

function groupByImageAndClass(detections: readonly CocoDetection[]): Map<string, CocoDetection[]> {
  const groups = new Map<string, CocoDetection[]>();
  for (const d of detections) {
    const key = `${d.image_id}/${d.category_id}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return groups;
}
