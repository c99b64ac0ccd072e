// The arithmetic the int8 and int4 profiles rest on, on hand-made numbers.
import { describe, expect, it } from 'vitest';
import { HISTOGRAM_BINS, type TensorStats } from '../../models/src/profiles/int8/activationStats';
import {
  activationParams,
  quantizeBias,
  quantizeWeightsPerChannel,
} from '../../models/src/profiles/int8/quantization';
import { activationRange, percentileRange } from '../../models/src/profiles/int8/rangeMethods';
import { packInt4, quantizeBlockedInt4 } from '../../models/src/profiles/int4Weights';

/** Stats of the given values, histogrammed as collectActivationStats does. */
function statsOf(values: readonly number[]): TensorStats {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const histogram = new Float64Array(HISTOGRAM_BINS);
  for (const v of values)
    histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(((v - min) / (max - min)) * HISTOGRAM_BINS))]++;
  return { min, max, histogram };
}

describe('activation parameters', () => {
  it('cover the range in 256 uint8 steps and represent zero exactly', () => {
    const { scale, zeroPoint } = activationParams(-1, 3, 'uint8');
    expect(scale).toBeCloseTo(4 / 255);
    expect(zeroPoint).toBe(64);
    expect((0 - zeroPoint) * scale).toBeCloseTo(-1, 1);
    expect((255 - zeroPoint) * scale).toBeCloseTo(3, 1);
  });

  it('stretch an all-positive range down to zero (padding must stay exact)', () => {
    expect(activationParams(2, 4, 'uint8')).toEqual({ scale: 4 / 255, zeroPoint: 0, type: 'uint8' });
  });

  it('use the signed range for int8', () => {
    expect(activationParams(-1, 1, 'int8').zeroPoint).toBe(0);
  });
});

describe('int8 weights', () => {
  it('get one symmetric scale per output channel, the channel maximum mapping to ±127', () => {
    const weights = Float32Array.of(0.5, -1, 0.25, /* channel 2 */ 4, 1, -3);
    const { values, scales } = quantizeWeightsPerChannel(weights, 2);
    expect([...scales]).toEqual([1 / 127, 4 / 127].map(Math.fround));
    expect([...values]).toEqual([64, -127, 32, 127, 32, -95]);
  });

  it('bias becomes int32 in the accumulator scale, input scale × weight scale', () => {
    const { values, scales } = quantizeBias(Float32Array.of(1, -0.5), 0.1, Float32Array.of(0.01, 0.02));
    expect([...scales].map((s) => +s.toFixed(6))).toEqual([0.001, 0.002]);
    expect([...values]).toEqual([1000, -250]);
  });
});

describe('calibration ranges', () => {
  const values = [...Array.from({ length: 10_000 }, (_, i) => (i % 100) / 100), 50];

  it('minmax keeps every value, outliers included', () => {
    expect(activationRange(statsOf(values), 'minmax')).toEqual([0, 50]);
  });

  it('percentile clips a rare outlier', () => {
    const [low, high] = percentileRange(statsOf(values), 0.999);
    expect(low).toBe(0);
    expect(high).toBeLessThan(2);
  });

  it('entropy clips a rare outlier too, and stays inside the observed range', () => {
    const [low, high] = activationRange(statsOf(values), 'entropy');
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(25);
  });
});

describe('blocked int4 weights', () => {
  it('pack two signed values per byte, low nibble first', () => {
    expect([...packInt4(Int8Array.of(1, -1, 7, -8, 3))]).toEqual([0xf1, 0x87, 0x03]);
  });

  it('have one scale per block of input channels at each output channel and kernel position', () => {
    // [O=1, I=4, 1, 2]: blocks of 2 input channels -> scales [1, 2, 1, 2].
    const weights = Float32Array.of(7, 1, 14, 2, 0.7, 0.1, 1.4, 0.2);
    const { scales, scaleDims } = quantizeBlockedInt4(weights, [1, 4, 1, 2], 2);
    expect(scaleDims).toEqual([1, 2, 1, 2]);
    expect(scales).toHaveLength(4);
  });

  it('reconstruct weights to within half a step of their block scale', () => {
    const weights = Float32Array.from({ length: 2 * 64 * 9 }, (_, i) => Math.sin(i * 1.7) * (1 + (i % 5)));
    const dims = [2, 64, 3, 3];
    const { packed, scales } = quantizeBlockedInt4(weights, dims, 32);
    const unpack = (i: number) => (((packed[i >> 1] >> ((i & 1) * 4)) & 0x0f) << 28) >> 28;
    for (let i = 0; i < weights.length; i++) {
      const [o, c, k] = [Math.floor(i / (64 * 9)), Math.floor(i / 9) % 64, i % 9];
      const scale = scales[(o * 2 + Math.floor(c / 32)) * 9 + k];
      // Clipping may cut the block's largest values by up to 30%; all others round to the nearest step.
      expect(Math.abs(unpack(i) * scale - weights[i])).toBeLessThanOrEqual(
        Math.max(scale / 2 + 1e-6, 0.3 * Math.abs(weights[i])),
      );
    }
  });
});
