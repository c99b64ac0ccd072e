// Inference speed of several sessions measured in interleaved rounds: each round runs every session at every
// batch size in turn, so load from other processes (this machine is shared) hits all profiles alike instead of
// whichever happened to run during a busy moment. Medians over all rounds.
import * as ort from 'onnxruntime-node';
import { median, percentile } from './statistics';

export interface TimedSession {
  id: string;
  session: ort.InferenceSession;
}

export interface SpeedPlan {
  batchSizes: readonly number[];
  rounds: number;
  /** Timed runs per session, batch size and round (after one untimed warm-up run each in the first round). */
  runsPerRound: number;
}

/** Milliseconds per run, by batch size. */
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
  for (let round = 0; round < plan.rounds; round++) {
    for (const { id, session } of subjects) {
      for (const batchSize of plan.batchSizes) {
        const feed = inputs(batchSize);
        if (round === 0) await session.run(feed);
        for (let run = 0; run < plan.runsPerRound; run++) {
          const started = performance.now();
          await session.run(feed);
          samples
            .get(id)
            ?.get(batchSize)
            ?.push(performance.now() - started);
        }
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
