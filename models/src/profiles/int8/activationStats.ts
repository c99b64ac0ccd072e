// Observes the float activations of a model on calibration inputs: each named tensor's min/max, then (second
// pass, once the ranges are known) a histogram of its values, which the percentile and entropy methods read.
import * as ort from 'onnxruntime-node';
import { decodeModel, encodeModel, onnx } from '../../onnx';

export const HISTOGRAM_BINS = 2048;

export interface TensorStats {
  min: number;
  max: number;
  /** Counts over [min, max] in HISTOGRAM_BINS equal bins. */
  histogram: Float64Array;
}

export interface CalibrationInput {
  /** One or more images, laid out as the model input expects. */
  data: Float32Array;
  dims: readonly number[];
}

export async function collectActivationStats(
  fp32Model: Uint8Array,
  tensorNames: readonly string[],
  inputs: readonly CalibrationInput[],
): Promise<Map<string, TensorStats>> {
  if (inputs.length === 0) throw new Error('calibration needs at least one input');
  const session = await ort.InferenceSession.create(exposeTensors(fp32Model, tensorNames), {
    graphOptimizationLevel: 'disabled',
  });
  const inputName = session.inputNames[0];
  const run = async (input: CalibrationInput, visit: (name: string, data: Float32Array) => void) => {
    const outputs = await session.run(
      { [inputName]: new ort.Tensor('float32', input.data, [...input.dims]) },
      [...tensorNames],
    );
    for (const name of tensorNames) visit(name, outputs[name].data as Float32Array);
  };
  try {
    const stats = new Map(
      tensorNames.map((name): [string, TensorStats] => [
        name,
        { min: Infinity, max: -Infinity, histogram: new Float64Array(HISTOGRAM_BINS) },
      ]),
    );
    for (const input of inputs) {
      await run(input, (name, data) => {
        const s = stats.get(name) as TensorStats;
        for (let i = 0; i < data.length; i++) {
          if (data[i] < s.min) s.min = data[i];
          if (data[i] > s.max) s.max = data[i];
        }
      });
    }
    for (const input of inputs)
      await run(input, (name, data) => addToHistogram(stats.get(name) as TensorStats, data));
    return stats;
  } finally {
    await session.release();
  }
}

function addToHistogram(stats: TensorStats, data: Float32Array): void {
  const width = (stats.max - stats.min) / HISTOGRAM_BINS || 1;
  for (let i = 0; i < data.length; i++) {
    stats.histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor((data[i] - stats.min) / width))]++;
  }
}

/** The same model with the given intermediate tensors also declared as graph outputs. */
function exposeTensors(modelBytes: Uint8Array, names: readonly string[]): Uint8Array {
  const model = decodeModel(modelBytes);
  const graph = model.graph as onnx.IGraphProto;
  const declared = new Set((graph.output ?? []).map((o) => o.name));
  for (const name of names) {
    if (!declared.has(name))
      graph.output?.push(
        onnx.ValueInfoProto.create({
          name,
          type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } },
        }),
      );
  }
  return encodeModel(model);
}
