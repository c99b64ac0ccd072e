// Label sets by key (a manifest's `labelSet`), resolved against a model's class list.
import { COCO_ZH } from './coco-zh';
import type { Label, LabelSet } from './label-set';

export type { Label, LabelCategory, LabelSet } from './label-set';
export { LABEL_CATEGORIES } from './label-set';

const LABEL_SETS: ReadonlyMap<string, LabelSet> = new Map([[COCO_ZH.key, COCO_ZH]]);

/** The label of each model class, in class-index order; fails loudly when the set does not cover a class. */
export function labelsForClasses(labelSetKey: string, classes: readonly string[]): Label[] {
  const set = LABEL_SETS.get(labelSetKey);
  if (!set)
    throw new Error(`Unknown label set "${labelSetKey}" (known: ${[...LABEL_SETS.keys()].join(', ')})`);
  const byKey = new Map(set.labels.map((l) => [l.key, l]));
  return classes.map((name) => {
    const label = byKey.get(name);
    if (!label) throw new Error(`Label set "${labelSetKey}" has no label for class "${name}"`);
    return label;
  });
}
