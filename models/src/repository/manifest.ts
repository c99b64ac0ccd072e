// The model repository's contract (after Triton's model repository): one folder per model version,
// `models/<name>/<version>/manifest.json`, listing every artifact with what is needed to verify and run it.
import { z } from 'zod';

export type { DecoderSpec, InputSpec, Precision } from '../../../sdk/src/model/spec';
export { PRECISIONS } from '../../../sdk/src/model/spec';
import type { DecoderSpec, InputSpec, Precision } from '../../../sdk/src/model/spec';

export interface ArtifactEntry {
  /** File name inside the version folder. */
  file: string;
  precision: Precision;
  /** Square input side baked into the graph; null when H/W are symbolic. */
  inputSize: number | null;
  sha256: string;
  bytes: number;
  /** Free-form facts of how the artifact was made (e.g. calibration images and method for int8). */
  build?: Record<string, unknown>;
}

/** Where an imported model came from (absent for the catalog's own models). */
export interface Provenance {
  /** The file name the admin uploaded. */
  originalFile: string;
  /** sha256 of the uploaded file as received. */
  sha256: string;
  /** Name of the API key that imported it. */
  importedBy: string;
  importedAt: string;
  /** Why this family was chosen (auto-detection's reasoning, or "chosen by the admin"). */
  familyDecision: string;
  /** The ONNX file's metadata_props (e.g. what Ultralytics records: names, imgsz, stride, task). */
  metadata: Record<string, string>;
}

export interface ModelManifest {
  name: string;
  version: string;
  description: string;
  input: InputSpec;
  decoder: DecoderSpec;
  /** Key of the label set whose keys are the class names, in class-index order. */
  labelSet: string;
  classes: string[];
  defaultPrecision: Precision;
  defaultInputSize: number;
  artifacts: ArtifactEntry[];
  provenance?: Provenance;
  serving?: ServingSettings;
}

/**
 * How this version's artifacts are served (after Triton's config.pbtxt: dynamic batching and queue policy), for
 * a model whose best batch size or tolerable wait differs from the server's. Each field absent here takes the
 * server's configured value (api/src/config, WANSHI_MAX_BATCH_SIZE and the like).
 */
export interface ServingSettings {
  /** Largest batch one run may form. */
  maxBatchSize?: number;
  /** How long a batch that is not full waits for more requests after its oldest one arrived. */
  maxQueueDelayMs?: number;
  /** Requests queued at once, of both priorities. */
  maxQueueSize?: number;
  /** Share of maxQueueSize bulk requests may not take, so a large detectBatch cannot lock out interactive ones. */
  interactiveReserve?: number;
  /** Interactive requests expected to wait longer than this to start are refused OVERLOADED. */
  maxQueueWaitMs?: number;
  /** The same for bulk requests. */
  maxBulkQueueWaitMs?: number;
  /** A bulk request is served before interactive ones that arrived more than this after it. */
  bulkAgingMs?: number;
}

/** The serving block as checked in manifest.json and in an import's request. */
// Strict: a misspelt field would otherwise be dropped in silence and the server's value served instead.
export const SERVING_SCHEMA = z.strictObject({
  maxBatchSize: z.number().int().min(1).optional(),
  maxQueueDelayMs: z.number().min(0).optional(),
  maxQueueSize: z.number().int().min(1).optional(),
  // Below 1: bulk always keeps at least one place (capacity minus the floor of its share).
  interactiveReserve: z.number().min(0).lt(1).optional(),
  maxQueueWaitMs: z.number().int().min(1).optional(),
  maxBulkQueueWaitMs: z.number().int().min(1).optional(),
  bulkAgingMs: z.number().int().min(0).optional(),
}) satisfies z.ZodType<ServingSettings>;

/** The manifest's shape as checked when reading manifest.json (the file is input, not trusted code). */
export const MANIFEST_SCHEMA = z.object({
  name: z.string().min(1),
  version: z.string().regex(/^\d+$/),
  description: z.string(),
  input: z.object({
    name: z.string().min(1),
    layout: z.enum(['NCHW', 'NHWC']),
    channelOrder: z.enum(['RGB', 'BGR']),
    mean: z.tuple([z.number(), z.number(), z.number()]),
    std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
    resize: z.enum(['stretch', 'letterbox']),
    padValue: z.number().min(0).max(255),
  }),
  decoder: z.object({ family: z.string().min(1) }).catchall(z.unknown()),
  labelSet: z.string().min(1),
  classes: z.array(z.string()).min(1),
  defaultPrecision: z.enum(['fp32', 'fp16', 'int8', 'int4']),
  defaultInputSize: z.number().int().positive(),
  artifacts: z.array(
    z.object({
      // A bare file name: a manifest must not point outside its own folder.
      file: z.string().regex(/^[\w.-]+$/),
      precision: z.enum(['fp32', 'fp16', 'int8', 'int4']),
      inputSize: z.number().int().positive().nullable(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().nonnegative(),
      build: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  provenance: z
    .object({
      originalFile: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      importedBy: z.string(),
      importedAt: z.string(),
      familyDecision: z.string(),
      metadata: z.record(z.string(), z.string()),
    })
    .optional(),
  serving: SERVING_SCHEMA.optional(),
}) satisfies z.ZodType<ModelManifest>;
