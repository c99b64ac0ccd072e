import { describe, expect, it } from 'vitest';
import { averagePrecision } from '../../api/src/evaluation/average-precision';

describe('averagePrecision', () => {
  it('is 1 when every detection is a hit and all objects are found', () => {
    expect(averagePrecision(['hit', 'hit'], 2)).toBeCloseTo(1, 12);
  });

  it('takes the best precision at any higher recall (interpolation)', () => {
    // miss then hit: precision .5 at recall 1, so .5 for every recall point.
    expect(averagePrecision(['miss', 'hit'], 1)).toBeCloseTo(0.5, 10);
  });

  it('gives 0 to recall points never reached', () => {
    // One of two objects found: recall points 0 .. 0.5 (51 of 101) at precision 1.
    expect(averagePrecision(['hit'], 2)).toBeCloseTo(51 / 101, 10);
  });

  it('skips ignored detections', () => {
    expect(averagePrecision(['ignored', 'hit', 'ignored'], 1)).toBeCloseTo(1, 12);
  });
});
