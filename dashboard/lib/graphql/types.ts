// Shapes of the Wanshi GraphQL types as the dashboard selects them (mirrors api/src/graphql/*/types.ts).
// Dates arrive as ISO strings.

export type Role = 'APP' | 'REVIEWER' | 'ADMIN';
export type Precision = 'FP32' | 'FP16' | 'INT8' | 'INT4';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** 0 in any field: unlimited. */
export interface KeyLimits {
  requestsPerSecond: number;
  burst: number;
  imagesPerDay: number;
}

export type ApiKeyWithLimits = ApiKey & { limits: { effective: KeyLimits } };

export interface UsageDay {
  keyId: string;
  keyName: string;
  day: string;
  detections: number;
  images: number;
  objects: number;
  errors: number;
  rateLimited: number;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  secret: string;
}

export interface Label {
  key: string;
  zh: string;
  aliases: string[];
  pinyin: string;
  category: string;
  color: string;
  enabled: boolean;
  minScore: number | null;
  /** Where zh came from; UNTRANSLATED: zh is still the English key. */
  nameSource: LabelNameSource;
  /** Model classes the label covers; empty: the class named key. */
  classes: string[];
  /** Also covers the classes of these categories (fine or coarse). */
  categories: string[];
}

/** A category a label can have, and the coarse one it counts under (itself for a coarse one). */
export interface LabelCategory {
  name: string;
  level: 'FINE' | 'COARSE';
  coarse: string | null;
}

export type LabelNameSource = 'CURATED' | 'DICTIONARY' | 'ADMIN' | 'UNTRANSLATED';

/** The editable fields of a label, as `updateLabel` takes them. */
export type LabelEdit = Pick<Label, 'key' | 'zh' | 'aliases' | 'category' | 'color' | 'enabled' | 'minScore'>;

/** Which model classes a label shows, as `updateLabel` takes it (not in the CSV: it is per model). */
export type LabelMapping = Pick<Label, 'classes' | 'categories'>;

