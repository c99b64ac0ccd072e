import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../sdk/src/decoders';
import { nonMaxSuppression } from '../../sdk/src/postprocess/nms';

const candidate = (classIndex: number, score: number, x: number): Candidate => ({
  classIndex,
  score,
  box: [x, 0, x + 10, 10],
});

describe('nonMaxSuppression', () => {
  it('keeps the best of overlapping boxes of the same class', () => {
    // Shifted by 1: IoU 9/11 ≈ 0.82 > 0.6.
    expect(nonMaxSuppression([candidate(0, 0.5, 1), candidate(0, 0.9, 0)], 0.6, 100)).toEqual([
      candidate(0, 0.9, 0),
    ]);
  });

  it('keeps overlapping boxes of different classes', () => {
    expect(nonMaxSuppression([candidate(0, 0.9, 0), candidate(1, 0.8, 1)], 0.6, 100)).toHaveLength(2);
  });

  it('keeps same-class boxes that overlap no more than the threshold', () => {
    // Shifted by 5: IoU 50/150 = 0.33.
    expect(nonMaxSuppression([candidate(0, 0.9, 0), candidate(0, 0.8, 5)], 0.6, 100)).toHaveLength(2);
  });

  it('returns at most maxKeep boxes, best first', () => {
    const kept = nonMaxSuppression(
      [candidate(0, 0.2, 0), candidate(1, 0.9, 0), candidate(2, 0.5, 0)],
      0.6,
      2,
    );
    expect(kept.map((c) => c.score)).toEqual([0.9, 0.5]);
  });
});
