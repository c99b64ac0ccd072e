// What onnxruntime actually runs, read from the graph it saves after optimisation: whether quantized Convs
// became integer kernels (QLinearConv, ConvInteger), whether float16 Convs stayed float16 (a provider without
// fp16 kernels casts them to float32), and how many DequantizeLinear are left to run on every inference
// (weights widened per run instead of once).
import { DataType, decodeModel } from '../../../models/src/onnx';

export interface KernelSummary {
  /** Convolutions run by integer kernels. */
  integerConvs: number;
  /** Convolutions run in floating point (Conv, FusedConv, NCHWc Conv…). */
  floatConvs: number;
  /** Of floatConvs, those whose weights are float16, i.e. computed in half precision. */
  halfConvs: number;
  /** DequantizeLinear nodes still executed at run time. */
  runtimeDequantize: number;
}

const INTEGER_CONV_OPS = new Set(['QLinearConv', 'ConvInteger', 'NhwcQLinearConv']);
const FLOAT_CONV_OPS = new Set(['Conv', 'FusedConv', 'NhwcFusedConv']);

export function summariseKernels(optimizedModel: Uint8Array): KernelSummary {
  const graph = decodeModel(optimizedModel).graph;
  const halfInitializers = new Set(
    (graph?.initializer ?? []).filter((t) => t.dataType === DataType.FLOAT16).map((t) => t.name),
  );
  const summary: KernelSummary = { integerConvs: 0, floatConvs: 0, halfConvs: 0, runtimeDequantize: 0 };
  for (const node of graph?.node ?? []) {
    const op = node.opType ?? '';
    if (INTEGER_CONV_OPS.has(op)) summary.integerConvs++;
    else if (FLOAT_CONV_OPS.has(op)) {
      summary.floatConvs++;
      if (halfInitializers.has(node.input?.[1])) summary.halfConvs++;
    } else if (op === 'DequantizeLinear') summary.runtimeDequantize++;
  }
  return summary;
}
