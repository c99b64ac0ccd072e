// The rules an admin sets for which detections are sampled into the review queue.
import { z } from 'zod';

export interface ReviewRules {
  enabled: boolean;
  /** Sample a detection with an object scoring below this; null: off. */
  lowScoreBelow: number | null;
  /** Sample a detection with an object within this of its class threshold (|score − threshold| < margin); null: off. */
  borderlineMargin: number | null;
  /** Sample every detection with one of these classes (label keys). */
  watchedClasses: string[];
  /** Share (0–1) of all detections sampled at random, whatever they contain. */
  randomShare: number;
  /** Most detections sampled per rolling hour and per rolling day, so the queue stays workable. */
  hourlyCap: number;
  dailyCap: number;
}

/**
 * Until an admin changes them: near-threshold objects (where models are most often wrong) and a small random
 * share (which catches what the model is confidently wrong about), about one reviewer-hour a day.
 */
export const DEFAULT_REVIEW_RULES: ReviewRules = {
  enabled: true,
  lowScoreBelow: null,
  borderlineMargin: 0.05,
  watchedClasses: [],
  randomShare: 0.01,
  hourlyCap: 60,
  dailyCap: 300,
};

const share = z.number().min(0).max(1);
const cap = z.number().int().min(0).max(100_000);

export const reviewRulesSchema = z
  .object({
    enabled: z.boolean(),
    lowScoreBelow: share.nullable(),
    borderlineMargin: z.number().gt(0).max(1).nullable(),
    watchedClasses: z.array(z.string().trim().min(1).max(64)).max(200),
    randomShare: share,
    hourlyCap: cap,
    dailyCap: cap,
  })
  .refine((rules) => rules.hourlyCap <= rules.dailyCap, {
    message: 'hourlyCap cannot exceed dailyCap',
    path: ['hourlyCap'],
  });
