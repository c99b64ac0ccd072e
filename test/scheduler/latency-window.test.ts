import { describe, expect, it } from 'vitest';
import { LatencyWindow } from '../../api/src/scheduler/latency-window';

describe('LatencyWindow', () => {
  it('gives nearest-rank percentiles', () => {
    const window = new LatencyWindow();
    for (let ms = 1; ms <= 100; ms++) window.record(ms, 0);

    expect(window.percentiles(0)).toEqual({ count: 100, p50: 50, p90: 90, p99: 99, max: 100 });
  });

  it('forgets samples older than the window', () => {
    const window = new LatencyWindow(1000);
    window.record(500, 0);
    window.record(10, 900);

    expect(window.percentiles(1500)).toMatchObject({ count: 1, max: 10 });
  });

  it('keeps only the newest maxSamples', () => {
    const window = new LatencyWindow(1000, 2);
    for (const ms of [1, 2, 3]) window.record(ms, 0);

    expect(window.percentiles(0)).toMatchObject({ count: 2, p50: 2 });
  });

  it('reports zeros when empty', () => {
    expect(new LatencyWindow().percentiles(0)).toEqual({ count: 0, p50: 0, p90: 0, p99: 0, max: 0 });
  });
});
