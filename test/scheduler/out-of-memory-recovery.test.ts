import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SchedulerError } from '../../api/src/scheduler';
import { createScheduler, FakeRunner, KEY, settle, silentLogger, track, useFakeClock } from './fakes';

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

async function schedulerFailingAbove(allocationLimit: number) {
  const runner = new FakeRunner();
  const logger = { ...silentLogger, warn: vi.fn() };
  const scheduler = createScheduler(runner, { maxBatchSize: 8 }, { logger });
  await scheduler.load(KEY);
  runner.allocationLimit = allocationLimit;
  return { runner, scheduler, logger };
}

describe('out of memory during a run', () => {
  it('halves the batch and retries until it fits: 8, then 4 and 4', async () => {
    const { runner, scheduler } = await schedulerFailingAbove(4);

    const results = Array.from({ length: 8 }, (_, i) => scheduler.submit(KEY, i));
    await settle();

    expect(runner.servedSizes).toEqual([8, 4, 4]);
    expect((await Promise.all(results)).map((r) => r.timing.batchSize)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('remembers the size that fitted for later batches', async () => {
    const { runner, scheduler } = await schedulerFailingAbove(4);
    for (let i = 0; i < 8; i++) void scheduler.submit(KEY, i);
    await settle();

    for (let i = 0; i < 8; i++) void scheduler.submit(KEY, i);
    await settle();

    expect(runner.servedSizes.slice(3)).toEqual([4, 4]);
    expect(scheduler.stats().artifacts[0]).toMatchObject({
      batchSize: 4,
      batchSizeLimitedBy: 'out-of-memory',
    });
  });

  it('logs the new safe batch size', async () => {
    const { scheduler, logger } = await schedulerFailingAbove(4);

    for (let i = 0; i < 8; i++) void scheduler.submit(KEY, i);
    await settle();

    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/out of memory at batch size 8.*at most 4/),
    );
  });

  it('fails with OUT_OF_MEMORY when a single image does not fit', async () => {
    const { scheduler } = await schedulerFailingAbove(0);

    const result = track(scheduler.submit(KEY, 1));
    await settle();

    expect((result.error as SchedulerError).code).toBe('OUT_OF_MEMORY');
  });

  it('fails other run errors with INFERENCE_FAILED, without retrying', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner);
    await scheduler.load(KEY);
    vi.spyOn(runner, 'run').mockRejectedValue(new Error('Invalid input shape'));

    const results = [track(scheduler.submit(KEY, 1)), track(scheduler.submit(KEY, 2))];
    await settle();

    expect(results.map((r) => (r.error as SchedulerError).code)).toEqual([
      'INFERENCE_FAILED',
      'INFERENCE_FAILED',
    ]);
    expect(runner.run).toHaveBeenCalledTimes(1);
  });
});
