// The heads' last convolutions: Convs from which a graph output is reached without another Conv. They turn
// features into scores and box distributions, where rounding moves results most, so they are the usual
// candidates to keep in float when the rest of the graph is quantized.
import type { onnx } from 'onnx-proto';

export function headOutputConvs(graph: onnx.IGraphProto): string[] {
  const producers = new Map<string, onnx.INodeProto>();
  for (const node of graph.node ?? []) for (const output of node.output ?? []) producers.set(output, node);
  const found = new Set<string>();
  const visited = new Set<onnx.INodeProto>();
  const walk = (value: string) => {
    const node = producers.get(value);
    if (!node || visited.has(node)) return;
    visited.add(node);
    if (node.opType === 'Conv') found.add(node.name ?? '');
    else for (const input of node.input ?? []) walk(input);
  };
  for (const output of graph.output ?? []) walk(output.name ?? '');
  return [...found];
}
