// Small helpers to build and read ONNX models over onnx-proto's generated `onnx` namespace.
export { onnx } from 'onnx-proto';
export { DataType, bitsPerElement, dataTypeOfArray, typedArrayFromBytes, type TensorData } from './dataType';
export {
  float16BitsToFloat32,
  float32ToFloat16Bits,
  float16ArrayToFloat32,
  float32ArrayToFloat16,
} from './float16';
export { int64ToNumber, type Int64Like } from './int64';
export { elementCount, makeTensor, makeRawTensor, readTensor, tensorDims, tensorRawBytes } from './tensor';
export {
  attr,
  readIntAttribute,
  readIntsAttribute,
  readFloatAttribute,
  readStringAttribute,
} from './attribute';
export { makeNode } from './node';
export { makeValueInfo, readValueInfo, type ValueDim } from './valueInfo';
export {
  makeModel,
  encodeModel,
  decodeModel,
  countOps,
  renameValue,
  graphOf,
  type GraphLists,
  type ModelParts,
} from './model';
