// The contract of one TF op's translation. Each op has a shape rule (run twice: at the graph's own input shape,
// and at the requested one), an ONNX translation, and optionally a constant evaluator for all-constant inputs.
import { ConstTensor } from '../constTensor';
import { OnnxGraphBuilder } from '../graphBuilder';
import { Shape } from '../shapes';
import { TensorRef } from '../tensorRef';
import { TfAttributes } from '../tfjs/attributes';
import { TfNode } from '../tfjs/modelJson';

export interface ShapeView {
  node: TfNode;
  attrs: TfAttributes;
  inputShapes: Shape[];
  constant(index: number): ConstTensor | undefined;
  /** The same node's shapes at the graph's own input shape; absent while inferring those. */
  original?: { inputShapes: Shape[]; outputShapes: Shape[] };
}

export interface OpContext {
  node: TfNode;
  attrs: TfAttributes;
  inputs: TensorRef[];
  /** TF tensor names of the inputs ("node:0"). */
  inputNames: string[];
  builder: OnnxGraphBuilder;
  /** Shapes at the graph's own input shape: all sizes, what layout decisions are based on. */
  originalShapes: { inputs: number[][]; outputs: number[][] };
  /** Shapes at the requested input shape (symbolic dims by name, unknown as null). */
  convertedShapes: { inputs: Shape[]; outputs: Shape[] };
  /** How many node inputs and graph outputs read the TF tensor. */
  consumerCount(tensorName: string): number;
}

export interface OpConverter {
  inferShapes(view: ShapeView): Shape[];
  convert(ctx: OpContext): TensorRef[];
  fold?(inputs: ConstTensor[], attrs: TfAttributes): ConstTensor[];
}

export function requireConstant(
  ctx: Pick<OpContext, 'node' | 'inputs'>,
  index: number,
  what: string,
): ConstTensor {
  const constant = ctx.inputs[index].constant;
  if (!constant) throw new Error(`${ctx.node.name} (${ctx.node.op}): ${what} must be a constant`);
  return constant;
}

export function constantValues(view: ShapeView, index: number, what: string): number[] {
  const constant = view.constant(index);
  if (!constant) throw new Error(`${view.node.name} (${view.node.op}): ${what} must be a constant`);
  return Array.from(constant.data);
}

/** The name for the ONNX value of TF output `index` of this node. */
export function outputName(ctx: Pick<OpContext, 'node'>, index = 0): string {
  return index === 0 ? ctx.node.name : `${ctx.node.name}:${index}`;
}
