// Test doubles for the scheduler: a runner without a model whose timing, memory and failures the test controls.
import { vi } from 'vitest';
import type { ServingSettings } from '../../models/src/repository/manifest';
import type { Config } from '../../api/src/config';
import {
  Scheduler,
  type ArtifactKey,
  type BatchRunner,
  type SchedulerObserver,
} from '../../api/src/scheduler';

export const KEY: ArtifactKey = { model: 'nanodet', version: '1', precision: 'fp32', inputSize: 320 };
export const OTHER_KEY: ArtifactKey = { ...KEY, precision: 'int8' };

/** Input marking the warm-up runs, so tests can tell them from served batches. */
export const WARM_UP = -1;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface FakeMemory {
  sessionMB: number;
  perImageMB: number;
}

/**
 * Doubles each number. Runs finish at once unless `holdRuns` is set, in which case each waits for
 * `releaseRun()`. Memory behaves like onnxruntime's arena: a run grows it to its batch's need and keeps it.
 */
export class FakeRunner implements BatchRunner<number, number> {
  /** Inputs of each served (non-warm-up) run, in order, including runs that failed. */
  readonly batches: number[][] = [];
  /** Sizes of the warm-up runs. */
  readonly warmUpSizes: number[] = [];
  readonly prepare = vi.fn(async (input: number) => input);
  holdRuns = false;
  /** Runs of more images than this throw onnxruntime's allocation failure. */
  allocationLimit = Number.POSITIVE_INFINITY;
  loaded = false;
  loadGate: Promise<void> | undefined;
  failLoad: Error | undefined;
  usedMB = 0;
  readonly expectedSessionMB: number | undefined;
  private arenaMB = 0;
  private readonly heldRuns: Deferred<void>[] = [];

  constructor(
    private readonly memory: FakeMemory = { sessionMB: 0, perImageMB: 0 },
    options: { expectedSessionMB?: number } = {},
  ) {
    this.expectedSessionMB = options.expectedSessionMB;
  }

  get servedSizes(): number[] {
    return this.batches.map((b) => b.length);
  }

  get runsWaiting(): number {
    return this.heldRuns.length;
  }

  async load(): Promise<void> {
    await this.loadGate;
    if (this.failLoad) throw this.failLoad;
    this.loaded = true;
    this.usedMB += this.memory.sessionMB;
  }

  async unload(): Promise<void> {
    if (!this.loaded) return;
    this.loaded = false;
    this.usedMB -= this.memory.sessionMB + this.arenaMB;
    this.arenaMB = 0;
  }

  async warmUpSample(): Promise<number> {
    return WARM_UP;
  }

  memoryInUseMB(): number {
    return this.usedMB;
  }

  async run(batch: number[]): Promise<number[]> {
    if (!this.loaded) throw new Error('run before load');
    if (batch.includes(WARM_UP)) this.warmUpSizes.push(batch.length);
    else this.batches.push([...batch]);
    if (batch.length > this.allocationLimit) {
      throw new Error(`Failed to allocate memory for requested buffer of size ${batch.length * 1_000_000}`);
    }
    const neededMB = batch.length * this.memory.perImageMB;
    if (neededMB > this.arenaMB) {
      this.usedMB += neededMB - this.arenaMB;
      this.arenaMB = neededMB;
    }
    if (this.holdRuns && !batch.includes(WARM_UP)) {
      const gate = deferred();
      this.heldRuns.push(gate);
      await gate.promise;
    }
    return batch.map((x) => x * 2);
  }

  /** Lets the oldest held run finish. */
  releaseRun(): void {
    const gate = this.heldRuns.shift();
    if (!gate) throw new Error('no run is waiting');
    gate.resolve();
  }
}

export function schedulerConfig(overrides: Partial<Config['scheduler']> = {}): Config['scheduler'] {
  return {
    maxBatchSize: 4,
    maxQueueDelayMs: 0,
    maxQueueSize: 64,
    interactiveReserve: 0.25,
    defaultTimeoutMs: 30_000,
    maxQueueWaitMs: 1000,
    maxBulkQueueWaitMs: 10_000,
    bulkAgingMs: 1000,
    memoryBudgetMB: 1024,
    ...overrides,
  };
}

export const silentLogger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** A scheduler over one fake runner, or over one per artifact chosen by `runnerFor`. */
export function createScheduler(
  runners: FakeRunner | ((key: ArtifactKey) => FakeRunner),
  config: Partial<Config['scheduler']> = {},
  extra: {
    observer?: SchedulerObserver;
    logger?: typeof silentLogger;
    /** Each artifact's manifest serving block, as the model repository would give it. */
    servingSettings?: (key: ArtifactKey) => ServingSettings | undefined;
  } = {},
): Scheduler<number, number> {
  return new Scheduler<number, number>({
    config: schedulerConfig(config),
    createRunner: (key) => (runners instanceof FakeRunner ? runners : runners(key)),
    servingSettings: extra.servingSettings,
    logger: extra.logger ?? silentLogger,
    observer: extra.observer,
  });
}

/** A loaded scheduler whose runner is busy with input 0 (its run held), so what is submitted next queues up. */
export async function busyScheduler(config: Partial<Config['scheduler']> = {}) {
  const runner = new FakeRunner();
  runner.holdRuns = true;
  const scheduler = createScheduler(runner, { maxBatchSize: 1, ...config });
  await scheduler.load(KEY);
  const running = track(scheduler.submit(KEY, 0));
  await settle();
  return { runner, scheduler, running };
}

/**
 * Fakes time (timers and performance.now) but not setImmediate: the scheduler hops through setImmediate, and
 * fake immediates would each cost a fake millisecond, skewing the timings the tests check.
 */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
}

/** Advances fake time by `ms`, then lets every chain of setImmediate and promise callbacks run out. */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  // Each scheduler step is at most a few hops; 50 turns of the event loop is far more than any test needs.
  for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Observes a promise's outcome without leaving it unhandled. */
export function track<T>(promise: Promise<T>): {
  readonly value?: T;
  readonly error?: unknown;
  readonly done: boolean;
} {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
}
