// Per-model serving policy: a manifest's `serving` block over the configured defaults, and lanes that obey it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SchedulerError, servingPolicy } from '../../api/src/scheduler';
import {
  createScheduler,
  FakeRunner,
  KEY,
  OTHER_KEY,
  schedulerConfig,
  settle,
  track,
  useFakeClock,
} from './fakes';

describe('servingPolicy', () => {
  const defaults = schedulerConfig({ maxBatchSize: 4, maxQueueSize: 64, interactiveReserve: 0.25 });

  it('takes every limit from the configuration when the manifest sets none', () => {
    expect(servingPolicy(defaults)).toEqual({
      maxBatchSize: 4,
      maxQueueDelayMs: defaults.maxQueueDelayMs,
      maxQueueSize: 64,
      interactiveReserve: 0.25,
      maxQueueWaitMs: defaults.maxQueueWaitMs,
      maxBulkQueueWaitMs: defaults.maxBulkQueueWaitMs,
      bulkAgingMs: defaults.bulkAgingMs,
    });
  });

  it('overrides only the fields the manifest sets, keeping zero values', () => {
    const policy = servingPolicy(defaults, { maxBatchSize: 8, maxQueueDelayMs: 0, interactiveReserve: 0 });

    expect(policy).toMatchObject({
      maxBatchSize: 8,
      maxQueueDelayMs: 0,
      interactiveReserve: 0,
      maxQueueSize: 64,
    });
  });

  it('leaves out the global settings that are no part of a model’s policy', () => {
    expect(Object.keys(servingPolicy(defaults))).not.toContain('memoryBudgetMB');
    expect(Object.keys(servingPolicy(defaults))).not.toContain('defaultTimeoutMs');
  });
});

describe('a lane under its model’s serving policy', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  it('batches up to the manifest’s maxBatchSize while another artifact keeps the configured one', async () => {
    const runners = { [KEY.precision]: new FakeRunner(), [OTHER_KEY.precision]: new FakeRunner() };
    const scheduler = createScheduler(
      (key) => runners[key.precision],
      { maxBatchSize: 4 },
      {
        servingSettings: (key) => (key.precision === KEY.precision ? { maxBatchSize: 8 } : undefined),
      },
    );
    await scheduler.load(KEY);
    await scheduler.load(OTHER_KEY);

    const results = [KEY, OTHER_KEY].flatMap((key) =>
      Array.from({ length: 8 }, (_, i) => scheduler.submit(key, i)),
    );
    await settle();
    await Promise.all(results);

    expect(runners[KEY.precision].servedSizes).toEqual([8]);
    expect(runners[OTHER_KEY.precision].servedSizes).toEqual([4, 4]);
  });

  it('keeps the interactive reserve the manifest sets: half of a queue of 4 refuses a third bulk request', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(
      runner,
      { maxBatchSize: 1, maxQueueSize: 4 },
      {
        servingSettings: () => ({ interactiveReserve: 0.5 }),
      },
    );
    await scheduler.load(KEY);
    void scheduler.submit(KEY, 0); // running, so what follows queues
    await settle();

    for (let i = 1; i <= 2; i++) void scheduler.submit(KEY, i, { priority: 'bulk' });
    const thirdBulk = track(scheduler.submit(KEY, 3, { priority: 'bulk' }));
    const interactive = track(scheduler.submit(KEY, 4));
    await settle();

    expect((thirdBulk.error as SchedulerError).code).toBe('OVERLOADED');
    expect(interactive.done).toBe(false);
  });

  it('reports the policy it serves under in the scheduler stats', async () => {
    const scheduler = createScheduler(
      new FakeRunner(),
      { maxBatchSize: 4 },
      {
        servingSettings: () => ({ maxBatchSize: 2, maxQueueWaitMs: 250 }),
      },
    );
    await scheduler.load(KEY);

    const [stats] = scheduler.stats().artifacts;

    expect(stats.policy).toMatchObject({ maxBatchSize: 2, maxQueueWaitMs: 250, interactiveReserve: 0.25 });
    expect([stats.batchSize, stats.batchSizeLimitedBy]).toEqual([2, 'serving-policy']);
  });
});
