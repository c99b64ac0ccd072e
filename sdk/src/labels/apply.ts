// The label set applied to a model's raw answer: Chinese names, enabled classes, per-label thresholds. The
// server's detect pipeline and the device detector name boxes with this one function.
import type { Detection, DetectionOptions } from '../detection';

export const DEFAULT_MIN_SCORE = 0.3;
export const DEFAULT_MAX_OBJECTS = 100;
/** Same-class boxes overlapping more than this are one object (NanoDet's own setting). */
export const NMS_IOU = 0.6;

/** What a label must say to name a box. */
export interface ShownLabel {
  key: string;
  zh: string;
  /** This label's own threshold; null: the request's. */
  minScore: number | null;
}

export interface LabelPlan<L extends ShownLabel> {
  /** The label showing each model class, by class index; null: the class is off. */
  classLabels: readonly (L | null)[];
  /** The NMS group of each class (-1: dropped before NMS: off, disabled, or not asked for). */
  nmsGroups: readonly number[];
  minScore: number;
  maxObjects: number;
}

/** What to ask the model for so that applyLabelSet can then apply the plan. */
export function modelOptions(plan: LabelPlan<ShownLabel>): DetectionOptions {
  return {
    minScore: Math.min(plan.minScore, ...plan.classLabels.map((l) => l?.minScore ?? plan.minScore)),
    iou: NMS_IOU,
    nmsGroups: plan.nmsGroups,
    // Per-label thresholds drop some boxes afterwards, so ask for enough to still fill maxObjects.
    maxObjects: Math.max(plan.maxObjects, DEFAULT_MAX_OBJECTS),
  };
}

/** One named box: the model's class and the label showing it, box in original pixels. */
export interface LabelledObject {
  classKey: string;
  labelKey: string;
  labelZh: string;
  score: number;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Chinese names from the label set (the label that covers each class), only the classes NMS kept (enabled,
 * asked for), per-label thresholds over the request's; best scores first.
 */
export function applyLabelSet<L extends ShownLabel>(output: Detection, plan: LabelPlan<L>): LabelledObject[] {
  return output.objects
    .flatMap((o) => {
      const label = plan.classLabels[o.classIndex];
      const shown =
        label && plan.nmsGroups[o.classIndex] >= 0 && o.score >= (label.minScore ?? plan.minScore);
      return shown ? [{ o, label }] : [];
    })
    .sort((a, b) => b.o.score - a.o.score)
    .slice(0, plan.maxObjects)
    .map(({ o, label }) => {
      const [x1, y1, x2, y2] = o.box;
      return {
        classKey: o.key,
        labelKey: label.key,
        labelZh: label.zh,
        score: o.score,
        box: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 },
      };
    });
}
