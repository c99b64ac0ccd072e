import { describe, expect, it } from 'vitest';
import { decodeWeights } from '../../models/src/converter/tfjs/weights';

const bytes = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

describe('TF.js weight decoding', () => {
  it('reads weights in manifest order from one shard, float16 expanded to float32 exactly', () => {
    const shard = new Uint8Array([...bytes(Uint16Array.of(0x3c00, 0xb800)), ...bytes(Int32Array.of(3, -1))]);
    const weights = decodeWeights(
      [
        {
          paths: ['m.bin'],
          weights: [
            {
              name: 'w',
              shape: [2],
              dtype: 'float32',
              quantization: { dtype: 'float16', original_dtype: 'float32' },
            },
            { name: 'shape', shape: [2], dtype: 'int32' },
          ],
        },
      ],
      [shard],
    );
    expect(weights.get('w')).toEqual({ dtype: 'float32', shape: [2], data: Float32Array.of(1, -0.5) });
    expect(weights.get('shape')).toEqual({ dtype: 'int32', shape: [2], data: Int32Array.of(3, -1) });
  });

  it('dequantises affine uint8 weights as q × scale + min', () => {
    const weights = decodeWeights(
      [
        {
          paths: ['m.bin'],
          weights: [
            {
              name: 'q',
              shape: [3],
              dtype: 'float32',
              quantization: { dtype: 'uint8', scale: 0.5, min: -1 },
            },
          ],
        },
      ],
      [Uint8Array.of(0, 2, 255)],
    );
    expect(Array.from(weights.get('q')?.data ?? [])).toEqual([-1, 0, 126.5]);
  });

  it('refuses a shard too short for its weights', () => {
    expect(() =>
      decodeWeights(
        [{ paths: ['m.bin'], weights: [{ name: 'w', shape: [4], dtype: 'float32' }] }],
        [new Uint8Array(8)],
      ),
    ).toThrow(/runs past its shard/);
  });
});
