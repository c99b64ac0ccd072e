// A bundle's labels.json as the label plan applyLabelSet needs: the label showing each model class (the first
// label listing it, as the server maps them), and the NMS groups for the caller's choice of mode.
import type { BundleLabel, BundleLabels } from '../bundle/format';
import type { LabelPlan } from '../labels/apply';
import { nmsGroups, type NmsMode } from '../labels/nms-groups';

export function bundleLabelPlan(
  labels: BundleLabels,
  request: { minScore: number; maxObjects: number; nms: NmsMode },
): LabelPlan<BundleLabel> {
  const byClass = new Map<string, BundleLabel>();
  for (const label of labels.labels)
    for (const key of label.classes) if (!byClass.has(key)) byClass.set(key, label);
  const classLabels = labels.modelClasses.map((key) => byClass.get(key) ?? null);
  return {
    classLabels,
    nmsGroups: nmsGroups(classLabels, request.nms, (l) => l.enabled),
    minScore: request.minScore,
    maxObjects: request.maxObjects,
  };
}
