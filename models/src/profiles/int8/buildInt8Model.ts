// int8 profile: static QDQ quantization, weights per-channel symmetric int8, activations calibrated on
// images and encoded as uint8 (or int8).
import { decodeModel, type onnx } from '../../onnx';
import { collectActivationStats, type CalibrationInput } from './activationStats';
import { buildQdqModel } from './qdqGraph';
import { type ActivationType } from './quantization';
import { planQdq, quantizedActivations, quantizedNodeNames } from './quantizationPlan';
import { activationRange, type CalibrationMethod } from './rangeMethods';

export interface Int8Options {
  /** Preprocessed calibration images, as the model's input expects them. */
  calibration: readonly CalibrationInput[];
  method: CalibrationMethod;
  activationType: ActivationType;
  /** Node names computed in float32 (e.g. headOutputConvs). */
  keepFloatNodes: readonly string[];
}

export async function buildInt8Model(fp32Model: Uint8Array, options: Int8Options): Promise<Uint8Array> {
  const graph = decodeModel(fp32Model).graph as onnx.IGraphProto;
  const quantizedNodes = quantizedNodeNames(graph, options.keepFloatNodes);
  const tensors = quantizedActivations(graph, quantizedNodes);
  const stats = await collectActivationStats(fp32Model, tensors, options.calibration);
  const ranges = new Map([...stats].map(([name, s]) => [name, activationRange(s, options.method)] as const));
  const plan = planQdq(graph, quantizedNodes, ranges, options.activationType);
  return buildQdqModel(fp32Model, plan);
}
