// A float32 initializer re-encoded as float16 (round to nearest even), the storage both fp16 profiles share.
import type { onnx } from 'onnx-proto';
import { DataType, float32ArrayToFloat16, makeTensor, readTensor } from '../onnx';

export function isFloat32Tensor(tensor: onnx.ITensorProto): boolean {
  return tensor.dataType === DataType.FLOAT;
}

export function toFloat16Tensor(tensor: onnx.ITensorProto, name = tensor.name ?? ''): onnx.TensorProto {
  const { data, dims } = readTensor(tensor);
  return makeTensor(name, float32ArrayToFloat16(data as Float32Array), dims, DataType.FLOAT16);
}
