// fp16-storage profile: the fp32 graph with its weights stored as float16, each widened back by a Cast that
// onnxruntime folds into a float32 constant when the session loads. Half the file; the same float32 math.
import { attr, DataType, decodeModel, elementCount, encodeModel, makeNode, onnx, tensorDims } from '../onnx';
import { GraphEditor } from './graphEditor';
import { isFloat32Tensor, toFloat16Tensor } from './float16Tensor';

/** Below this many values a Cast node costs about what the halved storage saves. */
const MIN_ELEMENTS = 64;

export function buildFloat16StorageModel(fp32Model: Uint8Array): Uint8Array {
  const model = decodeModel(fp32Model);
  const editor = new GraphEditor(model.graph as onnx.IGraphProto);
  const widenings: onnx.NodeProto[] = [];
  for (const tensor of [...(editor.graph.initializer ?? [])]) {
    if (!isFloat32Tensor(tensor) || elementCount(tensorDims(tensor)) < MIN_ELEMENTS) continue;
    const name = tensor.name ?? '';
    const stored = editor.addInitializer(toFloat16Tensor(tensor, editor.uniqueName(`${name}/fp16`)));
    editor.removeInitializer(name);
    widenings.push(makeNode('Cast', [stored], [name], [attr.int('to', DataType.FLOAT)]));
  }
  editor.nodes.unshift(...widenings);
  return encodeModel(model);
}
