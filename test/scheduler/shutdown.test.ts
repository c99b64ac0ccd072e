import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SchedulerError } from '../../api/src/scheduler';
import { busyScheduler, createScheduler, FakeRunner, KEY, settle, track, useFakeClock } from './fakes';

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

describe('graceful shutdown', () => {
  it('rejects new requests with SHUTTING_DOWN', async () => {
    const { scheduler } = await busyScheduler();
    void scheduler.shutdown();

    const late = track(scheduler.submit(KEY, 1));
    await settle();

    expect((late.error as SchedulerError).code).toBe('SHUTTING_DOWN');
  });

  it('computes what is queued before it resolves', async () => {
    const { runner, scheduler, running } = await busyScheduler();
    const queued = track(scheduler.submit(KEY, 1));

    const stopped = track(scheduler.shutdown());
    runner.releaseRun();
    await settle();
    expect(stopped.done).toBe(false);
    runner.releaseRun();
    await settle();

    expect([running.value?.output, queued.value?.output]).toEqual([0, 2]);
    expect(stopped.done).toBe(true);
  });

  it('dispatches queued requests without waiting for maxQueueDelayMs', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner, { maxBatchSize: 4, maxQueueDelayMs: 60_000 });
    await scheduler.load(KEY);
    const queued = track(scheduler.submit(KEY, 1));
    await settle();
    expect(queued.done).toBe(false);

    void scheduler.shutdown();
    await settle();

    expect(queued.value?.output).toBe(2);
  });

  it('fails requests still queued after graceMs with SHUTTING_DOWN, but finishes the running batch', async () => {
    const { runner, scheduler, running } = await busyScheduler();
    const queued = track(scheduler.submit(KEY, 1));

    const stopped = track(scheduler.shutdown({ graceMs: 100 }));
    await settle(100);
    expect((queued.error as SchedulerError).code).toBe('SHUTTING_DOWN');
    expect(stopped.done).toBe(false);

    runner.releaseRun();
    await settle();
    expect(running.value?.output).toBe(0);
    expect(stopped.done).toBe(true);
  });

  it('unloads every session once drained', async () => {
    const runner = new FakeRunner();
    const scheduler = createScheduler(runner);
    await scheduler.load(KEY);

    await scheduler.shutdown();

    expect(runner.loaded).toBe(false);
    expect(scheduler.stats().accepting).toBe(false);
  });
});
