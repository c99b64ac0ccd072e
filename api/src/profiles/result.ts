// One measured profile: the row the CLI prints and the record another service stores (plain JSON).
import type { ExecutionProviderName } from '../config';

export type ProfileId = 'fp32' | 'fp16' | 'fp16-storage' | 'int8' | 'int4';
export const PROFILE_IDS: readonly ProfileId[] = ['fp32', 'fp16', 'fp16-storage', 'int8', 'int4'];

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  /** Total memory in MB. */
  memoryMB: number;
}

export interface ProfileResult {
  /** The profile: fp32, fp16 (half-precision compute), fp16-storage (half-precision weights only), int8, int4. */
  precision: ProfileId;
  inputSize: number;
  /** Model file in the model version folder. */
  artifact: string;
  /** The batch size that gave the best throughput. */
  batchSize: number;
  /** Model inference (session.run) images per second at batchSize, median over interleaved rounds. */
  imagesPerSecond: number;
  /**
   * fp32's time per run over this profile's, median over runs paired by round (robust to load from other
   * processes): above 1 faster than fp32 at this size, on the same provider. Optional: it came after the
   * first version of this record, which stored results and their readers still follow.
   */
  speedupVsFp32?: number;
  /** Batch-1 inference latency. */
  latencyP50Ms: number;
  latencyP95Ms: number;
  /** Images per second at every batch size measured, for charts. */
  throughputByBatch: { batchSize: number; imagesPerSecond: number }[];
  /** Resident memory a fresh process gains by opening the session and running its largest batch once. */
  memoryMB: number;
  fileBytes: number;
  /** COCO mAP@[.5:.95] and mAP@.5 as fractions (0..1) on the annotated set. */
  mAP: number;
  mAP50: number;
  /** mAP − the fp32 artifact's mAP at the same size, in points (×100); 0 for fp32 itself. */
  deltaMAP: number;
  /** F1 of this profile's confident detections against fp32's (same class, IoU ≥ 0.5); 1 for fp32. */
  agreement: number;
  /** Honest warnings with the numbers behind them, e.g. "slower than fp32: 41.0 vs 97.2 images/s". */
  flags: string[];
  /** Where it ran: the provider the session actually got (after any fallback). */
  provider: ExecutionProviderName;
  machine: MachineInfo;
  /** ISO 8601. */
  measuredAt: string;
}
