// Greedy matching of one image's detections to its ground truth for one category, as pycocotools'
// evaluateImg does it: best-scored detection first, each to the unmatched box it overlaps most; crowd
// regions can absorb any number of detections, which then count neither as hits nor as false alarms.
import type { Box } from '../../../sdk/src/geometry/box';
import { boxArea, intersectionArea } from '../../../sdk/src/geometry/box';

export interface GroundTruthBox {
  box: Box;
  crowd: boolean;
}

export interface ScoredBox {
  box: Box;
  score: number;
}

export type MatchOutcome = 'hit' | 'miss' | 'ignored';

export interface ImageCategoryMatch {
  /** Detections kept (best maxDets by score), best first. */
  scores: number[];
  /** outcomes[t][d]: what detection d is at IoU threshold t. */
  outcomes: MatchOutcome[][];
  /** Ground-truth boxes that must be found (non-crowd). */
  positives: number;
}

/** COCO overlap: for a crowd region, the share of the detection inside it (not intersection over union). */
function cocoOverlap(detection: Box, truth: GroundTruthBox): number {
  const inter = intersectionArea(detection, truth.box);
  if (inter === 0) return 0;
  return inter / (truth.crowd ? boxArea(detection) : boxArea(detection) + boxArea(truth.box) - inter);
}

export function matchImageCategory(
  truths: readonly GroundTruthBox[],
  detections: readonly ScoredBox[],
  iouThresholds: readonly number[],
  maxDets: number,
): ImageCategoryMatch {
  // Crowd regions go last so a real box is always preferred when both qualify (stable sort keeps order).
  const gts = [...truths].sort((a, b) => Number(a.crowd) - Number(b.crowd));
  const dts = [...detections].sort((a, b) => b.score - a.score).slice(0, maxDets);
  const overlaps = dts.map((d) => gts.map((g) => cocoOverlap(d.box, g)));

  const outcomes = iouThresholds.map((threshold) => {
    const taken = gts.map(() => false);
    return dts.map((_, d): MatchOutcome => {
      let best = -1;
      let bestOverlap = Math.min(threshold, 1 - 1e-10);
      for (let g = 0; g < gts.length; g++) {
        if (taken[g] && !gts[g].crowd) continue;
        // Once a real box matched, crowd regions (sorted last) cannot replace it.
        if (best > -1 && !gts[best].crowd && gts[g].crowd) break;
        if (overlaps[d][g] < bestOverlap) continue;
        bestOverlap = overlaps[d][g];
        best = g;
      }
      if (best === -1) return 'miss';
      taken[best] = true;
      return gts[best].crowd ? 'ignored' : 'hit';
    });
  });
  return { scores: dts.map((d) => d.score), outcomes, positives: gts.filter((g) => !g.crowd).length };
}
