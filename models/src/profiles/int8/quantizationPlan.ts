// Which nodes run in integer arithmetic and with which activation parameters. Quantized: the ops onnxruntime
// has integer kernels for, except nodes kept in float; every activation they read or write is quantized,
// so consecutive integer ops hand uint8 tensors to each other without going back to float.
import type { onnx } from 'onnx-proto';
import { activationParams, type ActivationType, type QuantParams } from './quantization';
import type { QdqPlan } from './qdqGraph';

export const QUANTIZABLE_OPS: ReadonlySet<string> = new Set([
  'Conv',
  'LeakyRelu',
  'Concat',
  'MaxPool',
  'Resize',
  'Add',
]);
/** onnxruntime runs these directly on uint8 only when input and output share parameters. */
const SAME_PARAMS_OPS: ReadonlySet<string> = new Set(['MaxPool', 'Resize']);

export function quantizedNodeNames(graph: onnx.IGraphProto, keepFloatNodes: readonly string[]): Set<string> {
  const kept = new Set(keepFloatNodes);
  const unknown = keepFloatNodes.filter((name) => !(graph.node ?? []).some((node) => node.name === name));
  if (unknown.length > 0) throw new Error(`no such nodes to keep in float: ${unknown.join(', ')}`);
  return new Set(
    (graph.node ?? [])
      .filter((node) => QUANTIZABLE_OPS.has(node.opType ?? '') && !kept.has(node.name ?? ''))
      .map((node) => node.name ?? ''),
  );
}

/** Activations read or written by quantized nodes, in graph order (initializers are weights, not activations). */
export function quantizedActivations(graph: onnx.IGraphProto, quantizedNodes: ReadonlySet<string>): string[] {
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const found = new Set<string>();
  for (const node of graph.node ?? []) {
    if (!quantizedNodes.has(node.name ?? '')) continue;
    const dataInputs = node.opType === 'Resize' ? [node.input?.[0] ?? ''] : (node.input ?? []);
    for (const name of [...dataInputs, ...(node.output ?? [])])
      if (name && !initializers.has(name)) found.add(name);
  }
  return [...found];
}

export function planQdq(
  graph: onnx.IGraphProto,
  quantizedNodes: ReadonlySet<string>,
  ranges: ReadonlyMap<string, readonly [number, number]>,
  type: ActivationType,
): QdqPlan {
  const activations = new Map<string, QuantParams>();
  const paramsOf = (name: string): QuantParams => {
    const range = ranges.get(name);
    if (!range) throw new Error(`no calibration range for ${name}`);
    return activationParams(range[0], range[1], type);
  };
  for (const name of quantizedActivations(graph, quantizedNodes)) activations.set(name, paramsOf(name));
  for (const node of graph.node ?? []) {
    if (!SAME_PARAMS_OPS.has(node.opType ?? '') || !quantizedNodes.has(node.name ?? '')) continue;
    activations.set(node.output?.[0] ?? '', activations.get(node.input?.[0] ?? '') as QuantParams);
  }
  return { quantizedNodes, activations };
}
