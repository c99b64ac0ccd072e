// What a model needs from its caller: the input it was trained on and how its outputs decode. Shared by the
// server's model manifests and the device bundles (input.json, decoder.json).

export type Precision = 'fp32' | 'fp16' | 'int8' | 'int4';
export const PRECISIONS: readonly Precision[] = ['fp32', 'fp16', 'int8', 'int4'];

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

/**
 * How to turn a model's outputs into boxes: a family name plus that family's own fields. Each family's fields
 * are checked by its entry in the decoder registry (sdk/src/decoders), so a new family needs no
 * change here.
 */
export interface DecoderSpec {
  family: string;
  [field: string]: unknown;
}
