// Which detections compete in NMS, once the label set has said which label shows each model class.

export const NMS_MODES = ['PER_LABEL', 'PER_CLASS', 'CLASS_AGNOSTIC'] as const;
/**
 * Which boxes compete in NMS: boxes shown under one label (the default: one 车 box, not a car box and a
 * truck box on the same vehicle; for a set that mirrors the model this is per class), boxes of one model
 * class, or all boxes (one object never comes back twice, as 狗 0.66 and 猫 0.31 on one box).
 */
export type NmsMode = (typeof NMS_MODES)[number];

/** The NMS group of each class, by class index; -1 drops the class before NMS (off, or not asked for). */
export function nmsGroups<L>(
  labelOf: readonly (L | null)[],
  mode: NmsMode,
  shown: (label: L) => boolean,
): number[] {
  const labelIds = new Map<L, number>();
  return labelOf.map((label, classIndex) => {
    if (label === null || !shown(label)) return -1;
    if (mode === 'CLASS_AGNOSTIC') return 0;
    if (mode === 'PER_CLASS') return classIndex;
    if (!labelIds.has(label)) labelIds.set(label, labelIds.size);
    return labelIds.get(label)!;
  });
}
