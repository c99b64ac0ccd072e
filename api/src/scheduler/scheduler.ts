// The inference scheduler: one ArtifactLane (queue + dynamic batcher) per artifact, sessions loaded within the
// memory budget and unloaded least-recently-used when idle, and an orderly shutdown.
//
// The scheduler itself never blocks the event loop: runs, preparations and loads are awaited, never waited
// for, and its own bookkeeping is O(queue size). What a runner does synchronously is another matter (see
// BatchRunner): the Detector's session runs in a worker thread for that reason (inference/detector-runner.ts).
import type { ServingSettings } from '../../../models/src/repository/manifest';
import type { Config } from '../config';
import type { Admission } from './admission';
import { ArtifactLane, type ArtifactStats } from './artifact-lane';
import { SchedulerError } from './errors';
import { MemoryBudget, type MemoryBudgetSnapshot } from './memory-budget';
import { servingPolicy } from './serving-policy';
import {
  formatArtifactKey,
  type ArtifactKey,
  type BatchRunner,
  type InferenceResult,
  type Priority,
  type SchedulerLogger,
  type SchedulerObserver,
  type SubmitOptions,
} from './types';

export interface AdmitOptions {
  priority?: Priority;
  /** Requests asking together; default 1. */
  count?: number;
  /** As SubmitOptions.timeoutMs. */
  timeoutMs?: number;
}

export interface SchedulerOptions<I, O> {
  config: Config['scheduler'];
  /** Makes the runner for an artifact the first time it is asked for; the scheduler loads it when needed. */
  createRunner(key: ArtifactKey): BatchRunner<I, O, unknown>;
  /** The artifact's model version's own serving settings (its manifest's), over `config`; absent: none. */
  servingSettings?(key: ArtifactKey): ServingSettings | undefined;
  logger?: SchedulerLogger;
  observer?: SchedulerObserver;
}

export interface SchedulerStats {
  accepting: boolean;
  memory: MemoryBudgetSnapshot;
  artifacts: ArtifactStats[];
}

export class Scheduler<I, O> {
  private readonly lanes = new Map<string, ArtifactLane<I, O>>();
  private readonly budget: MemoryBudget;
  private readonly logger: SchedulerLogger;
  // Loads run one at a time: each makes room before it starts, and memory readings of overlapping loads would mix.
  private loads: Promise<unknown> = Promise.resolve();
  private shuttingDown: Promise<void> | undefined;

  constructor(private readonly options: SchedulerOptions<I, O>) {
    this.budget = new MemoryBudget(options.config.memoryBudgetMB);
    this.logger = options.logger ?? console;
  }

  /**
   * Queues one input for `key` (loading the artifact if needed) and resolves with its output once computed.
   * Rejects with a SchedulerError: OVERLOADED at once when the queue is full, DEADLINE_EXCEEDED when still
   * queued after `timeoutMs`, SHUTTING_DOWN after shutdown(), or the code of whatever failed.
   */
  submit(
    key: ArtifactKey,
    input: I,
    options: SubmitOptions & { admission?: Admission } = {},
  ): Promise<InferenceResult<O>> {
    const priority = options.priority ?? 'interactive';
    if (this.shuttingDown) {
      return this.refuse(key, priority, new SchedulerError('SHUTTING_DOWN', 'The service is shutting down.'));
    }
    let lane: ArtifactLane<I, O>;
    try {
      lane = this.laneFor(key);
    } catch (error) {
      return this.refuse(key, priority, error as SchedulerError);
    }
    const timeoutMs = options.timeoutMs ?? this.options.config.defaultTimeoutMs;
    const result = lane.enqueue(input, priority, timeoutMs, options.admission);
    // A failed load has already failed the queued requests with MODEL_UNAVAILABLE.
    if (lane.needsLoad) this.ensureLoaded(lane).catch(() => undefined);
    return result;
  }

  /**
   * Asks for places in `key`'s queue before the caller does the work of reading its inputs (decoding an upload),
   * so that work is only done for requests that can be served in time. Throws a SchedulerError: OVERLOADED with
   * retryAfterMs when they are expected to wait longer than their bound (timeoutMs, the artifact's max queue
   * wait) or the queue is full, SHUTTING_DOWN, MODEL_UNAVAILABLE. Pass the admission to submit(); release() it
   * if the inputs turn out unusable.
   */
  admit(key: ArtifactKey, options: AdmitOptions = {}): Admission {
    const priority = options.priority ?? 'interactive';
    if (this.shuttingDown) throw new SchedulerError('SHUTTING_DOWN', 'The service is shutting down.');
    const lane = this.laneFor(key);
    const admission = lane.admit(
      priority,
      options.count ?? 1,
      options.timeoutMs ?? this.options.config.defaultTimeoutMs,
    );
    if (lane.needsLoad) this.ensureLoaded(lane).catch(() => undefined);
    return admission;
  }

