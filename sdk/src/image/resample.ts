// Fits RGBA pixels into the model's square as RGB, on the device where libvips is not: a separable Lanczos-3
// convolution whose support widens with the shrink factor (antialiasing, as libvips' reduce does), then the
// plan's padding. Close to the server's libvips resize, not bit-equal (test/sdk/device-detector.test.ts
// measures the difference in boxes and scores).
import type { ResizePlan } from './resize-plan';

/** Decoded pixels as canvas ImageData, React Native image libraries and sharp's raw RGBA output give them. */
export interface RgbaPixels {
  /** width × height × 4 bytes, row by row. */
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

const LOBES = 3;

function lanczos(x: number): number {
  if (x === 0) return 1;
  if (x <= -LOBES || x >= LOBES) return 0;
  const px = Math.PI * x;
  return (LOBES * Math.sin(px) * Math.sin(px / LOBES)) / (px * px);
}

interface Taps {
  start: Int32Array;
  count: Int32Array;
  weights: Float32Array;
  /** Weights per output pixel (the widest footprint). */
  stride: number;
}

/** For each output position along one axis: which input pixels it reads and how much of each. */
function taps(inSize: number, outSize: number): Taps {
  const scale = inSize / outSize;
  const filterScale = Math.max(1, scale);
  const support = LOBES * filterScale;
  const stride = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float32Array(outSize * stride);
  for (let o = 0; o < outSize; o++) {
    const centre = (o + 0.5) * scale;
    const first = Math.max(0, Math.floor(centre - support));
    const last = Math.min(inSize, Math.ceil(centre + support));
    let total = 0;
    for (let i = first; i < last; i++) {
      const w = lanczos((i + 0.5 - centre) / filterScale);
      weights[o * stride + i - first] = w;
      total += w;
    }
    for (let i = 0; i < last - first; i++) weights[o * stride + i] /= total;
    start[o] = first;
    count[o] = last - first;
  }
  return { start, count, weights, stride };
}

/** size × size interleaved RGB: the image resampled to the plan's content size, centred on `padValue`. */
export function fitRgba(image: RgbaPixels, plan: ResizePlan, size: number, padValue: number): Uint8Array {
  const { contentWidth: cw, contentHeight: ch } = plan;
  const { padX, padY } = plan.transform;
  const horizontal = taps(image.width, cw);
  const vertical = taps(image.height, ch);
  // Horizontal pass into floats (image.height × cw × 3), then vertical into the padded square.
  const rows = new Float32Array(image.height * cw * 3);
  for (let y = 0; y < image.height; y++) {
    const rowIn = y * image.width * 4;
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      const first = horizontal.start[x];
      for (let k = 0; k < horizontal.count[x]; k++) {
        const w = horizontal.weights[x * horizontal.stride + k];
        const at = rowIn + (first + k) * 4;
        r += image.data[at] * w;
        g += image.data[at + 1] * w;
        b += image.data[at + 2] * w;
      }
      const out = (y * cw + x) * 3;
      rows[out] = r;
      rows[out + 1] = g;
      rows[out + 2] = b;
    }
  }
  const square = new Uint8Array(size * size * 3).fill(padValue);
  for (let y = 0; y < ch; y++) {
    const first = vertical.start[y];
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let k = 0; k < vertical.count[y]; k++) {
        const w = vertical.weights[y * vertical.stride + k];
        const at = ((first + k) * cw + x) * 3;
        r += rows[at] * w;
        g += rows[at + 1] * w;
        b += rows[at + 2] * w;
      }
      const out = ((y + padY) * size + x + padX) * 3;
      square[out] = clampByte(r);
      square[out + 1] = clampByte(g);
      square[out + 2] = clampByte(b);
    }
  }
  return square;
}

const clampByte = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
