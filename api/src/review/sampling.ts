// Which detections go to review, and in what order: the pure decision, given the rules and a source of
// randomness (injected, so tests can seed it).
import type { ReviewRules } from './rules';

const REVIEW_REASONS = ['low_score', 'borderline', 'watched_class', 'random', 'flagged'] as const;
export type ReviewReasonName = (typeof REVIEW_REASONS)[number];

/** Uniform in [0, 1), like Math.random. */
export type Random = () => number;

export interface ScoredObject {
  classKey: string;
  score: number;
  /** The score the object had to reach to be kept: its label's minScore, else the request's. */
  threshold: number;
}

export interface SamplingDecision {
  reasons: ReviewReasonName[];
  priority: number;
}

/**
 * How unsure the model was about one object, 0–1: 1 at its threshold, falling linearly to 0 at score 1.
 * Kept objects are at or above their threshold, so closeness to it is what makes an object doubtful (the
 * "least confident" ordering of Label Studio and FiftyOne's mistakenness without ground truth).
 */
export function uncertainty({ score, threshold }: ScoredObject): number {
  if (threshold >= 1) return 1;
  return Math.min(1, Math.max(0, 1 - Math.abs(score - threshold) / (1 - threshold)));
}

/** The queue order of a detection: its least certain object's uncertainty; 0 for a detection with none. */
export function reviewPriority(objects: readonly ScoredObject[]): number {
  return objects.reduce((most, object) => Math.max(most, uncertainty(object)), 0);
}

/**
 * The reasons to sample this detection, or null if none applies. `random` is called exactly once per decision
 * while the rules are enabled, so a seeded source gives the same picks for the same sequence of detections.
 */
export function decideSampling(
  objects: readonly ScoredObject[],
  rules: ReviewRules,
  random: Random,
): SamplingDecision | null {
  if (!rules.enabled) return null;
  const drawn = random() < rules.randomShare;
  const { lowScoreBelow, borderlineMargin } = rules;
  const watched = new Set(rules.watchedClasses);
  const applies: Record<Exclude<ReviewReasonName, 'flagged'>, boolean> = {
    low_score: lowScoreBelow !== null && objects.some((o) => o.score < lowScoreBelow),
    borderline:
      borderlineMargin !== null && objects.some((o) => Math.abs(o.score - o.threshold) < borderlineMargin),
    watched_class: objects.some((o) => watched.has(o.classKey)),
    random: drawn,
  };
  const reasons = REVIEW_REASONS.filter((reason) => reason !== 'flagged' && applies[reason]);
  return reasons.length ? { reasons, priority: reviewPriority(objects) } : null;
}
