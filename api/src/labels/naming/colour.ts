// Display colours: each category owns a hue, so a glance at a box's colour tells its kind; classes inside it
// differ in shade. Labels without a known category are greys.
import { isFineCategory } from '../categories';
import type { LabelCategory } from '../label-set';

const CATEGORY_HUES: Record<LabelCategory, number> = {
  人: 0,
  车辆: 215,
  飞机船舶: 190,
  交通设施: 45,
  公共设施: 25,
  建筑: 30,
  动物: 120,
  植物: 95,
  随身物品: 280,
  运动用品: 165,
  餐具: 240,
  食物: 60,
  家具: 340,
  家电: 260,
  电子产品: 300,
  日用品: 10,
};

/** Colours for a list of labels, in its order: shades spread over the labels sharing a category. */
export function coloursFor(labels: readonly { category: string }[]): string[] {
  const ranks = new Map<string, number>();
  const rankOf = labels.map((l) => {
    const rank = ranks.get(l.category) ?? 0;
    ranks.set(l.category, rank + 1);
    return rank;
  });
  return labels.map((l, i) => {
    const count = ranks.get(l.category) ?? 1;
    const rank = rankOf[i];
    // Spread shades over lightness 30–70 %, with a small hue drift so neighbours stay apart.
    const lightness = count === 1 ? 50 : 30 + (40 * rank) / (count - 1);
    if (!isFineCategory(l.category)) return hslToHex(210, 8, lightness);
    return hslToHex(CATEGORY_HUES[l.category] + (rank % 3) * 6, 75, lightness);
  });
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
