// The model repository's contract (after Triton's model repository): one folder per model version,
// `models/<name>/<version>/manifest.json`, listing every artifact with what is needed to verify and run it.
import { z } from 'zod';

export type Precision = 'fp32' | 'fp16' | 'int8' | 'int4';
export const PRECISIONS: readonly Precision[] = ['fp32', 'fp16', 'int8', 'int4'];

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

export interface InputSpec {
  name: string;
  layout: 'NCHW' | 'NHWC';
  channelOrder: 'RGB' | 'BGR';
  /** Applied as (pixel - mean) / std per channel, in channelOrder, pixels in 0..255. */
  mean: [number, number, number];
  std: [number, number, number];
  /** stretch: resize to the square ignoring aspect; letterbox: keep aspect and pad. */
  resize: 'stretch' | 'letterbox';
  padValue: number;
}

export type DecoderSpec =
  | {
      family: 'nanodet-gfl';
      /** One head per stride: the class-score output (sigmoid applied) and the box-distribution output. */
      heads: { stride: number; scores: string; boxes: string }[];
      regMax: number;
    }
  | {
      family: 'yolov8';
      /** Output of shape [B, 4 + C, N], boxes as cx, cy, w, h in input pixels. */
      output: string;
    };

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
}

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
  decoder: z.discriminatedUnion('family', [
    z.object({
      family: z.literal('nanodet-gfl'),
      heads: z
        .array(z.object({ stride: z.number().int().positive(), scores: z.string(), boxes: z.string() }))
        .min(1),
      regMax: z.number().int().positive(),
    }),
    z.object({ family: z.literal('yolov8'), output: z.string() }),
  ]),
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
}) satisfies z.ZodType<ModelManifest>;
