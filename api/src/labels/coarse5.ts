// The article's five-class config as a label set: 人 / 车 / 动物 / 植物 / 建筑. Each label covers the model
// classes of its coarse category (categories.ts), so it maps onto COCO-80 (person → 人; bicycle, car,
// motorcycle, bus, train, truck → 车; the ten animals → 动物; potted plant → 植物; COCO has no building) and
// onto any model whose label set gives its classes categories.
import type { CoarseCategory } from './categories';
import { coloursFor } from './naming/colour';
import { pinyinOf } from './naming/pinyin';

const LABELS: { key: string; zh: CoarseCategory; aliases: string[]; colourOf: string }[] = [
  { key: 'person', zh: '人', aliases: ['行人', '人物'], colourOf: '人' },
  { key: 'vehicle', zh: '车', aliases: ['车辆', '汽车'], colourOf: '车辆' },
  { key: 'animal', zh: '动物', aliases: ['宠物'], colourOf: '动物' },
  { key: 'plant', zh: '植物', aliases: ['花草'], colourOf: '植物' },
  { key: 'building', zh: '建筑', aliases: ['建筑物', '房屋'], colourOf: '建筑' },
];

const colours = coloursFor(LABELS.map((l) => ({ category: l.colourOf })));

export const COARSE5 = {
  key: 'coarse5',
  name: '五大类（人 / 车 / 动物 / 植物 / 建筑）',
  description: 'Five coarse classes mapped onto any model by category; merged classes share one box',
  labels: LABELS.map(({ key, zh, aliases }, i) => ({
    key,
    zh,
    aliases,
    pinyin: pinyinOf(zh),
    category: zh,
    color: colours[i],
    nameSource: 'curated' as const,
    classes: [],
    categories: [zh],
  })),
};
