// A label set gives each class a stable key (the model's class name) and what a Chinese user sees and
// searches for: display name, synonyms, toneless pinyin, a coarse category and a display colour.

export const LABEL_CATEGORIES = [
  '人',
  '车辆',
  '飞机船舶',
  '交通设施',
  '公共设施',
  '建筑',
  '动物',
  '植物',
  '随身物品',
  '运动用品',
  '餐具',
  '食物',
  '家具',
  '家电',
  '电子产品',
  '日用品',
] as const;

export type LabelCategory = (typeof LABEL_CATEGORIES)[number];

export interface Label {
  /** Stable identifier: the class name the model was trained with (e.g. COCO's "cell phone"). */
  key: string;
  /** Display name in Simplified Chinese. */
  zh: string;
  aliases: string[];
  /** Toneless pinyin of `zh`, syllables separated by spaces, ü written as v. */
  pinyin: string;
  category: LabelCategory;
  /** #rrggbb */
  color: string;
}

export interface LabelSet {
  key: string;
  labels: readonly Label[];
}
