// Honest warnings on a profile, each stating the measurement behind it: slower than fp32 where it was measured,
// fp16 without half-precision kernels (a CPU), int8 whose Convs did not become integer kernels, int4 weights
// widened on every run, a real accuracy loss, or a provider that was not the one asked for.
import type { ExecutionProviderName } from '../config';
import type { KernelSummary } from './kernels';
import type { ProfileId } from './result';

export const FLAG_LIMITS = {
  /** Below this paired speed-up a profile is "slower" (what remains of timing noise after pairing is ~5%). */
  speedup: 0.9,
  /** mAP drop in points beyond which accuracy loss is flagged. */
  mapDropPoints: 1.0,
  /** Detection agreement with fp32 below which results visibly change. */
  agreement: 0.9,
};

export interface FlagFacts {
  precision: ProfileId;
  speedupVsFp32: number;
  deltaMAP: number;
  agreement: number;
  kernels: KernelSummary;
  fp32Kernels: KernelSummary;
  requestedProvider: ExecutionProviderName;
  provider: ExecutionProviderName;
}

export function profileFlags(facts: FlagFacts): string[] {
  const flags: string[] = [];
  const where = facts.provider;
  if (facts.precision !== 'fp32' && facts.speedupVsFp32 < FLAG_LIMITS.speedup) {
    flags.push(`slower than fp32 on ${where}: ${facts.speedupVsFp32.toFixed(2)}× its speed (paired runs)`);
  }
  const convs = facts.fp32Kernels.floatConvs + facts.fp32Kernels.integerConvs;
  if (facts.precision === 'fp16' && facts.kernels.halfConvs === 0) {
    flags.push(`no fp16 kernels on ${where}: all ${convs} Convs computed in float32 between Casts`);
  }
  if (facts.precision === 'int8' && facts.kernels.integerConvs === 0) {
    flags.push(`no fast int8 kernels on ${where}: 0 of ${convs} Convs run as integer kernels`);
  } else if (facts.precision === 'int8' && facts.kernels.integerConvs < convs) {
    flags.push(
      `partly integer on ${where}: ${facts.kernels.integerConvs} of ${convs} Convs run as integer kernels`,
    );
  }
  if (facts.precision === 'int4' && facts.kernels.runtimeDequantize > 0) {
    flags.push(
      `int4 weights widened to float on every run on ${where}: ${facts.kernels.runtimeDequantize} DequantizeLinear left after optimisation`,
    );
  }
  if (facts.deltaMAP < -FLAG_LIMITS.mapDropPoints)
    flags.push(`mAP ${facts.deltaMAP.toFixed(2)} points vs fp32`);
  if (facts.agreement < FLAG_LIMITS.agreement)
    flags.push(`agrees with fp32 on ${(facts.agreement * 100).toFixed(1)}% of confident boxes`);
  if (facts.provider !== facts.requestedProvider)
    flags.push(`ran on ${facts.provider}: ${facts.requestedProvider} was unavailable`);
  return flags;
}