  /**
   * For a door in front of request parsing: the OVERLOADED refusal a new interactive request would get now
   * from every loaded artifact (so whichever it is for), or undefined when any would take it. Counted as a
   * refusal of the artifact that would drain soonest.
   */
  refusalAtTheDoor(): SchedulerError | undefined {
    if (this.shuttingDown) return undefined;
    const timeoutMs = this.options.config.defaultTimeoutMs;
    const probes = [...this.lanes.values()]
      .filter((lane) => lane.isReady)
      .map((lane) => ({ lane, refusal: lane.wouldRefuse('interactive', timeoutMs) }));
    if (probes.length === 0) return undefined;
    let soonest: { lane: ArtifactLane<I, O>; refusal: SchedulerError } | undefined;
    for (const { lane, refusal } of probes) {
      if (!refusal) return undefined;
      if (!soonest || refusal.retryAfterMs! < soonest.refusal.retryAfterMs!) soonest = { lane, refusal };
    }
    soonest!.lane.countRefusal('interactive', soonest!.refusal);
    return soonest!.refusal;
  }

  /** Loads and warms up an artifact ahead of traffic; resolves when it is ready (rejects MODEL_UNAVAILABLE). */
  async load(key: ArtifactKey): Promise<void> {
    if (this.shuttingDown) throw new SchedulerError('SHUTTING_DOWN', 'The service is shutting down.');
    await this.ensureLoaded(this.laneFor(key));
  }

  /** Loaded and warmed up. */
  isReady(key: ArtifactKey): boolean {
    return this.lanes.get(formatArtifactKey(key))?.isReady ?? false;
  }

  stats(): SchedulerStats {
    const now = performance.now();
    return {
      accepting: !this.shuttingDown,
      memory: this.budget.snapshot(),
      artifacts: [...this.lanes.values()].map((lane) => lane.snapshot(now)),
    };
  }

  /**
   * Stops accepting (SHUTTING_DOWN), computes what is queued, then unloads every session. Requests still
   * queued after `graceMs` fail with SHUTTING_DOWN; batches already running always finish. Idempotent.
   */
  shutdown(options: { graceMs?: number } = {}): Promise<void> {
    this.shuttingDown ??= this.drainAndUnload(options.graceMs ?? Number.POSITIVE_INFINITY);
    return this.shuttingDown;
  }

  /** Rejects a request that never reached a queue, counting it like the rest. */
  private refuse(key: ArtifactKey, priority: Priority, error: SchedulerError): Promise<never> {
    this.options.observer?.requestSettled({
      artifact: formatArtifactKey(key),
      priority,
      outcome: error.code,
    });
    return Promise.reject(error);
  }

  private laneFor(key: ArtifactKey): ArtifactLane<I, O> {
    const id = formatArtifactKey(key);
    let lane = this.lanes.get(id);
    if (!lane) {
      const { config, observer } = this.options;
      lane = new ArtifactLane({
        key,
        runner: this.createRunner(key, id),
        policy: servingPolicy(config, this.options.servingSettings?.(key)),
        budget: this.budget,
        logger: this.logger,
        observer,
      });
      this.lanes.set(id, lane);
    }
    return lane;
  }

  /** The runner for a new lane; a key the model repository cannot serve fails as MODEL_UNAVAILABLE. */
  private createRunner(key: ArtifactKey, id: string): BatchRunner<I, O, unknown> {
    try {
      return this.options.createRunner(key);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SchedulerError('MODEL_UNAVAILABLE', `${id} is not available: ${message}`, { cause: error });
    }
  }

  private ensureLoaded(lane: ArtifactLane<I, O>): Promise<void> {
    const loaded = this.loads.then(async () => {
      if (!lane.needsLoad) return;
      await this.makeRoom(lane.expectedFootprintMB(), lane);
      await lane.load();
      // The measured session can exceed its estimate; leave room for at least one image's activations.
      await this.makeRoom(lane.perImageMB(), lane);
    });
    this.loads = loaded.catch(() => undefined);
    return loaded;
  }

  /** Unloads idle artifacts, least recently used first, until `neededMB` is free. */
  private async makeRoom(neededMB: number, forLane: ArtifactLane<I, O>): Promise<void> {
    for (const id of this.budget.leastRecentlyUsed()) {
      if (this.budget.freeMB() >= neededMB) return;
      const lane = this.lanes.get(id);
      if (!lane || lane === forLane || !lane.isIdle) continue;
      this.logger.info(`[scheduler] unloading idle ${id} to make room for ${forLane.id}`);
      await lane.unload();
    }
    if (this.budget.freeMB() < neededMB) {
      this.logger.warn(
        `[scheduler] ${forLane.id} needs ${neededMB.toFixed(1)} MB but only ${this.budget.freeMB().toFixed(1)} MB ` +
          `of the memory budget is free and no idle artifact is left to unload`,
      );
    }
  }

  private async drainAndUnload(graceMs: number): Promise<void> {
    const lanes = [...this.lanes.values()];
    for (const lane of lanes) lane.startDraining();
    const graceTimer = Number.isFinite(graceMs)
      ? setTimeout(() => {
          const error = new SchedulerError(
            'SHUTTING_DOWN',
            'The service shut down before this request was computed.',
          );
          for (const lane of lanes) lane.failQueued(error);
        }, graceMs)
      : undefined;
    await Promise.all(lanes.map((lane) => lane.whenDrained()));
    clearTimeout(graceTimer);
    await this.loads;
    for (const lane of lanes) if (lane.isReady) await lane.unload();
  }
}
