// int4 profile: weight-only quantization. Conv weights are stored as signed 4-bit values in blocks along the
// input-channel axis, each block with its own float scale, and widened by DequantizeLinear (opset 21,
// block_size) in front of the Conv. Activations and math stay float32: this profile saves storage and
// download, not compute.
import {
  attr,
  DataType,
  decodeModel,
  encodeModel,
  makeNode,
  makeRawTensor,
  makeTensor,
  onnx,
  readTensor,
  tensorDims,
} from '../onnx';
import { GraphEditor } from './graphEditor';

export interface Int4Options {
  /** Weights per scale along the input-channel axis. */
  blockSize: number;
  /** Conv node names whose weights stay float32 (e.g. headOutputConvs, convsNarrowerThanBlock). */
  keepFloatNodes: readonly string[];
}

/** DequantizeLinear gained int4 and block_size in opset 21, which IR version 10 introduced. */
const INT4_OPSET = 21;
const INT4_IR_VERSION = 10;

export interface BlockQuantized {
  /** Signed 4-bit values, two per byte, low nibble first (ONNX's packing). */
  packed: Uint8Array;
  scales: Float32Array;
  scaleDims: number[];
}

/**
 * Symmetric blocked quantization of a [O, I, ...] weight along axis 1, one scale per block of `blockSize`
 * input channels at each output channel and kernel position, values in [-8, 7]. Each block's scale is the
 * one of CLIP_RATIOS × max|w| / 7 with the least squared error: clipping the largest weight a little
 * rounds all the others finer, which with only 16 levels usually wins.
 */
export function quantizeBlockedInt4(
  weights: Float32Array,
  dims: readonly number[],
  blockSize: number,
): BlockQuantized {
  const [outputs, inputs] = dims;
  const inner = dims.slice(2).reduce((p, d) => p * d, 1);
  const blocks = Math.ceil(inputs / blockSize);
  const scales = new Float32Array(outputs * blocks * inner);
  const values = new Int8Array(weights.length);
  const block = new Float32Array(blockSize);
  for (let o = 0; o < outputs; o++) {
    for (let b = 0; b < blocks; b++) {
      const first = b * blockSize;
      const length = Math.min(inputs, first + blockSize) - first;
      for (let k = 0; k < inner; k++) {
        // Element (o, i, k) of the weight sits at (o·inputs + i)·inner + k.
        const at = (j: number) => (o * inputs + first + j) * inner + k;
        for (let j = 0; j < length; j++) block[j] = weights[at(j)];
        const scale = bestScale(block.subarray(0, length));
        scales[(o * blocks + b) * inner + k] = scale;
        for (let j = 0; j < length; j++) values[at(j)] = toInt4(block[j], scale);
      }
    }
  }
  return { packed: packInt4(values), scales, scaleDims: [outputs, blocks, ...dims.slice(2)] };
}

const CLIP_RATIOS = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];

const toInt4 = (w: number, scale: number) => Math.max(-8, Math.min(7, Math.round(w / scale)));

function bestScale(block: Float32Array): number {
  let absMax = 0;
  for (const w of block) absMax = Math.max(absMax, Math.abs(w));
  if (absMax === 0) return 1;
  let best = absMax / 7;
  let bestError = Infinity;
  for (const ratio of CLIP_RATIOS) {
    const scale = (absMax * ratio) / 7;
    let error = 0;
    for (const w of block) error += (w - toInt4(w, scale) * scale) ** 2;
    if (error < bestError) {
      bestError = error;
      best = scale;
    }
  }
  return best;
}

export function packInt4(values: Int8Array): Uint8Array {
  const packed = new Uint8Array(Math.ceil(values.length / 2));
  for (let i = 0; i < values.length; i++) packed[i >> 1] |= (values[i] & 0x0f) << ((i & 1) * 4);
  return packed;
}

/**
 * Convs with fewer input channels than one block (the first conv, on 3 colour channels): tiny, blocks of 3
 * would cost a scale every 3 weights anyway, and measured the most sensitive per weight.
 */
export function convsNarrowerThanBlock(graph: onnx.IGraphProto, blockSize: number): string[] {
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name, t]));
  return (graph.node ?? [])
    .filter(
      (node) =>
        node.opType === 'Conv' &&
        tensorDims(initializers.get(node.input?.[1]) as onnx.ITensorProto)[1] < blockSize,
    )
    .map((node) => node.name ?? '');
}

export function buildInt4Model(fp32Model: Uint8Array, options: Int4Options): Uint8Array {
  const model = decodeModel(fp32Model);
  const editor = new GraphEditor(model.graph as onnx.IGraphProto);
  const kept = new Set(options.keepFloatNodes);
  for (const conv of editor.nodes.filter((node) => node.opType === 'Conv' && !kept.has(node.name ?? ''))) {
    const weightName = (conv.input as string[])[1];
    const weight = readTensor(editor.initializer(weightName) as onnx.ITensorProto);
    const blocked = quantizeBlockedInt4(weight.data as Float32Array, weight.dims, options.blockSize);
    const values = editor.addInitializer(
      makeRawTensor(editor.uniqueName(`${weightName}/int4`), DataType.INT4, weight.dims, blocked.packed),
    );
    const scales = editor.addInitializer(
      makeTensor(editor.uniqueName(`${weightName}/scale`), blocked.scales, blocked.scaleDims),
    );
    const widened = editor.uniqueName(`${weightName}/dequantized`);
    editor.insertBefore(conv, [
      makeNode(
        'DequantizeLinear',
        [values, scales],
        [widened],
        [attr.int('axis', 1), attr.int('block_size', options.blockSize)],
      ),
    ]);
    (conv.input as string[])[1] = widened;
  }
  editor.removeUnusedInitializers();
  model.irVersion = Math.max(Number(model.irVersion), INT4_IR_VERSION);
  model.opsetImport = [
    { domain: '', version: Math.max(INT4_OPSET, ...(model.opsetImport ?? []).map((o) => Number(o.version))) },
  ];
  return encodeModel(model);
}
