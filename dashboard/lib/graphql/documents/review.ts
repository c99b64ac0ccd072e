import { operation } from '../operation';
import type { ReviewableDetection, ReviewRules, ReviewStats, Verdict } from '../types';

const LABEL = 'key zh color';
const REVIEWABLE_FIELDS = `
  id createdAt labelSet labelSetVersion executionProvider
  image { sha256 width height }
  objects { id score label { ${LABEL} category } box { x y width height }
    review { verdict correctedLabel { ${LABEL} } reviewer at } }
  model { name version precision inputSize }
  timing { queueMs inferenceMs totalMs batchSize }
  review { status reasons priority flagReason reviewedAt missed { label { ${LABEL} } box { x y width height } } }`;

export const REVIEW_QUEUE = operation<
  { reviewQueue: { totalCount: number; items: ReviewableDetection[] } },
  { labelSet?: string; first: number }
>(`query ReviewQueue($labelSet: String, $first: Int) {
  reviewQueue(labelSet: $labelSet, first: $first) { totalCount items { ${REVIEWABLE_FIELDS} } }
}`);

/** Holds a detection while it is on screen, so other reviewers' queues skip it. */
export const CLAIM_REVIEW = operation<{ claimReview: { claimedUntil: string } }, { detectionId: string }>(
  `mutation ClaimReview($detectionId: ID!) { claimReview(detectionId: $detectionId) { claimedUntil } }`,
);

export const SKIP_REVIEW = operation<{ skipReview: boolean }, { detectionId: string }>(
  `mutation SkipReview($detectionId: ID!) { skipReview(detectionId: $detectionId) }`,
);

export interface ReviewDetectionInput {
  detectionId: string;
  objects: { objectId: string; verdict: Verdict; correctedLabel?: string }[];
  missed: { label: string; box: { x: number; y: number; width: number; height: number } }[];
}

export const REVIEW_DETECTION = operation<
  { reviewDetection: Pick<ReviewableDetection, 'id' | 'review'> },
  { input: ReviewDetectionInput }
>(`mutation ReviewDetection($input: ReviewDetectionInput!) {
  reviewDetection(input: $input) { id review { status reasons priority flagReason reviewedAt missed { label { ${LABEL} } box { x y width height } } } }
}`);

const CELL = `predicted { ${LABEL} } actual { ${LABEL} } count`;

export const REVIEW_STATS = operation<
  { reviewStats: ReviewStats },
  { labelSet: string; from?: string; to?: string; timeZone?: string }
>(`query ReviewStats($labelSet: String!, $from: DateTimeISO, $to: DateTimeISO, $timeZone: String) {
  reviewStats(labelSet: $labelSet, from: $from, to: $to, timeZone: $timeZone) {
    images objects correct missed precision
    classes { label { ${LABEL} } predicted correct wrongLabel notObject missed precision recall }
    confusion { ${CELL} }
    mostConfused { ${CELL} }
    days { day images objects correct missed precision }
  }
}`);

const RULES_FIELDS = 'enabled lowScoreBelow borderlineMargin watchedClasses randomShare hourlyCap dailyCap';

export const REVIEW_RULES = operation<{ reviewRules: ReviewRules }>(
  `query ReviewRules { reviewRules { ${RULES_FIELDS} } }`,
);

export const UPDATE_REVIEW_RULES = operation<{ updateReviewRules: ReviewRules }, { input: ReviewRules }>(
  `mutation UpdateReviewRules($input: ReviewRulesInput!) { updateReviewRules(input: $input) { ${RULES_FIELDS} } }`,
);

export const DETECTION_REVIEW = operation<
  { detection: Pick<ReviewableDetection, 'objects' | 'review'> },
  { id: string }
>(`query DetectionReview($id: ID!) {
  detection(id: $id) {
    objects { id score label { ${LABEL} category } box { x y width height } review { verdict correctedLabel { ${LABEL} } reviewer at } }
    review { status reasons priority flagReason reviewedAt missed { label { ${LABEL} } box { x y width height } } }
  }
}`);
