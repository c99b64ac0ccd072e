import { describe, expect, it } from 'vitest';
import { DrainRate } from '../../api/src/scheduler/drain-rate';

describe('DrainRate', () => {
  it('knows nothing before the first batch', () => {
    expect(new DrainRate().msPerRequest()).toBeUndefined();
  });

  it('times a backlogged batch from the end of the previous one, so preparation stalls count', () => {
    const rate = new DrainRate();
    rate.record(4, 0, 100); // idle lane: 100 ms since its first request arrived
    rate.record(4, 10, 260); // its requests waited: 160 ms since the previous batch ended

    expect(rate.msPerRequest()).toBe(260 / 8);
  });

  it('times a batch on an idle lane from its first arrival, not from a batch long ago', () => {
    const rate = new DrainRate();
    rate.record(1, 0, 50);
    rate.record(1, 10_000, 10_030);

    expect(rate.msPerRequest()).toBe(40);
  });

  it('follows a change of pace within its window of recent batches', () => {
    const rate = new DrainRate();
    let t = 0;
    for (let i = 0; i < 16; i++) rate.record(1, t, (t += 100));
    for (let i = 0; i < 16; i++) rate.record(1, t, (t += 10));

    expect(rate.msPerRequest()).toBe(10);
  });
});
