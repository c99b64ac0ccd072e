// ONNX element types and the typed arrays that hold them. onnx-proto 8 predates the 4-bit types, so the
// numbers come from onnx.proto itself rather than from the generated enum.

export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  BFLOAT16: 16,
  UINT4: 21,
  INT4: 22,
} as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** Typed arrays that map one-to-one onto an ONNX element type (float16/bfloat16 travel as their raw bits). */
export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** Bits per element; 4-bit types pack two elements per byte. */
export function bitsPerElement(dataType: DataType): number {
  switch (dataType) {
    case DataType.UINT4:
    case DataType.INT4:
      return 4;
    case DataType.UINT8:
    case DataType.INT8:
    case DataType.BOOL:
      return 8;
    case DataType.UINT16:
    case DataType.INT16:
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
      return 16;
    case DataType.FLOAT:
    case DataType.INT32:
    case DataType.UINT32:
      return 32;
    case DataType.DOUBLE:
    case DataType.INT64:
    case DataType.UINT64:
      return 64;
  }
}

/** The element type a typed array is written as when no other type is asked for. */
export function dataTypeOfArray(data: TensorData): DataType {
  if (data instanceof Float32Array) return DataType.FLOAT;
  if (data instanceof Float64Array) return DataType.DOUBLE;
  if (data instanceof Int8Array) return DataType.INT8;
  if (data instanceof Uint8Array) return DataType.UINT8;
  if (data instanceof Int16Array) return DataType.INT16;
  if (data instanceof Uint16Array) return DataType.UINT16;
  if (data instanceof Int32Array) return DataType.INT32;
  if (data instanceof Uint32Array) return DataType.UINT32;
  if (data instanceof BigInt64Array) return DataType.INT64;
  return DataType.UINT64;
}

/** A typed array over `bytes` (copied, so alignment never matters) for types with a whole-byte element. */
export function typedArrayFromBytes(dataType: DataType, bytes: Uint8Array): TensorData {
  const copy = new Uint8Array(bytes).buffer; // not bytes.slice(): on a Buffer that is a view, not a copy
  switch (dataType) {
    case DataType.FLOAT:
      return new Float32Array(copy);
    case DataType.DOUBLE:
      return new Float64Array(copy);
    case DataType.INT8:
      return new Int8Array(copy);
    case DataType.UINT8:
    case DataType.BOOL:
      return new Uint8Array(copy);
    case DataType.INT16:
      return new Int16Array(copy);
    case DataType.UINT16:
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
      return new Uint16Array(copy);
    case DataType.INT32:
      return new Int32Array(copy);
    case DataType.UINT32:
      return new Uint32Array(copy);
    case DataType.INT64:
      return new BigInt64Array(copy);
    case DataType.UINT64:
      return new BigUint64Array(copy);
    case DataType.UINT4:
    case DataType.INT4:
      throw new Error('4-bit tensors are packed two per byte: read their raw bytes instead');
  }
}
