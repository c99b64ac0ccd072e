// TensorProto from typed arrays and back. Data is always written as little-endian raw_data, the compact form
// every runtime reads; reading also accepts the typed repeated fields other tools write.
import { onnx } from 'onnx-proto';
import { bitsPerElement, DataType, dataTypeOfArray, TensorData, typedArrayFromBytes } from './dataType';
import { Int64Like, int64ToNumber } from './int64';

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((product, dim) => product * dim, 1);
}

/** A tensor from a typed array; `dataType` overrides the array's own type (e.g. Uint16Array bits as FLOAT16). */
export function makeTensor(
  name: string,
  data: TensorData,
  dims: readonly number[],
  dataType: DataType = dataTypeOfArray(data),
): onnx.TensorProto {
  if (data.length !== elementCount(dims)) {
    throw new Error(`tensor ${name}: ${data.length} values do not fill dims [${dims.join(', ')}]`);
  }
  return makeRawTensor(name, dataType, dims, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

/** A tensor from bytes already laid out as ONNX expects (how packed 4-bit data is written). */
export function makeRawTensor(
  name: string,
  dataType: DataType,
  dims: readonly number[],
  rawData: Uint8Array,
): onnx.TensorProto {
  const expectedBytes = Math.ceil((elementCount(dims) * bitsPerElement(dataType)) / 8);
  if (rawData.byteLength !== expectedBytes) {
    throw new Error(`tensor ${name}: ${rawData.byteLength} bytes, expected ${expectedBytes}`);
  }
  return onnx.TensorProto.create({ name, dataType, dims: [...dims], rawData: new Uint8Array(rawData) });
}

export function tensorDims(tensor: onnx.ITensorProto): number[] {
  return (tensor.dims ?? []).map((dim) => int64ToNumber(dim as Int64Like));
}

/** The tensor's bytes in raw_data layout, whichever field it was stored in. */
export function tensorRawBytes(tensor: onnx.ITensorProto): Uint8Array {
  if (tensor.rawData && tensor.rawData.byteLength > 0) return tensor.rawData;
  const dataType = tensor.dataType as DataType;
  switch (dataType) {
    case DataType.FLOAT:
      return bytesOf(Float32Array.from(tensor.floatData ?? []));
    case DataType.DOUBLE:
      return bytesOf(Float64Array.from(tensor.doubleData ?? []));
    case DataType.INT64:
      return bytesOf(
        BigInt64Array.from((tensor.int64Data ?? []).map((v) => BigInt(int64ToNumber(v as Int64Like)))),
      );
    case DataType.UINT32:
      return bytesOf(Uint32Array.from((tensor.uint64Data ?? []).map((v) => int64ToNumber(v as Int64Like))));
    case DataType.UINT64:
      return bytesOf(
        BigUint64Array.from((tensor.uint64Data ?? []).map((v) => BigInt(int64ToNumber(v as Int64Like)))),
      );
    default:
      // int32_data carries every type of 32 bits or fewer, one element per entry.
      return narrowInt32Data(dataType, tensor.int32Data ?? []);
  }
}

/** The tensor's values as a typed array (float16/bfloat16 as Uint16Array bits). */
export function readTensor(tensor: onnx.ITensorProto): {
  dataType: DataType;
  dims: number[];
  data: TensorData;
} {
  const dataType = tensor.dataType as DataType;
  return { dataType, dims: tensorDims(tensor), data: typedArrayFromBytes(dataType, tensorRawBytes(tensor)) };
}

function bytesOf(data: TensorData): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function narrowInt32Data(dataType: DataType, values: number[]): Uint8Array {
  switch (dataType) {
    case DataType.INT32:
      return bytesOf(Int32Array.from(values));
    case DataType.INT16:
      return bytesOf(Int16Array.from(values));
    case DataType.UINT16:
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
      return bytesOf(Uint16Array.from(values));
    case DataType.INT8:
      return bytesOf(Int8Array.from(values));
    case DataType.UINT8:
    case DataType.BOOL:
      return Uint8Array.from(values);
    default:
      throw new Error(`cannot read ONNX data type ${dataType} from int32_data`);
  }
}
