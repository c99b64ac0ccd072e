// What onnxruntime actually runs, read from the graph it saves after optimisation: whether quantized Convs
// became integer kernels (QLinearConv, ConvInteger), and how many DequantizeLinear are left to run on every
// inference (weights widened per run instead of once).
import { decodeModel } from '../../../models/src/onnx';

export interface KernelSummary {
  /** Convolutions run by integer kernels. */
  integerConvs: number;
  /** Convolutions run in floating point (Conv, FusedConv, NCHWc Conv…). */
  floatConvs: number;
  /** DequantizeLinear nodes still executed at run time. */
  runtimeDequantize: number;
}

const INTEGER_CONV_OPS = new Set(['QLinearConv', 'ConvInteger', 'NhwcQLinearConv']);
const FLOAT_CONV_OPS = new Set(['Conv', 'FusedConv', 'NhwcFusedConv']);

export function summariseKernels(optimizedModel: Uint8Array): KernelSummary {
  const summary: KernelSummary = { integerConvs: 0, floatConvs: 0, runtimeDequantize: 0 };
  for (const node of decodeModel(optimizedModel).graph?.node ?? []) {
    const op = node.opType ?? '';
    if (INTEGER_CONV_OPS.has(op)) summary.integerConvs++;
    else if (FLOAT_CONV_OPS.has(op)) summary.floatConvs++;
    else if (op === 'DequantizeLinear') summary.runtimeDequantize++;
  }
  return summary;
}
