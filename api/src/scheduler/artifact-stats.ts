// Counters and recent latencies of one artifact, for the schedulerStats snapshot.
import { LatencyWindow, type Percentiles } from './latency-window';
import type { InferenceTiming } from './types';

export interface ArtifactCounters {
  completed: number;
  failed: number;
  /** Successful batch runs; completed / batches is the batch size actually achieved. */
  batches: number;
}

export interface ArtifactLatencies {
  /** Per request: submission → start of inference. */
  queueMs: Percentiles;
  /** Per batch run. */
  inferenceMs: Percentiles;
  /** Per request: submission → result. */
  totalMs: Percentiles;
}

export class ArtifactStatsRecorder {
  private completed = 0;
  private failed = 0;
  private batches = 0;
  private readonly queue = new LatencyWindow();
  private readonly inference = new LatencyWindow();
  private readonly total = new LatencyWindow();

  recordBatch(inferenceMs: number, at: number): void {
    this.batches++;
    this.inference.record(inferenceMs, at);
  }

  recordCompleted(timing: InferenceTiming, at: number): void {
    this.completed++;
    this.queue.record(timing.queueMs, at);
    this.total.record(timing.totalMs, at);
  }

  recordFailed(): void {
    this.failed++;
  }

  counters(): ArtifactCounters {
    return { completed: this.completed, failed: this.failed, batches: this.batches };
  }

  latencies(now: number): ArtifactLatencies {
    return {
      queueMs: this.queue.percentiles(now),
      inferenceMs: this.inference.percentiles(now),
      totalMs: this.total.percentiles(now),
    };
  }
}
