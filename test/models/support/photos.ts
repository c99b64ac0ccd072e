// Real photos as model input tensors: decoded and stretched to size×size with sharp, then normalised per channel.
import path from 'node:path';
import sharp from 'sharp';

export const PHOTO_DIR = '/work/shared/evalset/coco64/images';
export const PHOTOS = ['000000000009.jpg', '000000000030.jpg', '000000000036.jpg'];

export interface Normalisation {
  layout: 'NCHW' | 'NHWC';
  channelOrder: 'RGB' | 'BGR';
  mean: readonly number[];
  std: readonly number[];
}

export async function photoTensor(file: string, size: number, norm: Normalisation): Promise<Float32Array> {
  const rgb = await sharp(path.join(PHOTO_DIR, file))
    .removeAlpha()
    .resize(size, size, { fit: 'fill' })
    .raw()
    .toBuffer();
  const out = new Float32Array(size * size * 3);
  const pixels = size * size;
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < 3; c++) {
      const source = norm.channelOrder === 'RGB' ? c : 2 - c;
      const value = (rgb[p * 3 + source] - norm.mean[c]) / norm.std[c];
      out[norm.layout === 'NCHW' ? c * pixels + p : p * 3 + c] = value;
    }
  }
  return out;
}

export function concatenate(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** ‖a − b‖ / ‖b‖ */
export function relativeL2(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length)
    throw new Error(`lengths differ: ${actual.length} vs ${expected.length}`);
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < expected.length; i++) {
    diff += (actual[i] - expected[i]) ** 2;
    norm += expected[i] ** 2;
  }
  return Math.sqrt(diff / norm);
}
