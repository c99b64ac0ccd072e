// What an ONNX file declares, read with onnx-proto before onnxruntime sees it: the input and outputs, the
// op types and opset, and the metadata_props exporters write (Ultralytics: names, imgsz, stride, task).
import { decodeModel, graphOf, onnx, readValueInfo } from '../../../models/src/onnx';
import type { DeclaredTensor } from '../../../sdk/src/decoders/family';
import { ImportRejection } from './rejection';

export interface OnnxFacts {
  /** The default-domain opset. */
  opset: number | undefined;
  opTypes: string[];
  inputs: (DeclaredTensor & { elemType: number })[];
  outputs: DeclaredTensor[];
  metadata: Record<string, string>;
}

const FLOAT = onnx.TensorProto.DataType.FLOAT;

export function readOnnxFacts(bytes: Uint8Array): OnnxFacts {
  let model: onnx.ModelProto;
  try {
    model = decodeModel(bytes);
  } catch (error) {
    // A cut-off model starts as one (every exporter writes ir_version, field 1 varint, first: byte 0x08) and
    // protobufjs then reads past its end ("index out of range"); anything else is not ONNX.
    const message = error instanceof Error ? error.message : String(error);
    if (bytes[0] === 0x08 && /index out of range/i.test(message))
      throw new ImportRejection('TRUNCATED', 'The file ends before its ONNX model does: it is truncated');
    throw new ImportRejection('NOT_ONNX', 'The file is not an ONNX model (it does not parse as ModelProto)');
  }
  if (!model.graph || !model.irVersion || !(model.graph.output?.length ?? 0))
    throw new ImportRejection('NOT_ONNX', 'The file is not an ONNX model (no graph with outputs)');
  const graph = graphOf(model);
  if (graph.initializer.some((t) => t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL))
    throw new ImportRejection(
      'EXTERNAL_DATA',
      'The model keeps its weights in a separate file (ONNX external data); export it as one file',
    );
  // Graph inputs may list initializers too (older exporters); the real inputs are the others.
  const initializers = new Set(graph.initializer.map((t) => t.name));
  const inputs = graph.input.filter((i) => !initializers.has(i.name ?? '')).map(readValueInfo);
  const opset = model.opsetImport?.find((o) => !o.domain || o.domain === 'ai.onnx')?.version;
  return {
    opset: opset == null ? undefined : Number(opset),
    opTypes: [...new Set(graph.node.map((n) => n.opType ?? ''))].sort(),
    inputs,
    outputs: graph.output.map(readValueInfo).map(({ name, dims }) => ({ name, dims })),
    metadata: Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? ''])),
  };
}

/** The one image input, float32 [B, 3, S, S] or with symbolic H/W; its square side or null when symbolic. */
export function imageInput(facts: OnnxFacts): { name: string; inputSize: number | null } {
  const bad = (why: string) =>
    new ImportRejection(
      'UNSUPPORTED_INPUT_SHAPE',
      `The model's input ${why}; Wanshi feeds one float32 [B, 3, S, S] image tensor`,
    );
  if (facts.inputs.length !== 1) throw bad(`count is ${facts.inputs.length}`);
  const [input] = facts.inputs;
  const shape = `[${input.dims.map((d) => d ?? '?').join(', ')}]`;
  if (input.elemType !== FLOAT) throw bad(`${input.name} is not float32`);
  if (input.dims.length !== 4 || input.dims[1] !== 3) throw bad(`${input.name} is ${shape}`);
  const [, , h, w] = input.dims;
  if (typeof h === 'number' && typeof w === 'number') {
    if (h !== w) throw bad(`${input.name} is ${shape}, not square`);
    return { name: input.name, inputSize: h };
  }
  if (typeof h === 'number' || typeof w === 'number') throw bad(`${input.name} is ${shape}`);
  return { name: input.name, inputSize: null };
}
