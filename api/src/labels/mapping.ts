// Label sets that map, not mirror: which label shows each model class. A label covers the classes it lists
// (car, bus, truck → 车), else the class named by its key, and also every class whose category — fine, or the
// coarse one above it — it lists (coarse5's 车 covers every 车辆 class of any model). The first label in the
// set's order wins; a class no label covers is off.
import { coarseCategoryOf } from './categories';

export interface MappableLabel {
  key: string;
  classes: readonly string[];
  categories: readonly string[];
}

export interface ModelClass {
  key: string;
  /** Its category in the model's own label set ('' when unknown). */
  category: string;
}

/** The label of each model class, by class index; null where the class is off. */
export function mapClasses<L extends MappableLabel>(
  labels: readonly L[],
  classes: readonly ModelClass[],
): (L | null)[] {
  const byClass = new Map<string, L>();
  const byCategory = new Map<string, L>();
  for (const label of labels) {
    for (const key of label.classes.length ? label.classes : [label.key])
      if (!byClass.has(key)) byClass.set(key, label);
    for (const category of label.categories) if (!byCategory.has(category)) byCategory.set(category, label);
  }
  return classes.map((c) => {
    const coarse = coarseCategoryOf(c.category);
    return (
      byClass.get(c.key) ??
      (c.category ? byCategory.get(c.category) : undefined) ??
      (coarse ? byCategory.get(coarse) : undefined) ??
      null
    );
  });
}
