// NodeProto attributes. JS numbers cannot say whether they are ints or floats, so each kind has its own maker.
import { onnx } from 'onnx-proto';
import { Int64Like, int64ToNumber } from './int64';

const Type = onnx.AttributeProto.AttributeType;

export const attr = {
  int: (name: string, i: number): onnx.AttributeProto =>
    onnx.AttributeProto.create({ name, type: Type.INT, i }),
  ints: (name: string, ints: readonly number[]): onnx.AttributeProto =>
    onnx.AttributeProto.create({ name, type: Type.INTS, ints: [...ints] }),
  float: (name: string, f: number): onnx.AttributeProto =>
    onnx.AttributeProto.create({ name, type: Type.FLOAT, f }),
  floats: (name: string, floats: readonly number[]): onnx.AttributeProto =>
    onnx.AttributeProto.create({ name, type: Type.FLOATS, floats: [...floats] }),
  string: (name: string, s: string): onnx.AttributeProto =>
    onnx.AttributeProto.create({ name, type: Type.STRING, s: new TextEncoder().encode(s) }),
  tensor: (name: string, t: onnx.ITensorProto): onnx.AttributeProto =>
    onnx.AttributeProto.create({ name, type: Type.TENSOR, t }),
};

function find(node: onnx.INodeProto, name: string): onnx.IAttributeProto | undefined {
  return (node.attribute ?? []).find((a) => a.name === name);
}

export function readIntAttribute(node: onnx.INodeProto, name: string): number | undefined {
  const found = find(node, name);
  return found ? int64ToNumber(found.i as Int64Like) : undefined;
}

export function readIntsAttribute(node: onnx.INodeProto, name: string): number[] | undefined {
  const found = find(node, name);
  return found ? (found.ints ?? []).map((v) => int64ToNumber(v as Int64Like)) : undefined;
}

export function readFloatAttribute(node: onnx.INodeProto, name: string): number | undefined {
  return find(node, name)?.f ?? undefined;
}

export function readStringAttribute(node: onnx.INodeProto, name: string): string | undefined {
  const found = find(node, name);
  return found?.s ? new TextDecoder().decode(found.s) : undefined;
}
