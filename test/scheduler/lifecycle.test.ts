import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SchedulerError, type ArtifactKey } from '../../api/src/scheduler';
import { createScheduler, deferred, FakeRunner, KEY, settle, track, useFakeClock } from './fakes';

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

describe('warm-up', () => {
  it('is not ready until the warm-up runs have finished', async () => {
    const runner = new FakeRunner();
    const gate = deferred();
    runner.loadGate = gate.promise;
    const scheduler = createScheduler(runner);

    const loading = scheduler.load(KEY);
    await settle();
    expect(scheduler.isReady(KEY)).toBe(false);

    gate.resolve();
    await loading;
    expect(scheduler.isReady(KEY)).toBe(true);
  });

  it('warms up at batch sizes 1 and 2 before reporting ready', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner);

    await scheduler.load(KEY);

    expect(runner.warmUpSizes).toEqual([1, 2]);
    expect(scheduler.isReady(KEY)).toBe(true);
  });

  it('loads an artifact on its first request and serves the request after the warm-up', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner);

    const result = await scheduler.submit(KEY, 21).then((r) => r.output);

    expect(result).toBe(42);
    expect(runner.warmUpSizes).toEqual([1, 2]);
    expect(scheduler.isReady(KEY)).toBe(true);
  });

  it('fails queued requests with MODEL_UNAVAILABLE when loading fails', async () => {
    const runner = new FakeRunner();
    runner.failLoad = new Error('model file missing');
    const scheduler = createScheduler(runner);

    const result = track(scheduler.submit(KEY, 1));
    await settle();

    expect((result.error as SchedulerError).code).toBe('MODEL_UNAVAILABLE');
    expect(scheduler.isReady(KEY)).toBe(false);
  });

  it('rejects requests for an artifact whose runner cannot be made with MODEL_UNAVAILABLE', async () => {
    const scheduler = createScheduler(() => {
      throw new Error('not in the model repository');
    });

    const error = await scheduler.submit(KEY, 1).catch((e: unknown) => e);

    expect((error as SchedulerError).code).toBe('MODEL_UNAVAILABLE');
  });

  it('tries loading again on the next request after a failed load', async () => {
    const runner = new FakeRunner();
    runner.failLoad = new Error('model file missing');
    const scheduler = createScheduler(runner);
    await scheduler.submit(KEY, 1).catch(() => undefined);

    runner.failLoad = undefined;

    expect((await scheduler.submit(KEY, 1)).output).toBe(2);
  });
});

describe('memory budget', () => {
  it('derives the batch size from the per-image memory measured at warm-up', async () => {
    const runner = new FakeRunner({ sessionMB: 100, perImageMB: 200 });
    const scheduler = createScheduler(runner, { memoryBudgetMB: 1024, maxBatchSize: 8 });

    await scheduler.load(KEY);

    // floor((1024 − 100) / 200) = 4
    expect(scheduler.stats().artifacts[0]).toMatchObject({
      memory: { sessionMB: 100, perImageMB: 200 },
      batchSize: 4,
      batchSizeLimitedBy: 'memory-budget',
    });
  });

  it('forms batches no larger than the memory allows', async () => {
    const runner = new FakeRunner({ sessionMB: 100, perImageMB: 200 });
    const scheduler = createScheduler(runner, { memoryBudgetMB: 1024, maxBatchSize: 8 });
    await scheduler.load(KEY);

    for (let i = 0; i < 8; i++) void scheduler.submit(KEY, i);
    await settle();

    expect(runner.servedSizes).toEqual([4, 4]);
  });

  describe('with three artifacts of 400 MB in a 1024 MB budget', () => {
    const keys: Record<string, ArtifactKey> = {
      a: { ...KEY, model: 'a' },
      b: { ...KEY, model: 'b' },
      c: { ...KEY, model: 'c' },
    };
    let runners: Record<string, FakeRunner>;
    let scheduler: ReturnType<typeof createScheduler>;

    beforeEach(() => {
      runners = Object.fromEntries(
        Object.keys(keys).map((name) => [
          name,
          new FakeRunner({ sessionMB: 400, perImageMB: 50 }, { expectedSessionMB: 400 }),
        ]),
      );
      scheduler = createScheduler((key) => runners[key.model], { memoryBudgetMB: 1024 });
    });

    it('unloads the least recently used idle artifact to make room', async () => {
      await scheduler.load(keys.a);
      await scheduler.load(keys.b);
      await scheduler.submit(keys.a, 1); // b is now the least recently used

      await scheduler.load(keys.c);

      expect([runners.a.loaded, runners.b.loaded, runners.c.loaded]).toEqual([true, false, true]);
    });

    it('does not unload an artifact that is busy', async () => {
      await scheduler.load(keys.a);
      await scheduler.load(keys.b);
      runners.a.holdRuns = true;
      void scheduler.submit(keys.a, 1);
      await settle();

      await scheduler.load(keys.c);

      expect([runners.a.loaded, runners.b.loaded, runners.c.loaded]).toEqual([true, false, true]);
    });

    it('loads an unloaded artifact again when a request needs it', async () => {
      await scheduler.load(keys.a);
      await scheduler.load(keys.b);
      await scheduler.load(keys.c);

      expect((await scheduler.submit(keys.a, 1)).output).toBe(2);
      expect(scheduler.isReady(keys.a)).toBe(true);
    });
  });
});
