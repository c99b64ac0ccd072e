import { describe, expect, it } from 'vitest';
import {
  attr,
  DataType,
  decodeModel,
  encodeModel,
  graphOf,
  type GraphLists,
  type TensorData,
  makeModel,
  makeNode,
  makeRawTensor,
  makeTensor,
  makeValueInfo,
  onnx,
  readFloatAttribute,
  readIntAttribute,
  readIntsAttribute,
  readStringAttribute,
  readTensor,
  readValueInfo,
  renameValue,
} from '../../models/src/onnx';

function roundTrip(graph: onnx.IGraphProto): GraphLists {
  return graphOf(decodeModel(encodeModel(makeModel({ graph, opsetVersion: 17 }))));
}

const values = (data: TensorData) => Array.from(data as ArrayLike<number | bigint>);

describe('ONNX helpers', () => {
  it('round-trips a float32 initializer with its dims and values through encode/decode', () => {
    const written = Float32Array.of(1.5, -2, 3.25, 0, 1e-8, 65504);
    const model = roundTrip({ name: 'g', initializer: [makeTensor('w', written, [2, 3])] });
    const { dataType, dims, data } = readTensor(model.initializer[0]);
    expect(dataType).toBe(DataType.FLOAT);
    expect(dims).toEqual([2, 3]);
    expect(values(data)).toEqual(Array.from(written));
  });

  it('writes int64 tensors from BigInt64Array and float16 tensors from their bits', () => {
    const model = roundTrip({
      name: 'g',
      initializer: [
        makeTensor('shape', BigInt64Array.of(0n, 80n, -1n), [3]),
        makeTensor('h', Uint16Array.of(0x3c00, 0xc000), [2], DataType.FLOAT16),
      ],
    });
    const [shape, half] = model.initializer.map(readTensor);
    expect(values(shape.data)).toEqual([0n, 80n, -1n]);
    expect(half.dataType).toBe(DataType.FLOAT16);
    expect(values(half.data)).toEqual([0x3c00, 0xc000]);
  });

  it('reads tensors stored in typed fields (float_data, int64_data) as well as raw_data', () => {
    const floats = onnx.TensorProto.create({
      name: 'f',
      dataType: DataType.FLOAT,
      dims: [2],
      floatData: [1, 2],
    });
    const longs = onnx.TensorProto.create({
      name: 'l',
      dataType: DataType.INT64,
      dims: [2],
      int64Data: [7, -3],
    });
    const decoded = roundTrip({ name: 'g', initializer: [floats, longs] }).initializer.map(readTensor);
    expect(values(decoded[0].data)).toEqual([1, 2]);
    expect(values(decoded[1].data)).toEqual([7n, -3n]);
  });

  it('takes packed 4-bit data as raw bytes, two elements per byte, and refuses a wrong byte count', () => {
    expect(makeRawTensor('q', DataType.INT4, [3], Uint8Array.of(0x21, 0x03)).rawData).toEqual(
      Uint8Array.of(0x21, 0x03),
    );
    expect(() => makeRawTensor('q', DataType.INT4, [3], Uint8Array.of(1))).toThrow(/1 bytes, expected 2/);
  });

  it('refuses a typed array that does not fill the dims', () => {
    expect(() => makeTensor('w', new Float32Array(5), [2, 3])).toThrow(/do not fill/);
  });

  it('keeps value-info dims as sizes, symbolic names or unknown', () => {
    const model = roundTrip({
      name: 'g',
      input: [makeValueInfo('x', DataType.FLOAT, ['batch', 3, null, 320])],
    });
    expect(readValueInfo(model.input[0])).toEqual({
      name: 'x',
      elemType: DataType.FLOAT,
      dims: ['batch', 3, null, 320],
    });
  });

  it('reads back node attributes of each kind', () => {
    const node = makeNode(
      'Conv',
      ['x', 'w'],
      ['y'],
      [
        attr.int('group', 4),
        attr.ints('pads', [0, 1, 0, 1]),
        attr.float('alpha', 0.1),
        attr.string('auto_pad', 'SAME_UPPER'),
      ],
    );
    const decoded = roundTrip({ name: 'g', node: [node] }).node[0];
    expect(readIntAttribute(decoded, 'group')).toBe(4);
    expect(readIntsAttribute(decoded, 'pads')).toEqual([0, 1, 0, 1]);
    expect(readFloatAttribute(decoded, 'alpha')).toBeCloseTo(0.1, 7);
    expect(readStringAttribute(decoded, 'auto_pad')).toBe('SAME_UPPER');
    expect(readIntAttribute(decoded, 'missing')).toBeUndefined();
  });

  it('renames a value where it is produced, read and listed as a graph output', () => {
    const graph: onnx.IGraphProto = {
      node: [makeNode('Relu', ['x'], ['t']), makeNode('Sigmoid', ['t'], ['u'])],
      output: [makeValueInfo('t', DataType.FLOAT, [1])],
    };
    renameValue(graph, 't', 'scores');
    expect(graph.node?.map((n) => [n.input, n.output])).toEqual([
      [['x'], ['scores']],
      [['scores'], ['u']],
    ]);
    expect(graph.output?.[0].name).toBe('scores');
  });
});