export interface LabelSetSummary {
  key: string;
  name: string;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface LabelSetVersion {
  labelSet: string;
  version: number | null;
  status: 'DRAFT' | 'PUBLISHED';
  publishedAt: string | null;
  labels: Label[];
}

export interface LabelChange {
  key: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  before: Label | null;
  after: Label | null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedObject {
  label: Pick<Label, 'key' | 'zh' | 'color' | 'category'>;
  score: number;
  box: Box;
}

export interface Detection {
  id: string;
  createdAt: string;
  image: { sha256: string; width: number; height: number };
  objects: DetectedObject[];
  model: { name: string; version: string; precision: Precision; inputSize: number };
  labelSet: string;
  labelSetVersion: number;
  timing: { queueMs: number; inferenceMs: number; totalMs: number; batchSize: number };
  executionProvider: string;
}

export interface Artifact {
  precision: Precision;
  inputSize: number | null;
  sha256: string;
  bytes: number;
}

export interface ModelVersion {
  id: string;
  name: string;
  version: string;
  family: string;
  labelSet: string;
  active: boolean;
  defaultPrecision: Precision;
  defaultInputSize: number;
  /** Why that profile is the default: an admin's choice, a measurement on the provider, the provider's rule. */
  defaultProfileBasis: {
    source: 'ADMIN' | 'MEASURED' | 'RULE' | 'MANIFEST';
    provider: string | null;
    reason: string;
  };
  artifacts: Artifact[];
  createdAt: string;
}

export interface ProfileResult {
  /** A benchmark profile: the request precisions and others, e.g. "fp16-storage". */
  precision: string;
  /** The precision a request names to run this profile (fp16-storage is listed as FP16). */
  servingPrecision: Precision;
  /** Whether a request for servingPrecision at inputSize runs this very artifact (what can become the default). */
  servable: boolean;
  inputSize: number;
  batchSize: number;
  imagesPerSecond: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  memoryMB: number;
  fileBytes: number;
  /** COCO mAP@[.5:.95] and mAP@.5, as fractions. */
  mAP: number | null;
  mAP50: number | null;
  /** mAP minus fp32's at the same size, in points (×100). */
  deltaMAP: number | null;
  /** F1 against fp32's confident detections, as a fraction. */
  agreement: number | null;
  /** Warnings in words, with the numbers behind them. */
  flags: string[];
  provider: string;
  measuredAt: string;
}

export type ProfileJobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** What startProfileBenchmark takes; omitted fields: every baked size, every profile, all images, full speed plan. */
export interface StartProfileBenchmarkInput {
  model: string;
  sizes?: number[];
  /** Benchmark profiles: fp32, fp16, fp16-storage, int8, int4. */
  precisions?: string[];
  maxImages?: number;
  batchSizes?: number[];
  speedRounds?: number;
}

export interface ProfileBenchmarkJob {
  id: string;
  model: string;
  version: string;
  status: ProfileJobStatus;
  parameters: { sizes: number[]; precisions: string[]; maxImages: number | null; speedRounds: number };
  /** The latest phase (build, accuracy, memory or speed) and message; null before the runner reported. */
  phase: string | null;
  message: string | null;
  /** The last progress lines, oldest first. */
  progress: { phase: string; message: string; at: string }[];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface LatencyPercentiles {
  /** Samples in the scheduler's sliding window; the percentiles mean nothing when 0. */
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export type ArtifactState = 'unloaded' | 'loading' | 'ready' | 'unloading';

export interface ArtifactStats {
  /** model@version/precision/inputSize */
  artifact: string;
  model: string;
  version: string;
  precision: Precision;
  inputSize: number;
  state: ArtifactState;
  executionProvider: string;
  queueDepthInteractive: number;
  queueDepthBulk: number;
  inFlight: number;
  batchSize: number;
  batchSizeLimitedBy: string;
  sessionMB: number | null;
  perImageMB: number | null;
  completed: number;
  failed: number;
  batches: number;
  totalMs: LatencyPercentiles;
}

export interface SchedulerStats {
  accepting: boolean;
  memoryBudgetMB: number;
  sessionsMB: number;
  activationsMB: number;
  processRssMB: number;
  artifacts: ArtifactStats[];
}

export interface AuditEntry {
  id: string;
  /** null for changes the server made itself */
  actorKeyId: string | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  at: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export type Verdict = 'CORRECT' | 'WRONG_LABEL' | 'NOT_OBJECT';
export type ReviewReason = 'LOW_SCORE' | 'BORDERLINE' | 'WATCHED_CLASS' | 'RANDOM' | 'FLAGGED';
export type ReviewStatus = 'NOT_QUEUED' | 'QUEUED' | 'REVIEWED';

export interface ObjectReview {
  verdict: Verdict;
  correctedLabel: Pick<Label, 'key' | 'zh' | 'color'> | null;
  reviewer: string | null;
  at: string;
}

export interface DetectionReview {
  status: ReviewStatus;
  reasons: ReviewReason[];
  priority: number | null;
  flagReason: string | null;
  reviewedAt: string | null;
  missed: { label: Pick<Label, 'key' | 'zh' | 'color'>; box: Box }[];
}

/** A detection as the review queue shows it: objects with their ids and verdicts, and its review. */
export interface ReviewableDetection extends Omit<Detection, 'objects'> {
  objects: (DetectedObject & { id: string; review: ObjectReview | null })[];
  review: DetectionReview;
}

export interface ReviewRules {
  enabled: boolean;
  lowScoreBelow: number | null;
  borderlineMargin: number | null;
  watchedClasses: string[];
  randomShare: number;
  hourlyCap: number;
  dailyCap: number;
}

type StatsLabel = Pick<Label, 'key' | 'zh' | 'color'>;

export interface ConfusionCell {
  /** null: background */
  predicted: StatsLabel | null;
  actual: StatsLabel | null;
  count: number;
}

export interface ReviewStats {
  images: number;
  objects: number;
  correct: number;
  missed: number;
  precision: number | null;
  classes: {
    label: StatsLabel;
    predicted: number;
    correct: number;
    wrongLabel: number;
    notObject: number;
    missed: number;
    precision: number | null;
    recall: number | null;
  }[];
  confusion: ConfusionCell[];
  mostConfused: ConfusionCell[];
  days: {
    day: string;
    images: number;
    objects: number;
    correct: number;
    missed: number;
    precision: number | null;
  }[];
}
