// Decodes the weight shards of a TF.js model into float32/int32/bool constants. tfjs-converter may store floats
// as float16 or as affine-quantised uint8/uint16 (value = q * scale + min); both are expanded here.
import { float16ArrayToFloat32 } from '../../onnx/float16';
import { ConstTensor, sizeOf } from '../constTensor';
import { WeightSpec, WeightsGroup } from './modelJson';

/** `shards[g]` holds the concatenated bytes of weightsManifest[g].paths, in order. */
export function decodeWeights(
  groups: readonly WeightsGroup[],
  shards: readonly Uint8Array[],
): Map<string, ConstTensor> {
  const weights = new Map<string, ConstTensor>();
  groups.forEach((group, g) => {
    let offset = 0;
    for (const spec of group.weights) {
      const byteLength = storedBytes(spec);
      if (offset + byteLength > shards[g].byteLength)
        throw new Error(`weight ${spec.name} runs past its shard`);
      weights.set(spec.name, decodeWeight(spec, shards[g].subarray(offset, offset + byteLength)));
      offset += byteLength;
    }
  });
  return weights;
}

function storedBytes(spec: WeightSpec): number {
  const count = sizeOf(spec.shape);
  const stored = spec.quantization?.dtype ?? spec.dtype;
  switch (stored) {
    case 'uint8':
    case 'bool':
      return count;
    case 'uint16':
    case 'float16':
      return count * 2;
    case 'float32':
    case 'int32':
      return count * 4;
    default:
      throw new Error(`weight ${spec.name}: dtype ${stored} is not supported`);
  }
}

function decodeWeight(spec: WeightSpec, bytes: Uint8Array): ConstTensor {
  // A copy: shard offsets need not be aligned for the typed views below (and Buffer#slice would not copy).
  const aligned = new Uint8Array(bytes).buffer;
  const shape = [...spec.shape];
  const quantization = spec.quantization;
  if (!quantization) {
    if (spec.dtype === 'float32') return { dtype: 'float32', shape, data: new Float32Array(aligned) };
    if (spec.dtype === 'int32') return { dtype: 'int32', shape, data: new Int32Array(aligned) };
    return { dtype: 'bool', shape, data: new Uint8Array(aligned) };
  }
  if (quantization.dtype === 'float16') {
    return { dtype: 'float32', shape, data: float16ArrayToFloat32(new Uint16Array(aligned)) };
  }
  const { scale = 1, min = 0 } = quantization;
  const codes = quantization.dtype === 'uint8' ? new Uint8Array(aligned) : new Uint16Array(aligned);
  if (spec.dtype === 'int32') {
    return { dtype: 'int32', shape, data: Int32Array.from(codes, (q) => Math.round(q * scale + min)) };
  }
  return { dtype: 'float32', shape, data: Float32Array.from(codes, (q) => q * scale + min) };
}
