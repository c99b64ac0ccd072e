// The arithmetic of linear quantization, q = clamp(round(x / scale) + zeroPoint), as onnxruntime's
// QuantizeLinear/DequantizeLinear and QLinearConv define it.

export type ActivationType = 'uint8' | 'int8';

export interface QuantParams {
  scale: number;
  zeroPoint: number;
  type: ActivationType;
}

const LIMITS: Record<ActivationType, [number, number]> = { uint8: [0, 255], int8: [-128, 127] };

/** Affine parameters covering [min, max]; the range is widened to hold 0 so that zero (padding) is exact. */
export function activationParams(min: number, max: number, type: ActivationType): QuantParams {
  const [qmin, qmax] = LIMITS[type];
  const low = Math.min(min, 0);
  const high = Math.max(max, 0);
  const scale = high > low ? (high - low) / (qmax - qmin) : 1;
  const zeroPoint = Math.min(qmax, qmin + Math.round(-low / scale));
  return { scale, zeroPoint, type };
}

export interface PerChannelWeights {
  values: Int8Array;
  /** One scale per output channel (axis 0). */
  scales: Float32Array;
}

/** Symmetric int8 per output channel in [-127, 127] (zero point 0), the form QLinearConv's fast paths take. */
export function quantizeWeightsPerChannel(weights: Float32Array, outputChannels: number): PerChannelWeights {
  const perChannel = weights.length / outputChannels;
  const values = new Int8Array(weights.length);
  const scales = new Float32Array(outputChannels);
  for (let c = 0; c < outputChannels; c++) {
    let absMax = 0;
    for (let i = c * perChannel; i < (c + 1) * perChannel; i++)
      absMax = Math.max(absMax, Math.abs(weights[i]));
    const scale = absMax > 0 ? absMax / 127 : 1;
    scales[c] = scale;
    for (let i = c * perChannel; i < (c + 1) * perChannel; i++) values[i] = Math.round(weights[i] / scale);
  }
  return { values, scales };
}

/** Bias as int32 in the accumulator's scale (input scale × weight scale per channel), as QLinearConv adds it. */
export function quantizeBias(
  bias: Float32Array,
  inputScale: number,
  weightScales: Float32Array,
): { values: Int32Array; scales: Float32Array } {
  const scales = weightScales.map((weightScale) => inputScale * weightScale);
  const values = Int32Array.from(bias, (b, c) => Math.round(b / scales[c]));
  return { values, scales };
}
