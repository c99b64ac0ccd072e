import { onnx } from 'onnx-proto';

export interface ModelParts {
  graph: onnx.IGraphProto;
  opsetVersion: number;
  /** IR 8 is the first to allow opset 17, the oldest pairing every runtime we target reads. */
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  metadata?: Record<string, string>;
}

export function makeModel(parts: ModelParts): onnx.ModelProto {
  return onnx.ModelProto.create({
    irVersion: parts.irVersion ?? 8,
    opsetImport: [{ domain: '', version: parts.opsetVersion }],
    producerName: parts.producerName ?? 'wanshi',
    producerVersion: parts.producerVersion ?? '',
    graph: parts.graph,
    metadataProps: Object.entries(parts.metadata ?? {}).map(([key, value]) => ({ key, value })),
  });
}

export function encodeModel(model: onnx.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}

export function decodeModel(bytes: Uint8Array): onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}

/** How many nodes of each op type the graph holds (top level), e.g. { Conv: 34, Resize: 4 }. */
export function countOps(graph: onnx.IGraphProto): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of graph.node ?? []) counts[node.opType ?? ''] = (counts[node.opType ?? ''] ?? 0) + 1;
  return counts;
}

/** Renames a value everywhere it is produced or read (nodes, graph inputs/outputs, initializers). */
export function renameValue(graph: onnx.IGraphProto, from: string, to: string): void {
  const swap = (name: string) => (name === from ? to : name);
  for (const node of graph.node ?? []) {
    node.input = (node.input ?? []).map(swap);
    node.output = (node.output ?? []).map(swap);
  }
  for (const list of [graph.input, graph.output, graph.valueInfo, graph.initializer]) {
    for (const item of list ?? []) if (item.name === from) item.name = to;
  }
}

/** A graph whose lists are always present (protobuf leaves unset ones out), for code that walks or edits it. */
export interface GraphLists {
  node: onnx.INodeProto[];
  initializer: onnx.ITensorProto[];
  input: onnx.IValueInfoProto[];
  output: onnx.IValueInfoProto[];
  valueInfo: onnx.IValueInfoProto[];
}

/** The model's graph with every list filled in (edits through it change the model). */
export function graphOf(model: onnx.IModelProto): onnx.IGraphProto & GraphLists {
  const graph = model.graph;
  if (!graph) throw new Error('model has no graph');
  graph.node ??= [];
  graph.initializer ??= [];
  graph.input ??= [];
  graph.output ??= [];
  graph.valueInfo ??= [];
  return graph as onnx.IGraphProto & GraphLists;
}
