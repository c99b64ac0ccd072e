// Turns memory readings taken around load and the warm-up runs into the two numbers batch sizing needs.
// Readings are taken after each step: onnxruntime's memory arenas (CPU and CUDA) keep what a run allocated,
// so the reading after a run reflects its peak.

export interface WarmUpReadings {
  beforeLoadMB: number;
  afterLoadMB: number;
  afterBatchOfOneMB: number;
  /** Absent when batch 2 was not run (maxBatchSize 1, or it ran out of memory). */
  afterBatchOfTwoMB?: number;
}

export interface ArtifactMemory {
  /** Memory held whatever the batch size: the session plus the fixed part of a run's workspace. */
  sessionMB: number;
  /** Added by each image in a batch. */
  perImageMB: number;
}

export function estimateArtifactMemory(r: WarmUpReadings): ArtifactMemory {
  const loadMB = Math.max(0, r.afterLoadMB - r.beforeLoadMB);
  const batchOfOneMB = Math.max(0, r.afterBatchOfOneMB - r.afterLoadMB);
  const secondImageMB = r.afterBatchOfTwoMB === undefined ? 0 : r.afterBatchOfTwoMB - r.afterBatchOfOneMB;
  // Without a positive reading for the second image (not run, or hidden by arena slack), charging the whole
  // batch-of-one cost to every image is the safe side: batches come out smaller, never too large.
  const perImageMB = secondImageMB > 0 ? secondImageMB : batchOfOneMB;
  return { sessionMB: loadMB + Math.max(0, batchOfOneMB - perImageMB), perImageMB };
}
