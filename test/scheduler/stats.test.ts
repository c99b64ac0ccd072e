import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, FakeRunner, KEY, settle, useFakeClock } from './fakes';

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

describe('schedulerStats snapshot', () => {
  it('shows queue depth by priority and requests in flight', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner, { maxBatchSize: 2 });
    await scheduler.load(KEY);

    for (let i = 0; i < 2; i++) void scheduler.submit(KEY, i);
    await settle();
    void scheduler.submit(KEY, 2);
    void scheduler.submit(KEY, 3, { priority: 'bulk' });

    expect(scheduler.stats().artifacts[0]).toMatchObject({
      artifact: 'nanodet@1/fp32/320',
      state: 'ready',
      queueDepth: { interactive: 1, bulk: 1 },
      inFlight: 2,
    });
  });

  it('counts completed and failed requests', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner, { maxQueueSize: 1 });
    await scheduler.load(KEY);

    const accepted = scheduler.submit(KEY, 1);
    await scheduler.submit(KEY, 2).catch(() => undefined); // OVERLOADED
    await settle();
    await accepted;

    expect(scheduler.stats().artifacts[0]).toMatchObject({ completed: 1, failed: 1, batches: 1 });
  });

  it('gives queue, inference and total latency percentiles', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner, { maxQueueDelayMs: 10 });
    await scheduler.load(KEY);

    void scheduler.submit(KEY, 1);
    await settle(10);
    await settle(30);
    runner.releaseRun();
    await settle();

    const { latencyMs } = scheduler.stats().artifacts[0];
    expect([latencyMs.queueMs.p50, latencyMs.inferenceMs.p50, latencyMs.totalMs.p99]).toEqual([10, 30, 40]);
  });

  it('reports the memory budget in use', async () => {
    const runner = new FakeRunner({ sessionMB: 100, perImageMB: 10 });
    const scheduler = createScheduler(runner, { memoryBudgetMB: 512 });

    await scheduler.load(KEY);

    expect(scheduler.stats().memory).toEqual({ budgetMB: 512, sessionsMB: 100, activationsMB: 0 });
  });
});
