import { describe, expect, it } from 'vitest';
import { applyLabelSet } from '../../sdk/src/labels/apply';
import type { LabelView } from '../../api/src/services/labels';

const label = (key: string, zh: string, extra: Partial<LabelView> = {}): LabelView => ({
  key,
  zh,
  aliases: [],
  pinyin: '',
  category: '',
  color: '#000000',
  enabled: true,
  minScore: null,
  nameSource: 'curated',
  classes: [],
  categories: [],
  ...extra,
});

const box = (...b: number[]) => b as [number, number, number, number];
const person = label('person', '行人');
const cat = label('cat', '猫', { minScore: 0.8 });
const vehicle = label('vehicle', '车', { classes: ['car', 'truck'] });
// Class index → label: 0 person, 1 dog (off: disabled), 2 cat, 3 car and 4 truck (both 车).
const plan = {
  classLabels: [person, label('dog', '狗', { enabled: false }), cat, vehicle, vehicle],
  nmsGroups: [0, -1, 1, 2, 2],
  minScore: 0.3,
  maxObjects: 10,
};

const output = {
  width: 100,
  height: 100,
  objects: [
    { classIndex: 0, key: 'person', score: 0.5, box: box(10, 20, 30, 60) },
    { classIndex: 1, key: 'dog', score: 0.9, box: box(0, 0, 10, 10) },
    { classIndex: 2, key: 'cat', score: 0.7, box: box(0, 0, 10, 10) },
    { classIndex: 2, key: 'cat', score: 0.85, box: box(5, 5, 10, 10) },
    { classIndex: 0, key: 'person', score: 0.2, box: box(0, 0, 1, 1) },
    { classIndex: 4, key: 'truck', score: 0.6, box: box(50, 50, 90, 90) },
  ],
};

describe('applyLabelSet', () => {
  const objects = applyLabelSet(output, plan);

  it('names objects in Chinese from the label set and converts boxes to x, y, width, height', () => {
    expect(objects).toContainEqual({
      classKey: 'person',
      labelKey: 'person',
      labelZh: '行人',
      score: 0.5,
      box: { x: 10, y: 20, width: 20, height: 40 },
    });
  });

  it('names a class by the label that covers it, keeping the model class', () => {
    expect(objects).toContainEqual(
      expect.objectContaining({ classKey: 'truck', labelKey: 'vehicle', labelZh: '车' }),
    );
  });

  it('drops classes that are off, and applies per-label thresholds over the request threshold', () => {
    expect(objects.map((o) => [o.classKey, o.score])).toEqual([
      ['cat', 0.85],
      ['truck', 0.6],
      ['person', 0.5],
    ]);
  });

  it('keeps the best maxObjects', () => {
    expect(applyLabelSet(output, { ...plan, maxObjects: 1 }).map((o) => o.score)).toEqual([0.85]);
  });
});
