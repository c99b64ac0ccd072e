import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decideAdmission, type AdmissionQuery } from '../../api/src/scheduler/admission';
import { SchedulerError } from '../../api/src/scheduler';
import { createScheduler, FakeRunner, KEY, settle, track, useFakeClock } from './fakes';

const query = (overrides: Partial<AdmissionQuery>): AdmissionQuery => ({
  count: 1,
  ahead: 0,
  shortfall: 0,
  msPerRequest: 10,
  waitBoundMs: 100,
  batchSize: 4,
  ...overrides,
});

describe('decideAdmission', () => {
  it('admits a request expected to start within its bound', () => {
    expect(decideAdmission(query({ ahead: 10 }))).toEqual({ admitted: true, expectedWaitMs: 100 });
  });

  it('refuses one expected to wait past its bound, hinting the time for the backlog ahead to drain', () => {
    expect(decideAdmission(query({ ahead: 11 }))).toEqual({
      admitted: false,
      reason: 'expected-wait',
      expectedWaitMs: 110,
      retryAfterMs: 110,
    });
  });

  it('counts the others of a group: the last of 5 starts after the 4 before it', () => {
    expect(decideAdmission(query({ ahead: 7, count: 5 })).admitted).toBe(false);
    expect(decideAdmission(query({ ahead: 6, count: 5 })).admitted).toBe(true);
  });

  it('applies only the queue size bound before any batch was measured', () => {
    expect(decideAdmission(query({ msPerRequest: undefined, ahead: 1000 })).admitted).toBe(true);
    expect(decideAdmission(query({ msPerRequest: undefined, shortfall: 5 }))).toMatchObject({
      admitted: false,
      reason: 'queue-full',
      retryAfterMs: 2000, // two batches of 4 at the 1 s guess
    });
  });
});

describe('admission by expected wait', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  /** A loaded scheduler that measured 40 ms per request (batches of one), with one request running. */
  async function measuredScheduler(config: Parameters<typeof createScheduler>[1] = {}) {
    const runner = new FakeRunner();
    runner.holdRuns = true;
    const scheduler = createScheduler(runner, { maxBatchSize: 1, maxQueueWaitMs: 100, ...config });
    await scheduler.load(KEY);
    void scheduler.submit(KEY, 0);
    await settle(); // dispatched at 0
    await settle(40);
    runner.releaseRun();
    await settle();
    void scheduler.submit(KEY, 1); // running now
    await settle();
    return { runner, scheduler };
  }

  const codeOf = (outcome: { error?: unknown }) => (outcome.error as SchedulerError | undefined)?.code;

  it('queues requests while their expected wait fits maxQueueWaitMs, then refuses OVERLOADED', async () => {
    const { scheduler } = await measuredScheduler();

    // Ahead of the n-th new one: the running request and n-1 queued, 40 ms each; 100 ms admits 2 more.
    const outcomes = [2, 3, 4].map((i) => track(scheduler.submit(KEY, i)));
    await settle();

    expect(outcomes.map(codeOf)).toEqual([undefined, undefined, 'OVERLOADED']);
    expect((outcomes[2].error as SchedulerError).retryAfterMs).toBe(120);
  });

  it('uses the request timeout when it is shorter than maxQueueWaitMs', async () => {
    const { scheduler } = await measuredScheduler();

    const impatient = track(scheduler.submit(KEY, 2, { timeoutMs: 30 }));
    const patient = track(scheduler.submit(KEY, 3, { timeoutMs: 60 }));
    await settle();

    expect([codeOf(impatient), codeOf(patient)]).toEqual(['OVERLOADED', undefined]);
  });

  it('bounds bulk requests by maxBulkQueueWaitMs instead', async () => {
    const { scheduler } = await measuredScheduler({ maxBulkQueueWaitMs: 200 });

    const outcomes = [2, 3, 4, 5, 6, 7].map((i) => track(scheduler.submit(KEY, i, { priority: 'bulk' })));
    await settle();

    expect(outcomes.map(codeOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'OVERLOADED',
    ]);
  });

  it('admits a group all or nothing, and its promised places count against later requests', async () => {
    const { scheduler } = await measuredScheduler({ maxQueueWaitMs: 200 });

    expect(() => scheduler.admit(KEY, { count: 6 })).toThrow(SchedulerError); // its last would wait 240 ms
    const group = scheduler.admit(KEY, { count: 5 }); // 200 ms
    const next = track(scheduler.submit(KEY, 9));
    await settle();

    expect(codeOf(next)).toBe('OVERLOADED'); // behind 1 running + 5 promised: 240 ms
    group.release();
    const afterRelease = track(scheduler.submit(KEY, 10));
    await settle();
    expect(codeOf(afterRelease)).toBeUndefined();
  });

  it('serves the requests of an admission without judging them again', async () => {
    const { runner, scheduler } = await measuredScheduler({ maxBulkQueueWaitMs: 100 });
    const admission = scheduler.admit(KEY, { priority: 'bulk', count: 2 });
    // Interactive requests queued meanwhile go ahead of bulk: judged now, the bulk ones would wait 160+ ms.
    const interactive = [5, 8].map((i) => track(scheduler.submit(KEY, i)));

    const bulk = [6, 7].map((i) => track(scheduler.submit(KEY, i, { priority: 'bulk', admission })));
    for (let i = 0; i < 5; i++) {
      runner.releaseRun();
      await settle();
    }

    expect([...interactive, ...bulk].map((a) => a.value?.output)).toEqual([10, 16, 12, 14]);
  });

  it('never prepares a refused request', async () => {
    const { runner, scheduler } = await measuredScheduler({ maxQueueWaitMs: 0 });
    runner.prepare.mockClear();

    const refused = track(scheduler.submit(KEY, 2));
    await settle();

    expect(codeOf(refused)).toBe('OVERLOADED');
    expect(runner.prepare).not.toHaveBeenCalled();
  });

  it('refuses admission with SHUTTING_DOWN once shutdown started', async () => {
    const { scheduler } = await measuredScheduler();
    void scheduler.shutdown();

    expect(() => scheduler.admit(KEY)).toThrow(expect.objectContaining({ code: 'SHUTTING_DOWN' }));
  });

  it('tells the door in front of request parsing when any new request would be refused, counting it', async () => {
    const { scheduler } = await measuredScheduler();
    expect(scheduler.refusalAtTheDoor()).toBeUndefined(); // behind 1 running: 40 ms

    void scheduler.submit(KEY, 2);
    void scheduler.submit(KEY, 3);
    await settle();
    const failedBefore = scheduler.stats().artifacts[0].failed;
    const refusal = scheduler.refusalAtTheDoor(); // behind 3: 120 ms

    expect(refusal).toMatchObject({ code: 'OVERLOADED', retryAfterMs: 120 });
    expect(scheduler.stats().artifacts[0].failed).toBe(failedBefore + 1);
  });
});
