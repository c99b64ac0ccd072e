// A model version's serving policy, after Triton's per-model config.pbtxt: the batching and queue limits of its
// artifacts' lanes. The server's configuration gives the defaults; a manifest's `serving` block overrides them
// field by field, so a model that batches better (or must answer sooner) needs no server-wide change.
import type { ServingSettings } from '../../../models/src/repository/manifest';

export type ServingPolicy = Required<ServingSettings>;

/** The effective policy: each field of `overrides` where present, else the configured default. */
export function servingPolicy(defaults: ServingPolicy, overrides: ServingSettings = {}): ServingPolicy {
  // Field by field rather than a spread: `defaults` is usually the whole scheduler config, whose other
  // settings (memory budget, default timeout) are global and no part of a model's policy.
  return {
    maxBatchSize: overrides.maxBatchSize ?? defaults.maxBatchSize,
    maxQueueDelayMs: overrides.maxQueueDelayMs ?? defaults.maxQueueDelayMs,
    maxQueueSize: overrides.maxQueueSize ?? defaults.maxQueueSize,
    interactiveReserve: overrides.interactiveReserve ?? defaults.interactiveReserve,
    maxQueueWaitMs: overrides.maxQueueWaitMs ?? defaults.maxQueueWaitMs,
    maxBulkQueueWaitMs: overrides.maxBulkQueueWaitMs ?? defaults.maxBulkQueueWaitMs,
    bulkAgingMs: overrides.bulkAgingMs ?? defaults.bulkAgingMs,
  };
}
