import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SchedulerError } from '../../api/src/scheduler';
import { busyScheduler, createScheduler, FakeRunner, KEY, settle, track, useFakeClock } from './fakes';

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

describe('deadlines', () => {
  it('rejects a request still queued at its deadline with DEADLINE_EXCEEDED', async () => {
    const { scheduler } = await busyScheduler();

    const late = track(scheduler.submit(KEY, 1, { timeoutMs: 50 }));
    await settle(49);
    expect(late.done).toBe(false);
    await settle(1);

    expect(late.error).toBeInstanceOf(SchedulerError);
    expect((late.error as SchedulerError).code).toBe('DEADLINE_EXCEEDED');
  });

  it('never computes a request that expired in the queue', async () => {
    const { runner, scheduler } = await busyScheduler();

    void scheduler.submit(KEY, 1, { timeoutMs: 50 }).catch(() => undefined);
    await settle(100);
    runner.releaseRun();
    await settle();

    expect(runner.batches.flat()).toEqual([0]);
  });

  it('uses config defaultTimeoutMs when the caller gives no timeout', async () => {
    const { scheduler } = await busyScheduler({ defaultTimeoutMs: 200 });

    const late = track(scheduler.submit(KEY, 1));
    await settle(200);

    expect((late.error as SchedulerError).code).toBe('DEADLINE_EXCEEDED');
  });

  it('finishes a request whose deadline passes while its batch runs', async () => {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner);
    await scheduler.load(KEY);

    const running = track(scheduler.submit(KEY, 1, { timeoutMs: 50 }));
    await settle();
    await settle(100);
    runner.releaseRun();
    await settle();

    expect(running.value?.output).toBe(2);
  });
});

describe('bounded queue', () => {
  it('rejects at once with OVERLOADED and a retry-after hint when the queue is full', async () => {
    const { scheduler } = await busyScheduler({ maxQueueSize: 2 });
    void scheduler.submit(KEY, 1);
    void scheduler.submit(KEY, 2);

    const rejected = track(scheduler.submit(KEY, 3));
    await Promise.resolve();

    expect((rejected.error as SchedulerError).code).toBe('OVERLOADED');
    expect((rejected.error as SchedulerError).retryAfterMs).toBeGreaterThan(0);
  });

  it('bases the retry-after hint on the measured drain rate: the time for the requests ahead to leave', async () => {
    const { runner, scheduler } = await busyScheduler({ maxQueueSize: 1 });
    await settle(40);
    runner.releaseRun(); // one batch of 40 ms measured
    void scheduler.submit(KEY, 1);
    await settle();
    void scheduler.submit(KEY, 2);

    const rejected = track(scheduler.submit(KEY, 3));
    await Promise.resolve();

    // 40 ms per request measured; one request queued and one running are ahead.
    expect((rejected.error as SchedulerError).retryAfterMs).toBe(80);
  });

  it('never holds more than maxQueueSize requests', async () => {
    const { scheduler } = await busyScheduler({ maxQueueSize: 3 });

    const outcomes = Array.from({ length: 10 }, (_, i) => track(scheduler.submit(KEY, i + 1)));
    await settle();

    expect(outcomes.filter((o) => !o.done)).toHaveLength(3);
    expect(scheduler.stats().artifacts[0].queueDepth.interactive).toBe(3);
  });
});
