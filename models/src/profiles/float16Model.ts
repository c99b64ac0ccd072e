// fp16 profile: weights and activations in float16, graph inputs and outputs still float32 (Casts at the
// boundaries), so callers feed and read the same tensors as with the fp32 artifact. Meant for GPUs with
// fast half-precision math; ops listed in keepFloatOps run in float32 between Casts (for providers lacking
// their fp16 kernels).
import { attr, DataType, decodeModel, encodeModel, makeNode, onnx } from '../onnx';
import { GraphEditor } from './graphEditor';
import { isFloat32Tensor, toFloat16Tensor } from './float16Tensor';

export interface Float16Options {
  /** Op types computed in float32 (their weights stay float32 too). */
  keepFloatOps?: readonly string[];
}

/** Inputs the ONNX spec types as float32 whatever the data type (Resize's roi and scales). */
const ALWAYS_FLOAT32_INPUTS: Record<string, readonly number[]> = { Resize: [1, 2] };

/** Ops with integer outputs: this pass assumes every activation is a float, so it refuses these graphs. */
const INTEGER_OUTPUT_OPS = new Set([
  'Shape',
  'Size',
  'ArgMax',
  'ArgMin',
  'TopK',
  'NonZero',
  'NonMaxSuppression',
]);

export function buildFloat16Model(fp32Model: Uint8Array, options: Float16Options = {}): Uint8Array {
  const model = decodeModel(fp32Model);
  const editor = new GraphEditor(model.graph as onnx.IGraphProto);
  const keepFloat = new Set(options.keepFloatOps ?? []);
  const integerOps = editor.nodes.filter((node) => INTEGER_OUTPUT_OPS.has(node.opType ?? ''));
  if (integerOps.length > 0)
    throw new Error(`fp16 conversion does not handle integer-valued ops: ${integerOps[0].opType}`);

  convertInitializers(editor, keepFloat);
  for (const node of [...editor.nodes]) if (keepFloat.has(node.opType ?? '')) wrapInFloat32(editor, node);
  castGraphInputs(editor);
  castGraphOutputs(editor);
  // Intermediate type annotations would still say float32; they are optional, so drop them.
  editor.graph.valueInfo = [];
  return encodeModel(model);
}

function convertInitializers(editor: GraphEditor, keepFloat: ReadonlySet<string>): void {
  const wantsFloat16 = new Map<string, boolean[]>();
  for (const node of editor.nodes) {
    (node.input ?? []).forEach((input, index) => {
      const tensor = editor.initializer(input);
      if (!tensor || !isFloat32Tensor(tensor)) return;
      const fp16 =
        !keepFloat.has(node.opType ?? '') && !ALWAYS_FLOAT32_INPUTS[node.opType ?? '']?.includes(index);
      wantsFloat16.set(input, [...(wantsFloat16.get(input) ?? []), fp16]);
    });
  }
  for (const [name, wants] of wantsFloat16) {
    if (wants.every((w) => w))
      editor.replaceInitializer(toFloat16Tensor(editor.initializer(name) as onnx.ITensorProto));
    else if (wants.some((w) => w))
      throw new Error(`initializer ${name} is read both as float16 and as float32`);
  }
}

function cast(editor: GraphEditor, input: string, output: string, to: DataType): onnx.NodeProto {
  return makeNode('Cast', [input], [output], [attr.int('to', to)], editor.uniqueName(`${output}/cast`));
}

/** Runs `node` in float32: its float16 activation inputs are cast up, its outputs cast back down. */
function wrapInFloat32(editor: GraphEditor, node: onnx.INodeProto): void {
  node.input = (node.input ?? []).map((input) => {
    if (input === '' || editor.initializer(input)) return input;
    const widened = editor.uniqueName(`${input}/fp32`);
    editor.insertBefore(node, [cast(editor, input, widened, DataType.FLOAT)]);
    return widened;
  });
  node.output = (node.output ?? []).map((output) => {
    const computed = editor.uniqueName(`${output}/fp32`);
    editor.insertAfter(node, [cast(editor, computed, output, DataType.FLOAT16)]);
    return computed;
  });
}

function castGraphInputs(editor: GraphEditor): void {
  for (const input of editor.graph.input ?? []) {
    if (input.type?.tensorType?.elemType !== DataType.FLOAT || editor.initializer(input.name ?? '')) continue;
    const narrowed = editor.uniqueName(`${input.name}/fp16`);
    for (const use of editor.uses(input.name ?? '')) (use.node.input as string[])[use.inputIndex] = narrowed;
    editor.nodes.unshift(cast(editor, input.name ?? '', narrowed, DataType.FLOAT16));
  }
}

function castGraphOutputs(editor: GraphEditor): void {
  for (const output of editor.graph.output ?? []) {
    if (output.type?.tensorType?.elemType !== DataType.FLOAT) continue;
    const name = output.name ?? '';
    const computed = editor.uniqueName(`${name}/fp16`);
    for (const node of editor.nodes)
      node.output = (node.output ?? []).map((o) => (o === name ? computed : o));
    for (const use of editor.uses(name)) (use.node.input as string[])[use.inputIndex] = computed;
    editor.insertAfterProducerOf(computed, [cast(editor, computed, name, DataType.FLOAT)]);
  }
}
