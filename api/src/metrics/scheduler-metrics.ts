// The scheduler's Prometheus metrics. Counters and histograms are fed by the scheduler's observer as requests
// and batches finish; gauges (queue depth, loaded artifacts, memory) are read from its stats at scrape time,
// so they can never drift from the truth.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { SchedulerObserver, SchedulerStats } from '../scheduler';

// Seconds: queue waits from ~nothing up to the default 30 s timeout; CPU batches of tens to hundreds of ms.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const BATCH_SIZE_BUCKETS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];
const MB = 1024 * 1024;

export interface SchedulerMetrics {
  /** Give to the Scheduler as its `observer`. */
  observer: SchedulerObserver;
  /** Where the gauges read from at scrape time (the Scheduler, once created). */
  watch(source: { stats(): SchedulerStats }): void;
}

export function registerSchedulerMetrics(registry: Registry): SchedulerMetrics {
  let source: { stats(): SchedulerStats } | undefined;
  const registers = [registry];

  const requests = new Counter({
    name: 'wanshi_inference_requests_total',
    help: 'Inference requests by artifact, priority and outcome (ok, or the error code in lower case).',
    labelNames: ['artifact', 'priority', 'outcome'] as const,
    registers,
  });
  const queueSeconds = new Histogram({
    name: 'wanshi_inference_queue_seconds',
    help: 'Time from submission to the start of inference, including preparation, per computed request.',
    labelNames: ['artifact'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const runSeconds = new Histogram({
    name: 'wanshi_inference_run_seconds',
    help: 'Duration of one batch run.',
    labelNames: ['artifact'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const requestSeconds = new Histogram({
    name: 'wanshi_inference_request_seconds',
    help: 'Time from submission to result, per computed request.',
    labelNames: ['artifact', 'priority'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const batchSize = new Histogram({
    name: 'wanshi_inference_batch_size',
    help: 'Images per batch run.',
    labelNames: ['artifact'] as const,
    buckets: BATCH_SIZE_BUCKETS,
    registers,
  });
  const queueDepth = new Gauge({
    name: 'wanshi_inference_queue_depth',
    help: 'Requests waiting, by artifact and priority.',
    labelNames: ['artifact', 'priority'] as const,
    registers,
    collect() {
      queueDepth.reset();
      for (const artifact of source?.stats().artifacts ?? []) {
        for (const [priority, depth] of Object.entries(artifact.queueDepth)) {
          queueDepth.set({ artifact: artifact.artifact, priority }, depth);
        }
      }
    },
  });
  const loadedArtifacts = new Gauge({
    name: 'wanshi_loaded_artifacts',
    help: 'Model artifacts loaded and ready.',
    registers,
    collect() {
      loadedArtifacts.set(source?.stats().artifacts.filter((a) => a.state === 'ready').length ?? 0);
    },
  });
  const artifactMemory = new Gauge({
    name: 'wanshi_artifact_memory_bytes',
    help: 'Memory measured at warm-up for each loaded artifact: its session, and the activations of one image.',
    labelNames: ['artifact', 'part'] as const,
    registers,
    collect() {
      artifactMemory.reset();
      for (const artifact of source?.stats().artifacts ?? []) {
        if (artifact.state !== 'ready' || !artifact.memory) continue;
        artifactMemory.set({ artifact: artifact.artifact, part: 'session' }, artifact.memory.sessionMB * MB);
        artifactMemory.set(
          { artifact: artifact.artifact, part: 'per_image' },
          artifact.memory.perImageMB * MB,
        );
      }
    },
  });
  const memoryBudget = new Gauge({
    name: 'wanshi_memory_budget_bytes',
    help: 'The scheduler memory budget (config WANSHI_MEMORY_BUDGET_MB).',
    registers,
    collect() {
      if (source) memoryBudget.set(source.stats().memory.budgetMB * MB);
    },
  });

  return {
    observer: {
      requestSettled({ artifact, priority, outcome, timing }) {
        requests.inc({ artifact, priority, outcome: outcome.toLowerCase() });
        if (!timing) return;
        queueSeconds.observe({ artifact }, timing.queueMs / 1000);
        requestSeconds.observe({ artifact, priority }, timing.totalMs / 1000);
      },
      batchCompleted({ artifact, batchSize: size, inferenceMs }) {
        runSeconds.observe({ artifact }, inferenceMs / 1000);
        batchSize.observe({ artifact }, size);
      },
    },
    watch(stats) {
      source = stats;
    },
  };
}
