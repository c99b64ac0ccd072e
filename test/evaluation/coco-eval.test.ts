import { describe, expect, it } from 'vitest';
import type { CocoDataset, CocoDetection } from '../../api/src/evaluation/coco-format';
import { evaluateDetections } from '../../api/src/evaluation/coco-eval';

type Xywh = [number, number, number, number];

/** A dataset of `images` images (ids 1..n), categories 1 "cat" and 2 "dog", with the given boxes. */
function dataset(
  images: number,
  boxes: { image: number; category: number; bbox: Xywh; crowd?: boolean }[],
): CocoDataset {
  return {
    images: Array.from({ length: images }, (_, i) => ({
      id: i + 1,
      file_name: `${i + 1}.jpg`,
      width: 100,
      height: 100,
    })),
    annotations: boxes.map((b, i) => ({
      id: i + 1,
      image_id: b.image,
      category_id: b.category,
      bbox: b.bbox,
      iscrowd: b.crowd ? 1 : 0,
    })),
    categories: [
      { id: 1, name: 'cat' },
      { id: 2, name: 'dog' },
    ],
  };
}

const detection = (image: number, category: number, bbox: Xywh, score: number): CocoDetection => ({
  image_id: image,
  category_id: category,
  bbox,
  score,
});

const catAt = (x: number): Xywh => [x, 0, 10, 10];

// Precision is hits / (hits + false alarms + ε) as in pycocotools, so "perfect" is 1 − 2e-16: compare closely.
describe('evaluateDetections', () => {
  it('scores perfect predictions 1.0', () => {
    const gt = dataset(2, [
      { image: 1, category: 1, bbox: catAt(0) },
      { image: 2, category: 1, bbox: catAt(50) },
      { image: 2, category: 2, bbox: [10, 10, 30, 20] },
    ]);
    const result = evaluateDetections(gt, [
      detection(1, 1, catAt(0), 0.9),
      detection(2, 1, catAt(50), 0.8),
      detection(2, 2, [10, 10, 30, 20], 0.7),
    ]);
    for (const value of [result.map, result.map50, result.map75]) expect(value).toBeCloseTo(1, 12);
  });

  it('counts a box shifted to IoU 2/3 as a hit at .5 but not at .75', () => {
    // Shifted by 2 of 10 px: IoU = 80/120 = 0.667, a hit for thresholds .50 .55 .60 .65 only.
    const result = evaluateDetections(dataset(1, [{ image: 1, category: 1, bbox: catAt(0) }]), [
      detection(1, 1, catAt(2), 0.9),
    ]);
    expect(result.map50).toBeCloseTo(1, 12);
    expect(result.map75).toBe(0);
    expect(result.map).toBeCloseTo(4 / 10, 10);
  });

  it('ignores detections inside a crowd region instead of counting them as false positives', () => {
    const gt = dataset(1, [
      { image: 1, category: 1, bbox: catAt(0) },
      { image: 1, category: 1, bbox: [40, 0, 60, 60], crowd: true },
    ]);
    const inCrowd = [detection(1, 1, [45, 5, 10, 10], 0.95), detection(1, 1, [60, 20, 10, 10], 0.94)];
    const result = evaluateDetections(gt, [...inCrowd, detection(1, 1, catAt(0), 0.5)]);
    expect(result.map).toBeCloseTo(1, 12);
    expect(result.categories[0].instances).toBe(1);
  });

  it('counts a duplicate of an already-found box as a false positive', () => {
    const gt = dataset(1, [
      { image: 1, category: 1, bbox: catAt(0) },
      { image: 1, category: 1, bbox: catAt(50) },
    ]);
    // Ranked: hit, duplicate (FP), hit → precision 1 up to recall .5, then 2/3 up to recall 1.
    const result = evaluateDetections(gt, [
      detection(1, 1, catAt(0), 0.9),
      detection(1, 1, catAt(0), 0.8),
      detection(1, 1, catAt(50), 0.7),
    ]);
    expect(result.map50).toBeCloseTo((51 * 1 + 50 * (2 / 3)) / 101, 10);
  });

  it('counts detections on images without objects as false positives', () => {
    const gt = dataset(2, [{ image: 1, category: 1, bbox: catAt(0) }]);
    // The false alarm on the empty image 2 outranks the hit: precision at recall 1 is 1/2.
    const result = evaluateDetections(gt, [detection(2, 1, catAt(0), 0.9), detection(1, 1, catAt(0), 0.5)]);
    expect(result.map50).toBeCloseTo(0.5, 10);
  });

  it('leaves a category without ground truth out of the mean', () => {
    const gt = dataset(1, [{ image: 1, category: 1, bbox: catAt(0) }]);
    const result = evaluateDetections(gt, [detection(1, 1, catAt(0), 0.9), detection(1, 2, catAt(30), 0.9)]);
    expect(result.map).toBeCloseTo(1, 12);
    expect(result.categories.find((c) => c.name === 'dog')?.ap).toBeNull();
  });

  it('scores a category that was never detected 0', () => {
    const gt = dataset(1, [
      { image: 1, category: 1, bbox: catAt(0) },
      { image: 1, category: 2, bbox: catAt(50) },
    ]);
    const result = evaluateDetections(gt, [detection(1, 1, catAt(0), 0.9)]);
    expect(result.categories[0].ap).toBeCloseTo(1, 12);
    expect(result.categories[1].ap).toBe(0);
    expect(result.map).toBeCloseTo(0.5, 12);
  });

  it('evaluates only the best maxDets detections of an image', () => {
    const gt = dataset(1, [{ image: 1, category: 1, bbox: catAt(0) }]);
    const result = evaluateDetections(
      gt,
      [detection(1, 1, catAt(50), 0.9), detection(1, 1, catAt(0), 0.5)],
      1,
    );
    expect(result.map).toBe(0);
  });
});
