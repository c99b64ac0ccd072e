// Decoded picture → one image's model input pixels, the same way for serving, evaluation and int8 calibration.
// The float tensor is written only when a batch runs (tensor.ts): resized bytes are a quarter of its size, and
// they are what waits in a scheduler queue and is copied to the inference worker.
import type { InputSpec } from '../../../../models/src/repository/manifest';
import type { RgbImage } from './decode';
import { resizeImage, type ResizeTransform } from './resize';

export interface ModelInput {
  /** The picture fitted into the model's square: size × size interleaved RGB bytes. */
  pixels: Uint8Array;
  /** How the picture was fitted into the square, to map boxes back. */
  transform: ResizeTransform;
}

export function preprocess(image: RgbImage, size: number, input: InputSpec): Promise<ModelInput> {
  return resizeImage(image, size, input.resize, input.padValue);
}
