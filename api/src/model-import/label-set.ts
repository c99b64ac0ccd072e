// The label set an imported model starts with: one label per class, keyed by the class name. The one place
// that decides each class's shown name, category and colour, so a naming module can take over here.
import { COCO_ZH } from '../labels/coco-zh';
import type { NewLabelInput } from '../services/labels';

const CURATED = new Map(COCO_ZH.labels.map((label) => [label.key, label]));

/** Curated COCO names where the class is a COCO one; otherwise the English key, shown until translated. */
export function labelsForClasses(classes: readonly string[]): NewLabelInput[] {
  return classes.map((key, index) => {
    const curated = CURATED.get(key);
    if (curated) return { ...curated, aliases: [...curated.aliases] };
    return { key, zh: key.slice(0, 32), color: paletteColor(index) };
  });
}

/** Evenly spread hues (golden angle), so neighbouring classes differ on screen. */
export function paletteColor(index: number): string {
  const hue = (index * 137.508) % 360;
  const [r, g, b] = hslToRgb(hue / 360, 0.65, 0.5);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const x = (t + 1) % 1;
    const v = x < 1 / 6 ? p + (q - p) * 6 * x : x < 1 / 2 ? q : x < 2 / 3 ? p + (q - p) * (2 / 3 - x) * 6 : p;
    return Math.round(v * 255);
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}
