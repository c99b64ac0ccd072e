// Nodes to keep in float when the rest of the graph is quantized. The heads' last convolutions: Convs from
// which a graph output is reached without another Conv. They turn features into scores and box
// distributions, where rounding moves results most, so they are the usual candidates. And the nodes that
// write a graph output, which must stay float for whoever reads the output.
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

/**
 * The nodes of these op types that write a graph output. A quantized one would hand integers to the graph's
 * readers outside, so QDQ leaves it in float: Ultralytics exports end in a Concat that writes output0.
 */
export function graphOutputWriters(graph: onnx.IGraphProto, opTypes: ReadonlySet<string>): string[] {
  const outputs = new Set((graph.output ?? []).map((output) => output.name));
  return (graph.node ?? [])
    .filter((node) => opTypes.has(node.opType ?? '') && (node.output ?? []).some((o) => outputs.has(o)))
    .map((node) => node.name ?? '');
}
