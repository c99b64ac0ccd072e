import { describe, expect, it } from 'vitest';
import { DrainRate } from '../../api/src/scheduler/drain-rate';

describe('DrainRate', () => {
  it('knows nothing before the first batch', () => {
    expect(new DrainRate().msPerRequest()).toBeUndefined();
  });

  it('times a backlogged batch from the end of the previous one, so preparation stalls count', () => {
    const rate = new DrainRate();
    rate.record(4, 0, 20, 100); // idle lane: the run alone, 80 ms
    rate.record(4, 10, 180, 260); // its requests waited: 160 ms since the previous batch ended

    expect(rate.msPerRequest()).toBe(240 / 8);
  });

  it('times a batch on an idle lane by its run alone, not since a batch long ago or its preparation', () => {
    const rate = new DrainRate();
    rate.record(1, 0, 10, 50);
    rate.record(1, 10_000, 10_030, 10_070);

    expect(rate.msPerRequest()).toBe(40);
  });

  it('follows a change of pace within its window of recent batches', () => {
    const rate = new DrainRate();
    let t = 0;
    for (let i = 0; i < 16; i++) rate.record(1, t, t, (t += 100));
    for (let i = 0; i < 16; i++) rate.record(1, t, t, (t += 10));

    expect(rate.msPerRequest()).toBe(10);
  });
});
