// COCO box mAP (pycocotools' "bbox" evaluation, area range "all"): AP per category averaged over IoU
// thresholds .50:.05:.95; categories without ground truth are left out of the mean.
import type { Box } from '../../../sdk/src/geometry/box';
import { averagePrecision } from './average-precision';
import type { CocoDataset, CocoDetection } from './coco-format';
import { matchImageCategory, type GroundTruthBox, type MatchOutcome, type ScoredBox } from './match';

const IOU_THRESHOLDS: readonly number[] = Array.from({ length: 10 }, (_, i) =>
  i === 9 ? 0.95 : 0.5 + i * (0.45 / 9),
);

export interface CategoryResult {
  categoryId: number;
  name: string;
  /** Non-crowd ground-truth boxes. */
  instances: number;
  /** AP averaged over IoU .50:.95; null when the category has no ground truth here. */
  ap: number | null;
  ap50: number | null;
  ap75: number | null;
}

export interface EvaluationResult {
  map: number;
  map50: number;
  map75: number;
  categories: CategoryResult[];
}

const xywhToBox = ([x, y, w, h]: readonly number[]): Box => [x, y, x + w, y + h];

export function evaluateDetections(
  dataset: CocoDataset,
  detections: readonly CocoDetection[],
  maxDets = 100,
): EvaluationResult {
  const imageIds = dataset.images.map((i) => i.id).sort((a, b) => a - b);
  const truths = groupBy(dataset.annotations, (a): GroundTruthBox => ({
    box: xywhToBox(a.bbox),
    crowd: a.iscrowd === 1,
  }));
  const results = groupBy(detections, (d): ScoredBox => ({ box: xywhToBox(d.bbox), score: d.score }));

  const categories = dataset.categories.map((category): CategoryResult => {
    const perThreshold: MatchOutcome[][] = IOU_THRESHOLDS.map(() => []);
    const scores: number[] = [];
    let positives = 0;
    for (const imageId of imageIds) {
      const key = `${imageId}/${category.id}`;
      const match = matchImageCategory(
        truths.get(key) ?? [],
        results.get(key) ?? [],
        IOU_THRESHOLDS,
        maxDets,
      );
      positives += match.positives;
      scores.push(...match.scores);
      match.outcomes.forEach((outcomes, t) => perThreshold[t].push(...outcomes));
    }
    const base = { categoryId: category.id, name: category.name, instances: positives };
    if (positives === 0) return { ...base, ap: null, ap50: null, ap75: null };
    // Rank all the category's detections by score; the stable sort keeps pycocotools' tie order.
    const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
    const aps = perThreshold.map((outcomes) =>
      averagePrecision(
        order.map((i) => outcomes[i]),
        positives,
      ),
    );
    return { ...base, ap: mean(aps), ap50: aps[0], ap75: aps[5] };
  });

  const scored = categories.filter((c) => c.ap !== null);
  return {
    map: mean(scored.map((c) => c.ap!)),
    map50: mean(scored.map((c) => c.ap50!)),
    map75: mean(scored.map((c) => c.ap75!)),
    categories,
  };
}

function groupBy<T extends { image_id: number; category_id: number }, V>(
  items: readonly T[],
  toValue: (item: T) => V,
) {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = `${item.image_id}/${item.category_id}`;
    const group = groups.get(key) ?? [];
    group.push(toValue(item));
    groups.set(key, group);
  }
  return groups;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}
