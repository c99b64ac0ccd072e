// The model repository's contract (after Triton's model repository): one folder per model version,
// `models/<name>/<version>/manifest.json`, listing every artifact with what is needed to verify and run it.

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
