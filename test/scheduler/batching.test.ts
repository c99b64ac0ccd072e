import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, FakeRunner, KEY, OTHER_KEY, settle, track, useFakeClock } from './fakes';

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

describe('dynamic batching', () => {
  it('splits a burst of 10 with maxBatchSize 4 into batches of 4, 4 and 2', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner, { maxBatchSize: 4 });
    await scheduler.load(KEY);

    const results = Array.from({ length: 10 }, (_, i) => scheduler.submit(KEY, i));
    await settle();

    expect(runner.servedSizes).toEqual([4, 4, 2]);
    expect((await Promise.all(results)).map((r) => r.output)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });

  it('runs a trickle of requests one by one when maxQueueDelayMs is 0', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner, { maxBatchSize: 4, maxQueueDelayMs: 0 });
    await scheduler.load(KEY);

    for (let i = 0; i < 3; i++) {
      const result = scheduler.submit(KEY, i);
      await settle(5);
      await result;
    }

    expect(runner.servedSizes).toEqual([1, 1, 1]);
  });

  it('lets requests arriving within maxQueueDelayMs of the oldest join its batch', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner, { maxBatchSize: 4, maxQueueDelayMs: 10 });
    await scheduler.load(KEY);

    const first = track(scheduler.submit(KEY, 1));
    await settle(6);
    const second = track(scheduler.submit(KEY, 2));
    await settle(3);
    expect(runner.servedSizes).toEqual([]);

    await settle(1);
    expect(runner.servedSizes).toEqual([2]);
    await settle();
    expect([first.done, second.done]).toEqual([true, true]);
  });

  it('dispatches a full batch without waiting for maxQueueDelayMs', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner, { maxBatchSize: 2, maxQueueDelayMs: 1000 });
    await scheduler.load(KEY);

    void scheduler.submit(KEY, 1);
    void scheduler.submit(KEY, 2);
    await settle();

    expect(runner.servedSizes).toEqual([2]);
  });

  it('keeps one batch in flight per artifact', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner, { maxBatchSize: 2 });
    await scheduler.load(KEY);

    for (let i = 0; i < 6; i++) void scheduler.submit(KEY, i);
    await settle();
    expect(runner.runsWaiting).toBe(1);

    runner.releaseRun();
    await settle();
    expect(runner.runsWaiting).toBe(1);
    expect(runner.servedSizes).toEqual([2, 2]);
  });

  it('prepares the next batch while the current one runs', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner, { maxBatchSize: 2 });
    await scheduler.load(KEY);

    for (let i = 0; i < 4; i++) void scheduler.submit(KEY, i);
    await settle();

    expect(runner.runsWaiting).toBe(1);
    expect(runner.prepare.mock.calls.map(([input]) => input)).toEqual([0, 1, 2, 3]);
  });

  it('prepares no more than the next batch ahead', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner, { maxBatchSize: 2 });
    await scheduler.load(KEY);

    for (let i = 0; i < 8; i++) void scheduler.submit(KEY, i);
    await settle();

    expect(runner.prepare).toHaveBeenCalledTimes(4);
  });

  it('keeps a separate queue per artifact, so each runs its own batch at the same time', async () => {
    const fp32 = new FakeRunner();
    const int8 = new FakeRunner();
    fp32.holdRuns = int8.holdRuns = true;
    const scheduler = createScheduler((key) => (key.precision === 'fp32' ? fp32 : int8));
    await scheduler.load(KEY);
    await scheduler.load(OTHER_KEY);

    void scheduler.submit(KEY, 1);
    void scheduler.submit(OTHER_KEY, 2);
    await settle();

    expect(fp32.batches).toEqual([[1]]);
    expect(int8.batches).toEqual([[2]]);
  });

  it('reports queue, inference and total time and the batch size with each result', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner, { maxBatchSize: 2, maxQueueDelayMs: 5 });
    await scheduler.load(KEY);

    const result = scheduler.submit(KEY, 1);
    await settle(5);
    await settle(20);
    runner.releaseRun();

    expect((await result).timing).toEqual({ queueMs: 5, inferenceMs: 20, totalMs: 25, batchSize: 1 });
  });
});
