import { describe, expect, it } from 'vitest';
import { COCO_ZH } from '../../api/src/labels/coco-zh';
import { COARSE5 } from '../../api/src/labels/coarse5';
import { mapClasses } from '../../api/src/labels/mapping';
import { nmsGroups } from '../../sdk/src/labels/nms-groups';
import { nameClasses } from '../../api/src/labels/naming/name-classes';
import { nonMaxSuppression } from '../../sdk/src/postprocess/nms';
import type { Candidate } from '../../sdk/src/decoders/candidate';

const cocoClasses = COCO_ZH.labels.map((l) => ({ key: l.key, category: l.category }));
const coarseOf = (classKey: string) =>
  mapClasses(COARSE5.labels, cocoClasses)[cocoClasses.findIndex((c) => c.key === classKey)]?.zh ?? null;
const label = (key: string, classes: string[] = [], categories: string[] = []) => ({
  key,
  classes,
  categories,
});

describe('label sets that map classes', () => {
  it('maps COCO-80 onto coarse5 by category', () => {
    expect(coarseOf('person')).toBe('人');
    for (const vehicle of ['bicycle', 'car', 'motorcycle', 'bus', 'train', 'truck'])
      expect(coarseOf(vehicle)).toBe('车');
    for (const animal of ['bird', 'cat', 'dog', 'horse', 'giraffe']) expect(coarseOf(animal)).toBe('动物');
    expect(coarseOf('potted plant')).toBe('植物');
  });

  it('turns off classes of no coarse category (a boat is no 车, a teddy bear no 动物)', () => {
    expect(coarseOf('boat')).toBeNull();
    expect(coarseOf('teddy bear')).toBeNull();
    expect(coarseOf('cup')).toBeNull();
    expect(mapClasses(COARSE5.labels, cocoClasses).filter((l) => l !== null)).toHaveLength(1 + 6 + 10 + 1);
  });

  it('maps any model named automatically onto coarse5 by the categories its names got', () => {
    const visdrone = nameClasses([
      'pedestrian',
      'people',
      'van',
      'awning-tricycle',
      'motor',
      'Wild Bird',
      'Sunflower',
    ]);
    expect(mapClasses(COARSE5.labels, visdrone).map((l) => l?.zh ?? null)).toEqual([
      '人',
      '人',
      '车',
      '车',
      '车',
      '动物',
      '植物',
    ]);
  });

  it('lets listed classes win over categories, and the first label over later ones', () => {
    const labels = [label('lorry', ['truck']), label('vehicle', [], ['车']), label('also-truck', ['truck'])];
    const classes = [
      { key: 'truck', category: '车辆' },
      { key: 'car', category: '车辆' },
      { key: 'cup', category: '餐具' },
    ];
    expect(mapClasses(labels, classes).map((l) => l?.key ?? null)).toEqual(['lorry', 'vehicle', null]);
  });

  it('covers the class named by the key when a label lists no classes (a set that mirrors the model)', () => {
    expect(
      mapClasses(
        [label('dog')],
        [
          { key: 'dog', category: '' },
          { key: 'cat', category: '' },
        ],
      ),
    ).toEqual([label('dog'), null]);
  });
});

describe('NMS groups', () => {
  const car = { key: 'vehicle' };
  const person = { key: 'person' };
  const labelOf = [person, car, car, null];

  it('groups classes by label by default, by class or all together on request, and drops classes that are off', () => {
    const all = () => true;
    expect(nmsGroups(labelOf, 'PER_LABEL', all)).toEqual([0, 1, 1, -1]);
    expect(nmsGroups(labelOf, 'PER_CLASS', all)).toEqual([0, 1, 2, -1]);
    expect(nmsGroups(labelOf, 'CLASS_AGNOSTIC', all)).toEqual([0, 0, 0, -1]);
    expect(nmsGroups(labelOf, 'PER_LABEL', (l) => l === car)).toEqual([-1, 0, 0, -1]);
  });
});

describe('NMS over merged labels', () => {
  const cocoIndex = (key: string) => cocoClasses.findIndex((c) => c.key === key);
  const candidate = (key: string, score: number, box: [number, number, number, number]): Candidate => ({
    classIndex: cocoIndex(key),
    score,
    box,
  });
  const coarse5 = mapClasses(COARSE5.labels, cocoClasses);
  const groups = (mode: 'PER_LABEL' | 'PER_CLASS' | 'CLASS_AGNOSTIC', labelOf: readonly unknown[]) =>
    nmsGroups(labelOf, mode, () => true);

  // One vehicle the model half-believes is a car and half a truck: two boxes, IoU about 0.8.
  const vehicle = [
    candidate('car', 0.7, [100, 100, 300, 200]),
    candidate('truck', 0.55, [105, 100, 310, 205]),
  ];

  it('keeps one 车 box for a car and a truck on the same vehicle', () => {
    const kept = nonMaxSuppression(vehicle, 0.6, 100, groups('PER_LABEL', coarse5));
    expect(kept).toEqual([vehicle[0]]);
  });

  it('keeps both under a set that mirrors COCO (car and truck are different labels)', () => {
    const coco = mapClasses(
      COCO_ZH.labels.map((l) => ({ ...l, classes: [], categories: [] })),
      cocoClasses,
    );
    expect(nonMaxSuppression(vehicle, 0.6, 100, groups('PER_LABEL', coco))).toHaveLength(2);
  });

  it('keeps one of 狗 0.66 and 猫 0.31 on one box with class-agnostic NMS, both without', () => {
    const coco = mapClasses(
      COCO_ZH.labels.map((l) => ({ ...l, classes: [], categories: [] })),
      cocoClasses,
    );
    const pet = [candidate('dog', 0.66, [40, 60, 240, 300]), candidate('cat', 0.31, [45, 58, 236, 296])];
    expect(nonMaxSuppression(pet, 0.6, 100, groups('CLASS_AGNOSTIC', coco))).toEqual([pet[0]]);
    expect(nonMaxSuppression(pet, 0.6, 100, groups('PER_LABEL', coco))).toHaveLength(2);
  });

  it('never lets a class that is off suppress a box that is shown', () => {
    const cup = candidate('cup', 0.9, [100, 100, 300, 200]);
    expect(nonMaxSuppression([cup, vehicle[0]], 0.6, 100, groups('CLASS_AGNOSTIC', coarse5))).toEqual([
      vehicle[0],
    ]);
  });
});
