// The scheduler's contracts: what it needs from a model (BatchRunner) and what it gives callers.
import type { Precision } from '../../../models/src/repository/manifest';
import type { SchedulerErrorCode } from './errors';

/** One loadable artifact: a model version at one precision and input size. Each gets its own queue. */
export interface ArtifactKey {
  model: string;
  version: string;
  precision: Precision;
  inputSize: number;
}

/** Stable text form, used as the queue id and as the `artifact` label in stats and metrics. */
export function formatArtifactKey(key: ArtifactKey): string {
  return `${key.model}@${key.version}/${key.precision}/${key.inputSize}`;
}

/** interactive: a person is waiting (detect). bulk: detectBatch, benchmarks; served after interactive, never starved. */
export type Priority = 'interactive' | 'bulk';
export const PRIORITIES: readonly Priority[] = ['interactive', 'bulk'];

/**
 * What the scheduler drives: one model artifact that turns inputs I into outputs O through a prepared form P
 * (e.g. Detector: image bytes → normalised tensor → detections).
 *
 * Whatever runs on the calling thread blocks every other request meanwhile, so:
 * - load and run belong in a worker thread (WorkerSession): onnxruntime-node's session creation and
 *   session.run return promises but execute synchronously on the thread that calls them;
 * - prepare may stay on the main thread only because its heavy part (sharp's decode and resize) runs on
 *   libuv's threads; its JavaScript (pixel → float conversion) must stay one small pass per image;
 * - the same holds for the post-processing inside run (box decoding, NMS) when it is not in a worker.
 */
export interface BatchRunner<I, O, P = I> {
  /** Creates the session. Called once before any `run`, again after `unload`. */
  load(): Promise<void>;
  /** Releases the session and its memory. */
  unload(): Promise<void>;
  /**
   * Per-image preprocessing. Called while earlier batches run and possibly while the artifact is still
   * loading, so it must not need the session.
   */
  prepare(input: I): Promise<P>;
  /** One inference over a batch; returns one output per input, in order. */
  run(batch: P[]): Promise<O[]>;
  /** An input for the warm-up runs (e.g. a blank image, prepared). */
  warmUpSample(): Promise<P>;
  /**
   * Memory in use, in MB, where the model's memory lives (e.g. GPU memory for a GPU provider).
   * Absent: the process RSS, which is right for the CPU provider.
   */
  memoryInUseMB?(): number;
  /** Session memory expected before loading (e.g. from the artifact's size), so room can be made first. */
  readonly expectedSessionMB?: number;
}

export interface SubmitOptions {
  priority?: Priority;
  /** From submission to the start of inference; default: config scheduler.defaultTimeoutMs. */
  timeoutMs?: number;
}

export interface InferenceTiming {
  /** Submission → start of the batch's inference (includes preparation, which overlaps earlier batches). */
  queueMs: number;
  /** Duration of the batch run that computed this request. */
  inferenceMs: number;
  /** Submission → result. */
  totalMs: number;
  /** Size of the batch that computed this request. */
  batchSize: number;
}

export interface InferenceResult<O> {
  output: O;
  timing: InferenceTiming;
}

/** Where the scheduler reports what it decided (OOM fallbacks, evictions, failed loads). */
export type SchedulerLogger = Pick<Console, 'info' | 'warn' | 'error'>;

/** Hooks for metrics; called synchronously, so they must be cheap. */
export interface SchedulerObserver {
  requestSettled(event: {
    artifact: string;
    priority: Priority;
    outcome: 'ok' | SchedulerErrorCode;
    /** Present when the request was computed. */
    timing?: InferenceTiming;
  }): void;
  batchCompleted(event: { artifact: string; batchSize: number; inferenceMs: number }): void;
}
