// Which profile (precision + input size) a model version serves when a request names none and no admin chose
// one: the fastest profile that keeps fp32's accuracy as measured on this execution provider, else a rule per
// provider. Pure: the model service feeds it the version's artifacts and its latest measurements.
import type { ExecutionProviderName } from '../config';
import type { Precision } from '../../../models/src/repository/manifest';

export type DefaultProfileSource = 'admin' | 'measured' | 'rule' | 'manifest';

/** Why a version's default profile is what it is; stored with it and shown on the Models page. */
export interface DefaultProfileBasis {
  source: DefaultProfileSource;
  /** The execution provider the choice was made for; null for an admin's or the manifest's choice. */
  provider: string | null;
  reason: string;
}

export interface DefaultProfile {
  precision: Precision;
  inputSize: number;
  basis: DefaultProfileBasis;
}

/** One profile's latest measurement on the provider (a profile benchmark job's result). */
export interface MeasuredProfile {
  profile: string;
  inputSize: number;
  imagesPerSecond: number;
  /** Fraction, 0..1. */
  mAP: number;
  /** Versus fp32 at the same size, in points. */
  deltaMAP: number;
}

export interface DefaultProfileQuestion {
  provider: ExecutionProviderName;
  /** Whether an artifact serves this precision at this size. */
  supports(precision: Precision, inputSize: number): boolean;
  /** The manifest's own default: the answer when nothing else applies. */
  manifestDefault: { precision: Precision; inputSize: number };
  measured: readonly MeasuredProfile[];
}

/** The size the rule serves at: the measured sweet spot on a 2-core CPU (and NanoDet's usual). */
export const RULE_INPUT_SIZE = 320;
/** A profile may replace fp32 as the default only if its mAP is at most this many points below fp32's. */
export const MAX_DEFAULT_MAP_DROP = 0.5;

/**
 * The rule per provider, most preferred first, with the evidence behind it. On cpu: int8 measured 1.6–2.0×
 * fp32's inference speed at 320 on this project's 2-core machine with coco64 mAP 36.54 vs 36.33 (issue 13,
 * bench/profiles.md). On GPU providers: fp16 halves weight and activation traffic; not measured on a GPU here
 * (no GPU was available), so a measurement on the provider overrides it, fp32 included where fp16 is slower.
 */
const GPU_WHY =
  'fp16 halves weight and activation memory traffic on a GPU; not yet measured on one, so a profile benchmark on this provider decides (fp32 where fp16 measures slower)';

const RULES: Record<ExecutionProviderName, { order: Precision[]; why: string }> = {
  cpu: {
    order: ['int8', 'fp32'],
    why: 'int8 ran 1.6–2.0× fp32 inference speed on a 2-core CPU at coco64 mAP 36.54 vs 36.33 (bench/profiles.md)',
  },
  webgpu: { order: ['fp16', 'fp32'], why: GPU_WHY },
  cuda: { order: ['fp16', 'fp32'], why: GPU_WHY },
  tensorrt: { order: ['fp16', 'fp32'], why: GPU_WHY },
};

/** Only profiles named after a precision: fp16-storage is listed as fp16, and a request for fp16 gets fp16. */
const SERVABLE = new Set<string>(['fp32', 'fp16', 'int8', 'int4']);

export function chooseDefaultProfile(q: DefaultProfileQuestion): DefaultProfile {
  const inputSize = q.supports('fp32', RULE_INPUT_SIZE) ? RULE_INPUT_SIZE : q.manifestDefault.inputSize;
  return measuredChoice(q, inputSize) ?? ruleChoice(q, inputSize) ?? manifestChoice(q);
}

function measuredChoice(q: DefaultProfileQuestion, inputSize: number): DefaultProfile | undefined {
  const atSize = q.measured.filter((m) => m.inputSize === inputSize);
  const fp32 = atSize.find((m) => m.profile === 'fp32');
  if (!fp32) return undefined;
  const eligible = atSize
    .filter((m) => SERVABLE.has(m.profile) && m.deltaMAP >= -MAX_DEFAULT_MAP_DROP)
    .filter((m) => q.supports(m.profile as Precision, inputSize))
    .sort((a, b) => b.imagesPerSecond - a.imagesPerSecond);
  const best = eligible[0];
  if (!best) return undefined;
  const line = (m: MeasuredProfile) =>
    `${m.profile} ${m.imagesPerSecond.toFixed(1)} img/s, mAP ${(m.mAP * 100).toFixed(2)}`;
  const others = atSize.filter((m) => m !== best && SERVABLE.has(m.profile)).map(line);
  return {
    precision: best.profile as Precision,
    inputSize,
    basis: {
      source: 'measured',
      provider: q.provider,
      reason:
        `fastest profile at ${inputSize} within ${MAX_DEFAULT_MAP_DROP} mAP points of fp32, measured on ${q.provider}: ` +
        [line(best), ...others].join('; '),
    },
  };
}

function ruleChoice(q: DefaultProfileQuestion, inputSize: number): DefaultProfile | undefined {
  const rule = RULES[q.provider];
  const precision = rule.order.find((p) => q.supports(p, inputSize));
  if (!precision) return undefined;
  return {
    precision,
    inputSize,
    basis: {
      source: 'rule',
      provider: q.provider,
      reason:
        precision === rule.order[0]
          ? `rule for ${q.provider}: ${precision} at ${inputSize} (no profile benchmark on ${q.provider} yet); ${rule.why}`
          : `rule for ${q.provider}: ${precision} at ${inputSize}, as this version has no ${rule.order[0]} artifact there`,
    },
  };
}

function manifestChoice(q: DefaultProfileQuestion): DefaultProfile {
  return { ...q.manifestDefault, basis: MANIFEST_BASIS };
}

export const MANIFEST_BASIS: DefaultProfileBasis = {
  source: 'manifest',
  provider: null,
  reason: "the model manifest's default profile",
};

export const ADMIN_BASIS: DefaultProfileBasis = {
  source: 'admin',
  provider: null,
  reason: 'chosen by an admin (setDefaultProfile); kept whatever the provider or measurements',
};
