import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../../api/src/review/rules';
import {
  decideSampling,
  reviewPriority,
  uncertainty,
  type ScoredObject,
} from '../../api/src/review/sampling';
import { seededRandom } from './support';

const rules = (overrides: Partial<ReviewRules> = {}): ReviewRules => ({
  ...DEFAULT_REVIEW_RULES,
  lowScoreBelow: null,
  borderlineMargin: null,
  watchedClasses: [],
  randomShare: 0,
  ...overrides,
});
const object = (classKey: string, score: number, threshold = 0.3): ScoredObject => ({
  classKey,
  score,
  threshold,
});
const never = () => 0.999;

describe('review sampling rules', () => {
  it('picks a detection with an object scoring below lowScoreBelow', () => {
    const low = rules({ lowScoreBelow: 0.5 });
    expect(decideSampling([object('dog', 0.45), object('person', 0.9)], low, never)?.reasons).toEqual([
      'low_score',
    ]);
    expect(decideSampling([object('dog', 0.5), object('person', 0.9)], low, never)).toBeNull();
  });

  it('picks a borderline object: |score − its class threshold| < margin, with the per-class threshold', () => {
    const borderline = rules({ borderlineMargin: 0.05 });
    expect(decideSampling([object('dog', 0.34)], borderline, never)?.reasons).toEqual(['borderline']);
    expect(decideSampling([object('dog', 0.36)], borderline, never)).toBeNull();
    // a class with its own threshold of 0.6: 0.62 is borderline for it, 0.36 is not
    expect(decideSampling([object('cat', 0.62, 0.6)], borderline, never)?.reasons).toEqual(['borderline']);
    expect(decideSampling([object('cat', 0.7, 0.6)], borderline, never)).toBeNull();
  });

  it('picks every detection containing a watched class, whatever its score', () => {
    const watched = rules({ watchedClasses: ['knife'] });
    expect(decideSampling([object('knife', 0.99)], watched, never)?.reasons).toEqual(['watched_class']);
    expect(decideSampling([object('fork', 0.4)], watched, never)).toBeNull();
  });

  it('picks the random share with a seeded source: the same seed picks the same detections', () => {
    const share = rules({ randomShare: 0.2 });
    const picks = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, () => decideSampling([object('dog', 0.9)], share, random) !== null);
    };
    const first = picks(7);
    expect(picks(7)).toEqual(first);
    expect(picks(8)).not.toEqual(first);
    const rate = first.filter(Boolean).length / first.length;
    expect(rate).toBeGreaterThan(0.17);
    expect(rate).toBeLessThan(0.23);
    // detections with no objects can be drawn too (the model may have missed everything)
    expect(decideSampling([], rules({ randomShare: 1 }), Math.random)?.reasons).toEqual(['random']);
  });

  it('lists every reason that applies, and nothing when the rules are off (without drawing)', () => {
    const all = rules({
      lowScoreBelow: 0.5,
      borderlineMargin: 0.05,
      watchedClasses: ['dog'],
      randomShare: 1,
    });
    expect(decideSampling([object('dog', 0.32)], all, Math.random)?.reasons).toEqual([
      'low_score',
      'borderline',
      'watched_class',
      'random',
    ]);
    let draws = 0;
    expect(decideSampling([object('dog', 0.32)], { ...all, enabled: false }, () => ++draws)).toBeNull();
    expect(draws).toBe(0);
  });

  it('orders by mistakenness: the object closest to its threshold decides, 1 at the threshold, 0 at score 1', () => {
    expect(uncertainty(object('dog', 0.3))).toBe(1);
    expect(uncertainty(object('dog', 1))).toBe(0);
    expect(uncertainty(object('dog', 0.65))).toBeCloseTo(0.5);
    expect(reviewPriority([object('dog', 0.95), object('cat', 0.65)])).toBeCloseTo(0.5);
    expect(reviewPriority([])).toBe(0);
    const decision = decideSampling(
      [object('dog', 0.31), object('cat', 0.9)],
      rules({ borderlineMargin: 0.05 }),
      never,
    );
    expect(decision?.priority).toBeCloseTo(1 - 0.01 / 0.7);
  });
});
