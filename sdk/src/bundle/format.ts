// The device bundle, format `wanshi-bundle/1`: one zip per (model version, precision, input size, label-set
// version) holding everything an app needs to detect as the server does. The server writes it
// (api/src/bundles), the SDK reads it; these schemas are the contract both sides check.
import { z } from 'zod';
import type { DecoderSpec, InputSpec, Precision } from '../model/spec';

export const BUNDLE_FORMAT = 'wanshi-bundle/1';
/** The files besides manifest.json, each listed in the manifest with its sha256 and size. */
export const BUNDLE_FILES = ['model.onnx', 'labels.json', 'input.json', 'decoder.json'] as const;
export type BundleFile = (typeof BUNDLE_FILES)[number];

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const precision = z.enum(['fp32', 'fp16', 'int8', 'int4']) satisfies z.ZodType<Precision>;

/** manifest.json: what the bundle is, and the digest of every other file. */
export const BUNDLE_MANIFEST = z.object({
  format: z.literal(BUNDLE_FORMAT),
  model: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  precision,
  /** The square input side the model runs at. */
  inputSize: z.number().int().positive(),
  labelSet: z.object({ name: z.string().min(1), version: z.number().int().nonnegative() }),
  files: z.record(z.string(), z.object({ sha256, bytes: z.number().int().nonnegative() })),
});
export type BundleManifest = z.infer<typeof BUNDLE_MANIFEST>;

/** One published label as the device shows it. */
export const BUNDLE_LABEL = z.object({
  key: z.string().min(1),
  zh: z.string(),
  pinyin: z.string(),
  aliases: z.array(z.string()),
  category: z.string(),
  color: z.string(),
  enabled: z.boolean(),
  /** This label's own threshold; null: the caller's. */
  minScore: z.number().min(0).max(1).nullable(),
  /** The model classes (keys of labels.json's modelClasses) this label shows, as the server maps them. */
  classes: z.array(z.string()),
});
export type BundleLabel = z.infer<typeof BUNDLE_LABEL>;

/** labels.json: the published label set, already mapped onto the model's classes. */
export const BUNDLE_LABELS = z.object({
  labelSet: z.string().min(1),
  version: z.number().int().nonnegative(),
  /** The model's class keys in class-index order (what the decoder's class indexes mean). */
  modelClasses: z.array(z.string()).min(1),
  labels: z.array(BUNDLE_LABEL),
});
export type BundleLabels = z.infer<typeof BUNDLE_LABELS>;

/** input.json: the model's input spec plus the size this bundle's graph runs at. */
export const BUNDLE_INPUT = z.object({
  name: z.string().min(1),
  layout: z.enum(['NCHW', 'NHWC']),
  channelOrder: z.enum(['RGB', 'BGR']),
  mean: z.tuple([z.number(), z.number(), z.number()]),
  std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
  resize: z.enum(['stretch', 'letterbox']),
  padValue: z.number().min(0).max(255),
  size: z.number().int().positive(),
}) satisfies z.ZodType<InputSpec & { size: number }>;
export type BundleInput = z.infer<typeof BUNDLE_INPUT>;

/** decoder.json: the manifest's decoder (family + that family's fields, checked by the family's schema). */
export const BUNDLE_DECODER = z
  .object({ family: z.string().min(1) })
  .catchall(z.unknown()) satisfies z.ZodType<DecoderSpec>;

/** A bundle read and verified: every file matched its digest and schema. */
export interface Bundle {
  manifest: BundleManifest;
  model: Uint8Array;
  labels: BundleLabels;
  input: BundleInput;
  decoder: DecoderSpec;
}
