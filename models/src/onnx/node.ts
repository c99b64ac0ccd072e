import { onnx } from 'onnx-proto';

export function makeNode(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: readonly onnx.AttributeProto[] = [],
  name = outputs[0],
): onnx.NodeProto {
  return onnx.NodeProto.create({
    opType,
    name,
    input: [...inputs],
    output: [...outputs],
    attribute: [...attributes],
  });
}
