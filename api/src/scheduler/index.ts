// The scheduler's public surface, for the GraphQL layer and the metrics.
export { Scheduler, type AdmitOptions, type SchedulerOptions, type SchedulerStats } from './scheduler';
export type { Admission } from './admission';
export { SchedulerError, type SchedulerErrorCode } from './errors';
export type { ArtifactStats, ArtifactState, BatchSizeLimit } from './artifact-lane';
export type { ArtifactLatencies } from './artifact-stats';
export type { Percentiles } from './latency-window';
export type { MemoryBudgetSnapshot } from './memory-budget';
export { servingPolicy, type ServingPolicy } from './serving-policy';
export type { ArtifactMemory } from './warm-up-memory';
export { isOutOfMemoryError } from './out-of-memory';
export {
  formatArtifactKey,
  PRIORITIES,
  type ArtifactKey,
  type BatchRunner,
  type InferenceResult,
  type InferenceTiming,
  type Priority,
  type SchedulerLogger,
  type SchedulerObserver,
  type SubmitOptions,
} from './types';
