// Inference speed of several sessions measured in interleaved passes: each pass runs every session once at
// every batch size in turn, so load from other processes (this machine is shared) hits all profiles alike instead of
// whichever happened to run during a busy moment. Medians over all passes; and a paired speed-up, the median
// of per-pass time ratios against a reference session, since runs of one pass shared the same load.
import * as ort from 'onnxruntime-node';
import { median, percentile } from '../statistics/percentile';

export interface TimedSession {
  id: string;
  session: ort.InferenceSession;
}

export interface SpeedPlan {
  batchSizes: readonly number[];
  rounds: number;
  /** rounds × runsPerRound passes, each timing one run of every session at every batch size (after one warm-up run of each). */
  runsPerRound: number;
}

/** Milliseconds per run, by batch size, in pass order (the k-th runs of all sessions are one pass). */
export type SpeedSamples = Map<number, number[]>;

export interface SpeedSummary {
  latencyP50Ms: number;
  latencyP95Ms: number;
  throughputByBatch: { batchSize: number; imagesPerSecond: number }[];
  best: { batchSize: number; imagesPerSecond: number };
}

/** `inputs(batchSize)` gives the feed for one run of that batch size (the same for every session). */
export async function measureSpeed(
  subjects: readonly TimedSession[],
  inputs: (batchSize: number) => Record<string, ort.Tensor>,
  plan: SpeedPlan,
): Promise<Map<string, SpeedSamples>> {
  const samples = new Map(
    subjects.map((s) => [s.id, new Map(plan.batchSizes.map((b) => [b, [] as number[]]))]),
  );
  const feeds = plan.batchSizes.map((batchSize) => [batchSize, inputs(batchSize)] as const);
  for (const { session } of subjects) for (const [, feed] of feeds) await session.run(feed);
  for (let pass = 0; pass < plan.rounds * plan.runsPerRound; pass++) {
    for (const { id, session } of subjects) {
      for (const [batchSize, feed] of feeds) {
        const started = performance.now();
        await session.run(feed);
        samples
          .get(id)
          ?.get(batchSize)
          ?.push(performance.now() - started);
      }
    }
  }
  return samples;
}

/** Batch-1 latency percentiles and throughput per batch size (from the median time of a run). */
export function summariseSpeed(samples: SpeedSamples): SpeedSummary {
  const throughputByBatch = [...samples].map(([batchSize, times]) => ({
    batchSize,
    imagesPerSecond: (batchSize * 1000) / median(times),
  }));
  const single = samples.get(1) ?? samples.get(Math.min(...samples.keys())) ?? [];
  const best = throughputByBatch.reduce((a, b) => (b.imagesPerSecond > a.imagesPerSecond ? b : a));
  return {
    latencyP50Ms: percentile(single, 0.5),
    latencyP95Ms: percentile(single, 0.95),
    throughputByBatch,
    best,
  };
}

/** Median over batch sizes and passes of reference time / subject time: above 1 the subject is faster. */
export function pairedSpeedup(subject: SpeedSamples, reference: SpeedSamples): number {
  const ratios: number[] = [];
  for (const [batchSize, times] of subject) {
    const against = reference.get(batchSize) ?? [];
    times.forEach((t, k) => {
      if (k < against.length) ratios.push(against[k] / t);
    });
  }
  return median(ratios);
}
