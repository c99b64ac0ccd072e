// Rewrites a float graph into QDQ form: each quantized activation gets one QuantizeLinear after its producer
// and a DequantizeLinear per reader; quantized Convs read int8 per-channel weights and int32 bias through
// DequantizeLinear. onnxruntime recognises DQ → op → Q groups and runs them as integer kernels (QLinearConv,
// QLinearConcat, QLinearLeakyRelu, QLinearAdd; MaxPool and Resize directly on uint8).
import { attr, DataType, decodeModel, encodeModel, makeNode, makeTensor, onnx, readTensor } from '../../onnx';
import { GraphEditor } from '../graphEditor';
import { quantizeBias, quantizeWeightsPerChannel, type QuantParams } from './quantization';

export interface QdqPlan {
  /** Names of the nodes to run quantized. */
  quantizedNodes: ReadonlySet<string>;
  /** Parameters of every activation a quantized node reads or writes. */
  activations: ReadonlyMap<string, QuantParams>;
}

const ONNX_TYPE = { uint8: DataType.UINT8, int8: DataType.INT8 } as const;

export function buildQdqModel(fp32Model: Uint8Array, plan: QdqPlan): Uint8Array {
  const model = decodeModel(fp32Model);
  const editor = new GraphEditor(model.graph as onnx.IGraphProto);
  for (const node of [...editor.nodes]) {
    if (node.opType === 'Conv' && plan.quantizedNodes.has(node.name ?? ''))
      quantizeConvWeights(editor, node, plan);
  }
  for (const [tensor, params] of plan.activations) quantizeActivation(editor, tensor, params);
  editor.removeUnusedInitializers();
  return encodeModel(model);
}

function scalar(editor: GraphEditor, base: string, value: number, dataType: DataType): string {
  const data =
    dataType === DataType.FLOAT
      ? Float32Array.of(value)
      : dataType === DataType.UINT8
        ? Uint8Array.of(value)
        : Int8Array.of(value);
  return editor.addInitializer(makeTensor(editor.uniqueName(base), data, [], dataType));
}

/** Q once after the producer, then a dedicated DQ in front of every reader (onnxruntime fuses per reader). */
function quantizeActivation(editor: GraphEditor, tensor: string, params: QuantParams): void {
  if (editor.isGraphOutput(tensor))
    throw new Error(`graph output ${tensor} cannot be quantized: its readers outside would get integers`);
  const readers = editor.uses(tensor);
  const scale = scalar(editor, `${tensor}/scale`, params.scale, DataType.FLOAT);
  const zeroPoint = scalar(editor, `${tensor}/zero_point`, params.zeroPoint, ONNX_TYPE[params.type]);
  const quantized = editor.uniqueName(`${tensor}/quantized`);
  editor.insertAfterProducerOf(tensor, [makeNode('QuantizeLinear', [tensor, scale, zeroPoint], [quantized])]);
  for (const use of readers) {
    const dequantized = editor.uniqueName(`${tensor}/dequantized`);
    editor.insertBefore(use.node, [
      makeNode('DequantizeLinear', [quantized, scale, zeroPoint], [dequantized]),
    ]);
    (use.node.input as string[])[use.inputIndex] = dequantized;
  }
}

function quantizeConvWeights(editor: GraphEditor, conv: onnx.INodeProto, plan: QdqPlan): void {
  const [input, weightName, biasName] = conv.input as string[];
  const inputParams = plan.activations.get(input);
  if (!inputParams)
    throw new Error(`Conv ${conv.name} is quantized but its input ${input} has no parameters`);
  const weight = readTensor(editor.initializer(weightName) as onnx.ITensorProto);
  const outputChannels = weight.dims[0];
  const perChannel = quantizeWeightsPerChannel(weight.data as Float32Array, outputChannels);
  const channelZeros = (type: DataType) =>
    new (type === DataType.INT32 ? Int32Array : Int8Array)(outputChannels);
  const dequantize = (
    name: string,
    values: Int8Array | Int32Array,
    dims: number[],
    scales: Float32Array,
    type: DataType,
  ) => {
    const q = editor.addInitializer(makeTensor(editor.uniqueName(`${name}/quantized`), values, dims, type));
    const s = editor.addInitializer(makeTensor(editor.uniqueName(`${name}/scale`), scales, [outputChannels]));
    const z = editor.addInitializer(
      makeTensor(editor.uniqueName(`${name}/zero_point`), channelZeros(type), [outputChannels], type),
    );
    const out = editor.uniqueName(`${name}/dequantized`);
    editor.insertBefore(conv, [makeNode('DequantizeLinear', [q, s, z], [out], [attr.int('axis', 0)])]);
    return out;
  };
  const inputs = [
    input,
    dequantize(weightName, perChannel.values, weight.dims, perChannel.scales, DataType.INT8),
  ];
  if (biasName) {
    const bias = quantizeBias(
      readTensor(editor.initializer(biasName) as onnx.ITensorProto).data as Float32Array,
      inputParams.scale,
      perChannel.scales,
    );
    inputs.push(dequantize(biasName, bias.values, [outputChannels], bias.scales, DataType.INT32));
  }
  conv.input = inputs;
}
