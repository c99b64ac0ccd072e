// Picture → one image's model input pixels, the same way for serving, evaluation and int8 calibration.
// The float tensor is written only when a batch runs (tensor.ts): resized bytes are a quarter of its size, and
// they are what waits in a scheduler queue and is copied to the inference worker.
import type { InputSpec } from '../../../../models/src/repository/manifest';
import { decodePixels, openImage, uprightRgb, type ImageLimits, type RgbImage } from './decode';
import { planResize, type ResizeTransform } from '../../../../sdk/src/image/resize-plan';
import { fitPipeline, resizeImage } from './resize';

export interface ModelInput {
  /** The picture fitted into the model's square: size × size interleaved RGB bytes. */
  pixels: Uint8Array;
  /** How the picture was fitted into the square, to map boxes back. */
  transform: ResizeTransform;
}

/** A model input decoded from an upload, with the upright picture's size its boxes map back to. */
export interface DecodedModelInput extends ModelInput {
  width: number;
  height: number;
}

export function preprocess(image: RgbImage, size: number, input: InputSpec): Promise<ModelInput> {
  return resizeImage(image, size, input.resize, input.padValue);
}

/**
 * Decodes an upload straight to the model's size in one libvips pipeline: a JPEG is decoded at a reduced scale
 * (shrink-on-load: a 12 MP photo is read at 1/4 scale by its DCT, never as 36 MB of pixels); PNG and WebP are
 * streamed through the resize, so no full-size copy is kept either. The transform comes from the upright full
 * size in the header, so boxes map back to original pixels exactly as from a full decode.
 */
export async function decodeForModel(
  bytes: Uint8Array,
  limits: ImageLimits,
  size: number,
  input: InputSpec,
): Promise<DecodedModelInput> {
  const { input: image, header } = await openImage(bytes, limits);
  const plan = planResize(header.width, header.height, size, input.resize);
  const { data } = await decodePixels(fitPipeline(uprightRgb(image), plan, size, input.padValue));
  return { pixels: data, transform: plan.transform, width: header.width, height: header.height };
}
