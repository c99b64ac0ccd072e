import { describe, expect, it } from 'vitest';
import { applyLabelSet } from '../../api/src/pipelines/detect';
import type { LabelView } from '../../api/src/services/labels';

const label = (key: string, zh: string, extra: Partial<LabelView> = {}): [string, LabelView] => [
  key,
  { key, zh, aliases: [], pinyin: '', category: '', color: '#000000', enabled: true, minScore: null, ...extra },
];

const labels = {
  labelSetVersionId: 'v',
  labelSet: 'coco80',
  version: 3,
  labels: new Map([
    label('person', '行人'),
    label('dog', '狗', { enabled: false }),
    label('cat', '猫', { minScore: 0.8 }),
  ]),
};

const output = {
  width: 100,
  height: 100,
  objects: [
    { classIndex: 0, key: 'person', score: 0.5, box: [10, 20, 30, 60] as [number, number, number, number] },
    { classIndex: 16, key: 'dog', score: 0.9, box: [0, 0, 10, 10] as [number, number, number, number] },
    { classIndex: 15, key: 'cat', score: 0.7, box: [0, 0, 10, 10] as [number, number, number, number] },
    { classIndex: 15, key: 'cat', score: 0.85, box: [5, 5, 10, 10] as [number, number, number, number] },
    { classIndex: 0, key: 'person', score: 0.2, box: [0, 0, 1, 1] as [number, number, number, number] },
  ],
};

describe('applyLabelSet', () => {
  const objects = applyLabelSet(output, { labels, minScore: 0.3, maxObjects: 10 });

  it('names objects in Chinese from the label set and converts boxes to x, y, width, height', () => {
    expect(objects).toContainEqual({
      classKey: 'person',
      labelZh: '行人',
      score: 0.5,
      box: { x: 10, y: 20, width: 20, height: 40 },
    });
  });

  it('drops disabled classes, and applies per-class thresholds over the request threshold', () => {
    expect(objects.map((o) => [o.classKey, o.score])).toEqual([
      ['cat', 0.85],
      ['person', 0.5],
    ]);
  });

  it('keeps the best maxObjects', () => {
    expect(applyLabelSet(output, { labels, minScore: 0.3, maxObjects: 1 }).map((o) => o.score)).toEqual([0.85]);
  });
});
