// Converts resized RGB pixels into the float layout a model was trained on.
import type { InputSpec } from '../model/spec';

export type TensorSpec = Pick<InputSpec, 'layout' | 'channelOrder' | 'mean' | 'std'>;

/** One image's input: see writeInputTensor. */
export function toInputTensor(rgb: Uint8Array, size: number, spec: TensorSpec): Float32Array {
  return writeInputTensor(rgb, size, spec, new Float32Array(size * size * 3), 0);
}

/**
 * Writes one image's slice of the batch input into `batch` at image `index`: (pixel − mean) / std per channel,
 * channels in `channelOrder` (mean/std are given in that order too), laid out CHW or HWC.
 */
export function writeInputTensor(
  rgb: Uint8Array,
  size: number,
  spec: TensorSpec,
  batch: Float32Array,
  index: number,
): Float32Array {
  const plane = size * size;
  if (rgb.length !== plane * 3)
    throw new Error(`Expected ${plane * 3} RGB bytes for ${size}×${size}, got ${rgb.length}`);
  if (batch.length < (index + 1) * plane * 3) throw new Error(`Batch input too short for image ${index}`);
  const out = batch.subarray(index * plane * 3, (index + 1) * plane * 3);
  for (let c = 0; c < 3; c++) {
    const source = spec.channelOrder === 'RGB' ? c : 2 - c;
    const mean = spec.mean[c];
    const invStd = 1 / spec.std[c];
    for (let p = 0; p < plane; p++) {
      const value = (rgb[p * 3 + source] - mean) * invStd;
      if (spec.layout === 'NCHW') out[c * plane + p] = value;
      else out[p * 3 + c] = value;
    }
  }
  return batch;
}

/** The input tensor's shape for a batch of square images. */
export function inputDims(layout: TensorSpec['layout'], batch: number, size: number): number[] {
  return layout === 'NCHW' ? [batch, 3, size, size] : [batch, size, size, 3];
}
