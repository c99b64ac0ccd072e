import { describe, expect, it } from 'vitest';
import { inputDims, toInputTensor, writeInputTensor, type TensorSpec } from '../../sdk/src/image/tensor';

// A 1×1 image: R=10, G=20, B=30.
const pixel = Uint8Array.from([10, 20, 30]);
const identity: Pick<TensorSpec, 'mean' | 'std'> = { mean: [0, 0, 0], std: [1, 1, 1] };

describe('toInputTensor', () => {
  it('reorders channels to BGR when the model wants BGR', () => {
    expect([...toInputTensor(pixel, 1, { ...identity, layout: 'NCHW', channelOrder: 'BGR' })]).toEqual([
      30, 20, 10,
    ]);
  });

  it('applies mean and std given in the model channel order', () => {
    const spec: TensorSpec = { layout: 'NCHW', channelOrder: 'BGR', mean: [10, 0, 0], std: [2, 4, 5] };
    expect([...toInputTensor(pixel, 1, spec)]).toEqual([10, 5, 2]);
  });

  it('lays out planes for NCHW and interleaves for NHWC', () => {
    const twoPixels = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // 2×2
    const planar = toInputTensor(twoPixels, 2, { ...identity, layout: 'NCHW', channelOrder: 'RGB' });
    const interleaved = toInputTensor(twoPixels, 2, { ...identity, layout: 'NHWC', channelOrder: 'RGB' });
    expect([...planar]).toEqual([1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12]);
    expect([...interleaved]).toEqual([...twoPixels]);
  });

  it('rejects pixels of the wrong size', () => {
    expect(() => toInputTensor(pixel, 2, { ...identity, layout: 'NCHW', channelOrder: 'RGB' })).toThrow(
      /Expected 12/,
    );
  });
});

describe('writeInputTensor', () => {
  it("writes an image into its own slice of the batch and leaves the others' untouched", () => {
    const batch = new Float32Array(9).fill(-1);
    writeInputTensor(pixel, 1, { ...identity, layout: 'NCHW', channelOrder: 'RGB' }, batch, 1);
    expect([...batch]).toEqual([-1, -1, -1, 10, 20, 30, -1, -1, -1]);
  });

  it('refuses a batch too short for the image index', () => {
    const spec: TensorSpec = { ...identity, layout: 'NCHW', channelOrder: 'RGB' };
    expect(() => writeInputTensor(pixel, 1, spec, new Float32Array(3), 1)).toThrow(/too short/);
  });
});

describe('inputDims', () => {
  it('puts channels after the batch for NCHW and last for NHWC', () => {
    expect(inputDims('NCHW', 4, 320)).toEqual([4, 3, 320, 320]);
    expect(inputDims('NHWC', 4, 320)).toEqual([4, 320, 320, 3]);
  });
});
