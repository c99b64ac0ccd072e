import { describe, expect, it } from 'vitest';
import { dayIn, summariseReviews, type ReviewedDetection } from '../../api/src/review/statistics';

const at = (iso: string) => new Date(iso);
const correct = (classKey: string) => ({ classKey, verdict: 'correct' as const, correctedKey: null });
const relabel = (classKey: string, correctedKey: string) => ({
  classKey,
  verdict: 'wrong_label' as const,
  correctedKey,
});
const falseAlarm = (classKey: string) => ({ classKey, verdict: 'not_object' as const, correctedKey: null });

describe('review statistics', () => {
  const reviews: ReviewedDetection[] = [
    { detectedAt: at('2026-03-01T02:00:00Z'), objects: [correct('dog'), relabel('dog', 'cat')], missed: [] },
    {
      detectedAt: at('2026-03-01T20:00:00Z'),
      objects: [relabel('dog', 'cat'), falseAlarm('person')],
      missed: [{ classKey: 'cat' }],
    },
    { detectedAt: at('2026-03-02T09:00:00Z'), objects: [correct('person'), correct('cat')], missed: [] },
  ];
  const stats = summariseReviews(reviews, 'UTC');

  it('computes per-class precision from verdicts and recall over the reviewed images', () => {
    const dog = stats.classes.find((c) => c.key === 'dog')!;
    expect(dog).toMatchObject({ predicted: 3, correct: 1, wrongLabel: 2, notObject: 0, missed: 0 });
    expect(dog.precision).toBeCloseTo(1 / 3);
    expect(dog.recall).toBe(1);
    const cat = stats.classes.find((c) => c.key === 'cat')!;
    // cats on the images: 1 found, 2 called dogs, 1 missed
    expect(cat).toMatchObject({ predicted: 1, correct: 1, missed: 1, precision: 1 });
    expect(cat.recall).toBeCloseTo(1 / 4);
    expect(stats.classes.find((c) => c.key === 'person')).toMatchObject({ notObject: 1, precision: 0.5 });
    expect(stats).toMatchObject({ images: 3, objects: 6, correct: 3, missed: 1, precision: 0.5 });
    // a class the model never predicted, only relabelled to, still shows its recall
    const onlyRelabelled = summariseReviews([{ ...reviews[0], objects: [relabel('dog', 'wolf')] }], 'UTC');
    expect(onlyRelabelled.classes.find((c) => c.key === 'wolf')).toMatchObject({
      predicted: 0,
      precision: null,
      recall: 0,
    });
  });

  it('tabulates predicted vs corrected, with background for false positives and missed objects', () => {
    expect(stats.confusion).toEqual([
      { predicted: 'dog', actual: 'cat', count: 2 },
      { predicted: null, actual: 'cat', count: 1 },
      { predicted: 'cat', actual: 'cat', count: 1 },
      { predicted: 'dog', actual: 'dog', count: 1 },
      { predicted: 'person', actual: null, count: 1 },
      { predicted: 'person', actual: 'person', count: 1 },
    ]);
    expect(stats.mostConfused.map((c) => [c.predicted, c.actual, c.count])).toEqual([
      ['dog', 'cat', 2],
      [null, 'cat', 1],
      ['person', null, 1],
    ]);
  });

  it('trends per day in the requested time zone', () => {
    expect(stats.days).toEqual([
      { day: '2026-03-01', images: 2, objects: 4, correct: 1, missed: 1, precision: 0.25 },
      { day: '2026-03-02', images: 1, objects: 2, correct: 2, missed: 0, precision: 1 },
    ]);
    // 20:00 UTC is the next morning in Shanghai
    expect(summariseReviews(reviews, 'Asia/Shanghai').days.map((d) => [d.day, d.images])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 2],
    ]);
    expect(dayIn(at('2026-03-01T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
  });

  it('has no precision or recall where nothing was reviewed', () => {
    expect(summariseReviews([], 'UTC')).toMatchObject({
      images: 0,
      precision: null,
      classes: [],
      confusion: [],
    });
  });
});
