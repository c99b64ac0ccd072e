// How a detection's review shows wherever the detection does (detection, detections, the queue): its queue
// status and reasons, each object's verdict, the missed objects. Built from the rows DetectionService includes.
import type { MissedObject, ObjectReview, Prisma, ReviewItem } from '../db/client';
import type { Box } from '../services/box';
import type { LabelView } from '../services/labels';
import type { ReviewReasonName } from './sampling';
import type { Verdict } from './statistics';

export type ReviewStatus = 'NOT_QUEUED' | 'QUEUED' | 'REVIEWED';

export interface ObjectReviewView {
  verdict: Verdict;
  /** The reviewer's label for wrong_label; null otherwise. */
  correctedLabel: LabelView | null;
  reviewerKeyId: string | null;
  at: Date;
}

export interface DetectionReviewView {
  status: ReviewStatus;
  reasons: ReviewReasonName[];
  /** Queue order (0–1, higher first); null when not queued. */
  priority: number | null;
  flaggedAt: Date | null;
  flagReason: string | null;
  reviewerKeyId: string | null;
  reviewedAt: Date | null;
  missed: { label: LabelView; box: Box }[];
}

/** What DetectionService includes so its views carry the review. */
export const reviewItemInclude = {
  include: { missed: { orderBy: { id: 'asc' } } },
} satisfies Prisma.ReviewItemDefaultArgs;

export type ReviewItemRow = ReviewItem & { missed: MissedObject[] };

/** The label a review names, as shown: (key, Chinese name as stored) → label. */
export type LabelOf = (key: string, zh: string) => LabelView;

export const NOT_QUEUED: DetectionReviewView = {
  status: 'NOT_QUEUED',
  reasons: [],
  priority: null,
  flaggedAt: null,
  flagReason: null,
  reviewerKeyId: null,
  reviewedAt: null,
  missed: [],
};

export function detectionReviewOf(item: ReviewItemRow | null, labelOf: LabelOf): DetectionReviewView {
  if (!item) return NOT_QUEUED;
  return {
    status: item.reviewedAt ? 'REVIEWED' : 'QUEUED',
    reasons: item.reasons,
    priority: item.reviewedAt ? null : item.priority,
    flaggedAt: item.flaggedAt,
    flagReason: item.flagReason,
    reviewerKeyId: item.reviewerKeyId,
    reviewedAt: item.reviewedAt,
    missed: item.missed.map((m) => ({
      label: labelOf(m.classKey, m.labelZh),
      box: { x: m.x, y: m.y, width: m.w, height: m.h },
    })),
  };
}

/** An object's verdict; null until its detection is reviewed (verdicts are only written with the review). */
export function objectReviewOf(
  review: ObjectReview | null,
  item: ReviewItemRow | null,
  labelOf: LabelOf,
): ObjectReviewView | null {
  if (!review || !item?.reviewedAt) return null;
  return {
    verdict: review.verdict,
    correctedLabel: review.correctedKey
      ? labelOf(review.correctedKey, review.correctedLabelZh ?? review.correctedKey)
      : null,
    reviewerKeyId: item.reviewerKeyId,
    at: item.reviewedAt,
  };
}
