// Two levels of category. The 16 fine ones (LABEL_CATEGORIES) group classes for colour and browsing; the five
// coarse ones are the article's config (人 / 车 / 动物 / 植物 / 建筑), which label sets like `coarse5` map onto.
import { LABEL_CATEGORIES, type LabelCategory } from './label-set';

export const COARSE_CATEGORIES = ['人', '车', '动物', '植物', '建筑'] as const;
export type CoarseCategory = (typeof COARSE_CATEGORIES)[number];

/** The coarse category above each fine one; null where none fits (a boat is not a 车, a cup is none of them). */
export const COARSE_OF: Readonly<Record<LabelCategory, CoarseCategory | null>> = {
  人: '人',
  车辆: '车',
  飞机船舶: null,
  交通设施: null,
  公共设施: null,
  建筑: '建筑',
  动物: '动物',
  植物: '植物',
  随身物品: null,
  运动用品: null,
  餐具: null,
  食物: null,
  家具: null,
  家电: null,
  电子产品: null,
  日用品: null,
};

/** The coarse category of a label's category (fine or already coarse); null for none or an unknown one. */
export function coarseCategoryOf(category: string): CoarseCategory | null {
  if ((COARSE_CATEGORIES as readonly string[]).includes(category)) return category as CoarseCategory;
  return isFineCategory(category) ? COARSE_OF[category] : null;
}

export function isFineCategory(category: string): category is LabelCategory {
  return (LABEL_CATEGORIES as readonly string[]).includes(category);
}

export interface CategoryLevel {
  name: string;
  level: 'FINE' | 'COARSE';
  /** The coarse category it counts under: itself for a coarse one, null for a fine one under none. */
  coarse: CoarseCategory | null;
}

/** Every category a label can be given, the fine ones first: what the label editor offers. */
export function categoryLevels(): CategoryLevel[] {
  return [
    ...LABEL_CATEGORIES.map((name) => ({ name, level: 'FINE' as const, coarse: COARSE_OF[name] })),
    ...COARSE_CATEGORIES.map((name) => ({ name, level: 'COARSE' as const, coarse: name })),
  ];
}
