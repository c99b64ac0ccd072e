// One artifact's queue, batcher and session lifecycle, after Triton's dynamic batcher: requests wait in
// priority order, are prepared ahead while the previous batch runs, and leave as one batch when it is full
// or when its oldest request has waited maxQueueDelayMs. Admission (admission.ts) keeps out requests that would
// wait longer than their bound. Its limits are its model version's serving policy (serving-policy.ts).
import { Admission, decideAdmission } from './admission';
import { ArtifactStatsRecorder, type ArtifactCounters, type ArtifactLatencies } from './artifact-stats';
import { DrainRate } from './drain-rate';
import { SchedulerError } from './errors';
import type { MemoryBudget } from './memory-budget';
import { isOutOfMemoryError, OomSafeBatchSize } from './out-of-memory';
import { RequestQueue, type Queued } from './request-queue';
import type { ServingPolicy } from './serving-policy';
import {
  formatArtifactKey,
  type ArtifactKey,
  type BatchRunner,
  type InferenceResult,
  type InferenceTiming,
  type Priority,
  type SchedulerLogger,
  type SchedulerObserver,
} from './types';
import { estimateArtifactMemory, type ArtifactMemory } from './warm-up-memory';

export type ArtifactState = 'unloaded' | 'loading' | 'ready' | 'unloading';

/** Which limit set the current batch size: the policy's maxBatchSize, or what memory allows. */
export type BatchSizeLimit = 'serving-policy' | 'memory-budget' | 'out-of-memory';

export interface ArtifactStats extends ArtifactCounters {
  artifact: string;
  key: ArtifactKey;
  state: ArtifactState;
  queueDepth: Record<Priority, number>;
  /** Requests in batches running now. */
  inFlight: number;
  /** The batch size the next batch may reach, and which limit set it. */
  batchSize: number;
  batchSizeLimitedBy: BatchSizeLimit;
  /** Measured at warm-up; null before the first load. */
  memory: ArtifactMemory | null;
  latencyMs: ArtifactLatencies;
  /** The limits this lane serves under. */
  policy: ServingPolicy;
}

interface PendingRequest<I, O> extends Queued {
  input: I;
  deadline: number;
  preparation: 'waiting' | 'preparing' | 'prepared';
  prepared: unknown;
  deadlineTimer: NodeJS.Timeout | undefined;
  settled: boolean;
  resolve(result: InferenceResult<O>): void;
  reject(error: SchedulerError): void;
}

