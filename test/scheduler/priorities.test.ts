import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SchedulerError } from '../../api/src/scheduler';
import { busyScheduler, FakeRunner, KEY, settle, track, useFakeClock } from './fakes';

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

async function releaseAll(runner: FakeRunner): Promise<void> {
  while (runner.runsWaiting > 0) {
    runner.releaseRun();
    await settle();
  }
}

describe('priorities', () => {
  it('serves interactive requests before bulk ones queued earlier', async () => {
    const { runner, scheduler } = await busyScheduler({ bulkAgingMs: 1000 });

    void scheduler.submit(KEY, 1, { priority: 'bulk' });
    void scheduler.submit(KEY, 2, { priority: 'bulk' });
    await settle(10);
    void scheduler.submit(KEY, 3, { priority: 'interactive' });
    await releaseAll(runner);

    expect(runner.batches.flat()).toEqual([0, 3, 1, 2]);
  });

  it('serves a bulk request before interactive ones that arrived more than bulkAgingMs after it', async () => {
    const { runner, scheduler } = await busyScheduler({ bulkAgingMs: 100 });

    void scheduler.submit(KEY, 1, { priority: 'bulk' });
    await settle(50);
    void scheduler.submit(KEY, 2, { priority: 'interactive' });
    await settle(60);
    void scheduler.submit(KEY, 3, { priority: 'interactive' });
    await releaseAll(runner);

    expect(runner.batches.flat()).toEqual([0, 2, 1, 3]);
  });

  it('keeps the last quarter of the queue for interactive requests', async () => {
    const { scheduler } = await busyScheduler({ maxQueueSize: 4 });

    for (let i = 1; i <= 3; i++) void scheduler.submit(KEY, i, { priority: 'bulk' });
    const fourthBulk = track(scheduler.submit(KEY, 4, { priority: 'bulk' }));
    const interactive = track(scheduler.submit(KEY, 5, { priority: 'interactive' }));
    await settle();

    expect((fourthBulk.error as SchedulerError).code).toBe('OVERLOADED');
    expect(interactive.done).toBe(false);
  });
});
