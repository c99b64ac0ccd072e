// Decoded picture → one image's model input, the same way for serving, evaluation and int8 calibration.
import type { InputSpec } from '../../../../models/src/repository/manifest';
import type { RgbImage } from './decode';
import { resizeImage, type ResizeTransform } from './resize';
import { toInputTensor } from './tensor';

export interface ModelInput {
  /** One image's slice of the batch tensor (3 × size × size floats). */
  tensor: Float32Array;
  /** How the picture was fitted into the square, to map boxes back. */
  transform: ResizeTransform;
}

export async function preprocess(image: RgbImage, size: number, input: InputSpec): Promise<ModelInput> {
  const { pixels, transform } = await resizeImage(image, size, input.resize, input.padValue);
  return { tensor: toInputTensor(pixels, size, input), transform };
}
