import { describe, expect, it } from 'vitest';
import { float16BitsToFloat32, float32ToFloat16Bits } from '../../models/src/onnx';

describe('float16 conversion', () => {
  it('decodes normals, subnormals, zeros, infinities and NaN exactly', () => {
    expect(float16BitsToFloat32(0x3c00)).toBe(1);
    expect(float16BitsToFloat32(0xc000)).toBe(-2);
    expect(float16BitsToFloat32(0x7bff)).toBe(65504);
    expect(float16BitsToFloat32(0x0001)).toBe(2 ** -24);
    expect(float16BitsToFloat32(0x8000)).toBe(-0);
    expect(float16BitsToFloat32(0xfc00)).toBe(-Infinity);
    expect(float16BitsToFloat32(0x7e00)).toBeNaN();
  });

  it('encodes every float16 value back to its own bits', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = float16BitsToFloat32(bits);
      if (Number.isNaN(value)) continue;
      if (float32ToFloat16Bits(value) !== bits)
        throw new Error(
          `0x${bits.toString(16)} -> ${value} -> 0x${float32ToFloat16Bits(value).toString(16)}`,
        );
    }
  });

  it('rounds to nearest with ties to even, and overflows to infinity', () => {
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie, even stays
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie, odd rounds up
    expect(float32ToFloat16Bits(2 ** -25 * 1.5)).toBe(0x0001); // subnormal rounds up
    expect(float32ToFloat16Bits(70000)).toBe(0x7c00);
  });
});
