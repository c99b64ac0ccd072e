// Which precision and input size combinations a model version can run, from its artifacts.
import type { ModelVersionFragment, Precision } from './graphql/generated/graphql';

/** The sizes the API accepts for an artifact whose input size is symbolic (DetectInput.inputSize). */
export const SYMBOLIC_INPUT_SIZES = [160, 224, 320, 416, 512, 640] as const;

export interface Profile {
  precision: Precision;
  inputSize: number;
}

export function precisionsOf(model: ModelVersionFragment): Precision[] {
  return [...new Set(model.artifacts.map((artifact) => artifact.precision))];
}

export function inputSizesOf(model: ModelVersionFragment, precision: Precision): number[] {
  const sizes = new Set<number>();
  for (const artifact of model.artifacts) {
    if (artifact.precision !== precision) continue;
    for (const size of artifact.inputSize === null ? SYMBOLIC_INPUT_SIZES : [artifact.inputSize])
      sizes.add(size);
  }
  return [...sizes].sort((a, b) => a - b);
}

export function defaultProfileOf(model: ModelVersionFragment): Profile {
  return { precision: model.defaultPrecision, inputSize: model.defaultInputSize };
}

/** Keeps the size when the new precision offers it, otherwise picks the nearest one it does. */
export function withPrecision(model: ModelVersionFragment, profile: Profile, precision: Precision): Profile {
  const sizes = inputSizesOf(model, precision);
  if (sizes.includes(profile.inputSize) || sizes.length === 0)
    return { precision, inputSize: profile.inputSize };
  const nearest = sizes.reduce((best, size) =>
    Math.abs(size - profile.inputSize) < Math.abs(best - profile.inputSize) ? size : best,
  );
  return { precision, inputSize: nearest };
}

/**
 * Benchmarks measure more profiles than requests can name (e.g. fp16-storage: half-precision weights only),
 * so benchmark precisions are plain strings, normalised here to one spelling: "FP16-STORAGE".
 */
export function profileName(precision: string): string {
  return precision.toUpperCase().replace(/_/g, '-');
}

/** One colour per profile, used wherever profiles are charted. */
const PROFILE_COLORS: Record<string, string> = {
  FP32: '#1c7ed6',
  FP16: '#2f9e44',
  'FP16-STORAGE': '#0ca678',
  INT8: '#f08c00',
  INT4: '#e03131',
};

export function profileColor(precision: string): string {
  return PROFILE_COLORS[profileName(precision)] ?? '#868e96';
}

/** The profiles a benchmark measures, fp32 first: it is the baseline every other profile is compared with. */
export const BENCHMARK_PROFILES = ['fp32', 'fp16', 'fp16-storage', 'int8', 'int4'] as const;

/** Input sizes a benchmark can measure: those with an fp32 artifact baked at them (profiles are made from it). */
export function bakedSizesOf(model: ModelVersionFragment): number[] {
  const sizes = model.artifacts
    .filter((artifact) => artifact.precision === 'FP32' && artifact.inputSize !== null)
    .map((artifact) => artifact.inputSize as number);
  return [...new Set(sizes)].sort((a, b) => a - b);
}