const MB = 1024 * 1024;
/** Node fires longer timers at once (with a warning); a deadline this far away is no deadline anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ArtifactLaneOptions<I, O> {
  key: ArtifactKey;
  runner: BatchRunner<I, O, unknown>;
  policy: ServingPolicy;
  budget: MemoryBudget;
  logger: SchedulerLogger;
  observer: SchedulerObserver | undefined;
}

export class ArtifactLane<I, O> {
  readonly id: string;
  private state: ArtifactState = 'unloaded';
  private memory: ArtifactMemory | undefined;
  private readonly queue: RequestQueue<PendingRequest<I, O>>;
  private readonly oomSafe = new OomSafeBatchSize();
  private readonly stats = new ArtifactStatsRecorder();
  private readonly drainRate = new DrainRate();
  private readonly reserved: Record<Priority, number> = { interactive: 0, bulk: 0 };
  private inFlightBatches = 0;
  private inFlightRequests = 0;
  private draining = false;
  private pumpScheduled = false;
  private delayTimer: NodeJS.Timeout | undefined;
  private drainWaiters: (() => void)[] = [];

  constructor(private readonly options: ArtifactLaneOptions<I, O>) {
    this.id = formatArtifactKey(options.key);
    this.queue = new RequestQueue(options.policy);
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  /** Unloaded, or being unloaded: a request for it needs a (re)load. */
  get needsLoad(): boolean {
    return this.state === 'unloaded' || this.state === 'unloading';
  }

  /** Loaded with nothing queued or running: may be unloaded to make room. */
  get isIdle(): boolean {
    return this.state === 'ready' && this.hasNoWork();
  }

  /** Memory a load is expected to take: session plus one image, as last measured, else the runner's hint. */
  expectedFootprintMB(): number {
    if (this.memory) return this.memory.sessionMB + this.memory.perImageMB;
    return this.options.runner.expectedSessionMB ?? 0;
  }

  perImageMB(): number {
    return this.memory?.perImageMB ?? 0;
  }

  /**
   * Promises `count` places to requests of this priority that must start within `timeoutMs`, or throws
   * OVERLOADED (with retryAfterMs) when the queue is full or they are expected to wait longer than their bound.
   */
  admit(priority: Priority, count: number, timeoutMs: number): Admission {
    const { decision, maxWaitMs } = this.decide(priority, count, timeoutMs);
    if (!decision.admitted) {
      const why =
        decision.reason === 'queue-full'
          ? `the queue for ${this.id} is full`
          : `requests for ${this.id} would wait about ${Math.round(decision.expectedWaitMs)} ms, longer than ` +
            `${Math.round(Math.min(timeoutMs, maxWaitMs))} ms`;
      const error = new SchedulerError('OVERLOADED', `Overloaded: ${why}; retry later.`, {
        retryAfterMs: decision.retryAfterMs,
      });
      for (let i = 0; i < count; i++) this.reportRejection(priority, error);
      throw error;
    }
    this.reserved[priority] += count;
    return new Admission(this.id, priority, count, (places) => {
      this.reserved[priority] -= places;
    });
  }

  /** The OVERLOADED refusal a new request of this priority would get now, if any; changes and counts nothing. */
  wouldRefuse(priority: Priority, timeoutMs: number): SchedulerError | undefined {
    const { decision } = this.decide(priority, 1, timeoutMs);
    if (decision.admitted) return undefined;
    return new SchedulerError(
      'OVERLOADED',
      `Overloaded: requests for ${this.id} would wait too long; retry later.`,
      {
        retryAfterMs: decision.retryAfterMs,
      },
    );
  }

  /** Counts a refusal made on this artifact's behalf before the request reached it. */
  countRefusal(priority: Priority, error: SchedulerError): void {
    this.reportRejection(priority, error);
  }

  private decide(priority: Priority, count: number, timeoutMs: number) {
    const { policy } = this.options;
    const maxWaitMs = priority === 'interactive' ? policy.maxQueueWaitMs : policy.maxBulkQueueWaitMs;
    const reservedAhead =
      priority === 'interactive' ? this.reserved.interactive : this.reserved.interactive + this.reserved.bulk;
    const decision = decideAdmission({
      count,
      ahead: this.queue.aheadOf(priority, performance.now()) + reservedAhead + this.inFlightRequests,
      shortfall: this.queue.shortfall(priority, count, this.reserved.interactive + this.reserved.bulk),
      msPerRequest: this.drainRate.msPerRequest(),
      waitBoundMs: Math.min(timeoutMs, maxWaitMs),
      batchSize: this.batchSizeLimit().size,
    });
    return { decision, maxWaitMs };
  }

  /** Queues one request, in a place `admission` promised, else admitting it now (rejecting OVERLOADED). */
  enqueue(
    input: I,
    priority: Priority,
    timeoutMs: number,
    admission?: Admission,
  ): Promise<InferenceResult<O>> {
    const promised = admission?.artifact === this.id && admission.priority === priority && admission.take();
    if (!promised) {
      try {
        this.admit(priority, 1, timeoutMs).take();
      } catch (error) {
        return Promise.reject(error as SchedulerError);
      }
    }
    return new Promise((resolve, reject) => {
      const now = performance.now();
      const request: PendingRequest<I, O> = {
        input,
        priority,
        arrivedAt: now,
        deadline: now + timeoutMs,
        preparation: 'waiting',
        prepared: undefined,
        deadlineTimer: undefined,
        settled: false,
        resolve,
        reject,
      };
      request.deadlineTimer = setTimeout(() => this.expire(request), Math.min(timeoutMs, MAX_TIMER_MS));
      this.queue.push(request);
      this.schedulePump();
    });
  }

  /** Loads and warms up the session, measuring its memory. On failure, fails the queue: MODEL_UNAVAILABLE. */
  async load(): Promise<void> {
    const { budget, logger } = this.options;
    this.state = 'loading';
    budget.setSession(this.id, this.expectedFootprintMB());
    try {
      this.memory = await this.loadAndWarmUp();
      budget.setSession(this.id, this.memory.sessionMB);
      this.state = 'ready';
      logger.info(
        `[scheduler] ${this.id} ready: session ${this.memory.sessionMB.toFixed(1)} MB, ` +
          `${this.memory.perImageMB.toFixed(1)} MB per image, batch size ${this.batchSizeLimit().size}`,
      );
    } catch (error) {
      await this.options.runner.unload().catch(() => undefined); // release whatever the failed load created
      budget.removeSession(this.id);
      this.state = 'unloaded';
      const reason = `${this.id} could not be loaded: ${describe(error)}`;
      const failure = new SchedulerError('MODEL_UNAVAILABLE', reason, { cause: error });
      logger.error(`[scheduler] ${failure.message}`);
      this.failQueued(failure);
      throw failure;
    } finally {
      this.schedulePump();
    }
  }

  /** Releases the session. Never throws: a failed unload is logged and the artifact counted as unloaded. */
  async unload(): Promise<void> {
    this.state = 'unloading';
    try {
      await this.options.runner.unload();
    } catch (error) {
      this.options.logger.error(`[scheduler] unloading ${this.id} failed: ${describe(error)}`);
    } finally {
      this.options.budget.removeSession(this.id);
      this.state = 'unloaded';
      this.schedulePump();
    }
  }

  /** From now on batches leave as soon as they are prepared, without waiting for more requests. */
  startDraining(): void {
    this.draining = true;
    this.schedulePump();
  }

  /** Resolves once nothing is queued or running. */
  whenDrained(): Promise<void> {
    if (this.hasNoWork()) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Fails every queued request (not those running) with `error`. */
  failQueued(error: SchedulerError): void {
    for (const request of [...this.queue.inOrder()]) {
      this.queue.remove(request);
      this.fail(request, error);
    }
    this.schedulePump();
  }

  snapshot(now: number): ArtifactStats {
    const limit = this.batchSizeLimit();
    return {
      artifact: this.id,
      key: this.options.key,
      state: this.state,
      queueDepth: { interactive: this.queue.depth('interactive'), bulk: this.queue.depth('bulk') },
      inFlight: this.inFlightRequests,
      batchSize: limit.size,
      batchSizeLimitedBy: limit.limitedBy,
      memory: this.memory ? { ...this.memory } : null,
      ...this.stats.counters(),
      latencyMs: this.stats.latencies(now),
      policy: { ...this.options.policy },
    };
  }

  // Every change (arrival, preparation done, batch done, expiry) schedules one pump on the next turn of the
  // event loop, so a burst submitted together forms one batch instead of a batch of its first request.
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.startPreparations();
      this.dispatchIfDue();
      this.notifyIfDrained();
    });
  }

  /** Prepares the requests that would make up the next batch, so preparation overlaps the batch running now. */
  private startPreparations(): void {
    const window = this.batchSizeLimit().size;
    let position = 0;
    for (const request of this.queue.inOrder()) {
      if (position++ >= window) break;
      if (request.preparation === 'waiting') this.prepare(request);
    }
  }

  private prepare(request: PendingRequest<I, O>): void {
    request.preparation = 'preparing';
    // Through a microtask so that a prepare() throwing synchronously is handled like one that rejects.
    Promise.resolve()
      .then(() => this.options.runner.prepare(request.input))
      .then(
        (prepared) => {
          if (request.settled) return;
          request.prepared = prepared;
          request.preparation = 'prepared';
          this.schedulePump();
        },
        (error: unknown) => {
          if (!this.queue.remove(request)) return;
          this.fail(
            request,
            new SchedulerError('PREPARATION_FAILED', `Preparing the input failed: ${describe(error)}`, {
              cause: error,
            }),
          );
          this.schedulePump();
        },
      );
  }

  private dispatchIfDue(): void {
    clearTimeout(this.delayTimer);
    this.delayTimer = undefined;
    // One batch in flight per artifact: a batch already uses every core (CPU) or the whole session (GPU).
    if (this.state !== 'ready' || this.inFlightBatches > 0) return;
    const size = this.batchSizeLimit().size;
    // Only a prepared prefix of the dispatch order may leave, so a request is never overtaken by ones behind it.
    const batch: PendingRequest<I, O>[] = [];
    for (const request of this.queue.inOrder()) {
      if (batch.length >= size || request.preparation !== 'prepared') break;
      batch.push(request);
    }
    if (batch.length === 0) return;
    if (batch.length < size && !this.draining) {
      const oldestArrival = Math.min(...batch.map((r) => r.arrivedAt));
      const waitMs = oldestArrival + this.options.policy.maxQueueDelayMs - performance.now();
      if (waitMs > 0) {
        this.delayTimer = setTimeout(() => this.schedulePump(), waitMs);
        return;
      }
    }
    for (const request of batch) {
      this.queue.remove(request);
      clearTimeout(request.deadlineTimer);
    }
    void this.runBatch(batch);
    this.schedulePump(); // starts preparing the next batch while this one runs
  }

  private async runBatch(batch: PendingRequest<I, O>[]): Promise<void> {
    const { budget } = this.options;
    this.inFlightBatches++;
    this.inFlightRequests += batch.length;
    budget.touch(this.id);
    const releaseActivations = budget.reserveActivations(batch.length * this.perImageMB());
    try {
      let pending = batch;
      while (pending.length > 0) {
        pending = this.withoutExpired(pending);
        const chunk = pending.slice(0, this.oomSafe.limit);
        if (chunk.length === 0) break;
        const retrySmaller = await this.runChunk(chunk);
        if (!retrySmaller) pending = pending.slice(chunk.length);
      }
    } finally {
      releaseActivations();
      this.inFlightBatches--;
      this.inFlightRequests -= batch.length;
      this.schedulePump();
    }
  }

  /** Runs one chunk and settles its requests; true when it ran out of memory and should be retried smaller. */
  private async runChunk(chunk: PendingRequest<I, O>[]): Promise<boolean> {
    const startedAt = performance.now();
    let outputs: O[];
    try {
      outputs = await this.options.runner.run(chunk.map((r) => r.prepared));
      if (outputs.length !== chunk.length) {
        throw new Error(`run returned ${outputs.length} outputs for a batch of ${chunk.length}`);
      }
    } catch (error) {
      const outOfMemory = isOutOfMemoryError(error);
      if (outOfMemory) {
        const retrySize = this.oomSafe.halve(chunk.length);
        if (retrySize !== undefined) {
          this.options.logger.warn(
            `[scheduler] ${this.id}: out of memory at batch size ${chunk.length}; using at most ${retrySize} from now on`,
          );
          return true;
        }
      }
      const failure = outOfMemory
        ? new SchedulerError('OUT_OF_MEMORY', `${this.id} ran out of memory on a single image`, {
            cause: error,
          })
        : new SchedulerError('INFERENCE_FAILED', `Inference on ${this.id} failed: ${describe(error)}`, {
            cause: error,
          });
      for (const request of chunk) this.fail(request, failure);
      return false;
    }
    const finishedAt = performance.now();
    const inferenceMs = finishedAt - startedAt;
    this.stats.recordBatch(inferenceMs, finishedAt);
    this.drainRate.record(chunk.length, Math.min(...chunk.map((r) => r.arrivedAt)), startedAt, finishedAt);
    this.options.observer?.batchCompleted({ artifact: this.id, batchSize: chunk.length, inferenceMs });
    chunk.forEach((request, i) =>
      this.complete(request, outputs[i], {
        queueMs: startedAt - request.arrivedAt,
        inferenceMs,
        totalMs: finishedAt - request.arrivedAt,
        batchSize: chunk.length,
      }),
    );
    return false;
  }

  /** Drops requests whose deadline passed before their turn (possible when a batch is split after an OOM). */
  private withoutExpired(requests: PendingRequest<I, O>[]): PendingRequest<I, O>[] {
    const now = performance.now();
    return requests.filter((request) => {
      if (now < request.deadline) return true;
      this.fail(request, deadlineExceeded());
      return false;
    });
  }

  private expire(request: PendingRequest<I, O>): void {
    if (!this.queue.remove(request)) return;
    this.fail(request, deadlineExceeded());
    this.schedulePump();
  }

  private async loadAndWarmUp(): Promise<ArtifactMemory> {
    const { runner } = this.options;
    const memoryInUseMB = (): number => runner.memoryInUseMB?.() ?? process.memoryUsage.rss() / MB;
    const beforeLoadMB = memoryInUseMB();
    await runner.load();
    const afterLoadMB = memoryInUseMB();
    const sample = await runner.warmUpSample();
    await runner.run([sample]);
    const afterBatchOfOneMB = memoryInUseMB();
    let afterBatchOfTwoMB: number | undefined;
    if (this.options.policy.maxBatchSize >= 2 && this.oomSafe.limit >= 2) {
      try {
        await runner.run([sample, sample]);
        afterBatchOfTwoMB = memoryInUseMB();
      } catch (error) {
        if (!isOutOfMemoryError(error)) throw error;
        this.oomSafe.halve(2);
        this.options.logger.warn(
          `[scheduler] ${this.id}: out of memory at warm-up batch size 2; using batch size 1`,
        );
      }
    }
    return estimateArtifactMemory({ beforeLoadMB, afterLoadMB, afterBatchOfOneMB, afterBatchOfTwoMB });
  }

  private batchSizeLimit(): { size: number; limitedBy: BatchSizeLimit } {
    const limits: [number, BatchSizeLimit][] = [
      [this.options.policy.maxBatchSize, 'serving-policy'],
      [this.memory ? this.options.budget.batchCapacity(this.memory.perImageMB) : Infinity, 'memory-budget'],
      [this.oomSafe.limit, 'out-of-memory'],
    ];
    const [size, limitedBy] = limits.reduce((smallest, limit) => (limit[0] < smallest[0] ? limit : smallest));
    // A budget too small for one image still runs one at a time: refusing would leave the model useless,
    // and a real shortage then shows up as OUT_OF_MEMORY.
    return { size: Math.max(1, size), limitedBy };
  }

  private complete(request: PendingRequest<I, O>, output: O, timing: InferenceTiming): void {
    if (request.settled) return;
    request.settled = true;
    this.stats.recordCompleted(timing, performance.now());
    this.options.observer?.requestSettled({
      artifact: this.id,
      priority: request.priority,
      outcome: 'ok',
      timing,
    });
    request.resolve({ output, timing });
  }

  private fail(request: PendingRequest<I, O>, error: SchedulerError): void {
    if (request.settled) return;
    request.settled = true;
    clearTimeout(request.deadlineTimer);
    request.reject(this.reportRejection(request.priority, error));
  }

  private reportRejection(priority: Priority, error: SchedulerError): SchedulerError {
    this.stats.recordFailed();
    this.options.observer?.requestSettled({ artifact: this.id, priority, outcome: error.code });
    return error;
  }

  private hasNoWork(): boolean {
    return this.queue.size === 0 && this.inFlightBatches === 0;
  }

  private notifyIfDrained(): void {
    if (!this.hasNoWork()) return;
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}

function deadlineExceeded(): SchedulerError {
  return new SchedulerError('DEADLINE_EXCEEDED', 'The request waited in the queue past its deadline.');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
