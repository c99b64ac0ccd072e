/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** A file sent with the GraphQL multipart request spec (multipart/form-data: operations, map, files) */
  Upload: { input: File; output: File; }
};

export type AddLabelInput = {
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  category?: InputMaybe<Scalars['String']['input']>;
  classes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Default: from the category */
  color?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  labelSet: Scalars['String']['input'];
  /** Default: named from the key (curated lists, dictionary) */
  zh?: InputMaybe<Scalars['String']['input']>;
};

/** Omitted: unchanged; null: back to the default; 0: unlimited */
export type ApiKeyLimitsInput = {
  burst?: InputMaybe<Scalars['Int']['input']>;
  imagesPerDay?: InputMaybe<Scalars['Int']['input']>;
  requestsPerSecond?: InputMaybe<Scalars['Int']['input']>;
};

export type BoxInput = {
  height: Scalars['Float']['input'];
  width: Scalars['Float']['input'];
  x: Scalars['Float']['input'];
  y: Scalars['Float']['input'];
};

export type CreateApiKeyInput = {
  name: Scalars['String']['input'];
  role: Role;
};

export type CreateLabelSetInput = {
  /** Model class keys: each becomes a label with its Chinese name, pinyin, category and colour */
  classes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Key of a label set to copy */
  cloneFrom?: InputMaybe<Scalars['String']['input']>;
  /** Published version to copy; default the latest */
  cloneVersion?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** With classes: publish them as version 1 at once */
  publish?: InputMaybe<Scalars['Boolean']['input']>;
};

/** ADMIN: set with setDefaultProfile and kept; MEASURED: the fastest profile within 0.5 mAP points of fp32 in a profile benchmark on this provider; RULE: the provider's rule (cpu: int8 at 320; GPU: fp16 at 320); MANIFEST: the model manifest's default */
export type DefaultProfileSource =
  | 'ADMIN'
  | 'MANIFEST'
  | 'MEASURED'
  | 'RULE';

export type DetectInput = {
  /** The photo as a multipart upload (a third fewer bytes than base64); or send imageBase64 */
  image?: InputMaybe<Scalars['Upload']['input']>;
  /** The photo (JPEG, PNG, WebP or AVIF; not HEIC), base64-encoded; or send it as image */
  imageBase64?: InputMaybe<Scalars['String']['input']>;
  /** A size the version has an artifact baked at, or for a symbolic one 160, 224, 320, 416, 512, 640 */
  inputSize?: InputMaybe<Scalars['Int']['input']>;
  /** Label set key; default: the model label set, latest published */
  labelSet?: InputMaybe<Scalars['String']['input']>;
  /** Answer only these labels of the label set (keys or Chinese names); default: all enabled */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  maxObjects?: InputMaybe<Scalars['Int']['input']>;
  minScore?: InputMaybe<Scalars['Float']['input']>;
  /** Model name; default: the active model */
  model?: InputMaybe<Scalars['String']['input']>;
  /** Default PER_LABEL */
  nms?: InputMaybe<Nms>;
  precision?: InputMaybe<Precision>;
  /** Whether the review rules may sample this detection into the review queue (default true); the dashboard's Try it sends false unless asked */
  sampleForReview?: InputMaybe<Scalars['Boolean']['input']>;
  /** Give up if not started within this many ms */
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

export type DetectionFilter = {
  apiKeyId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  labelKey?: InputMaybe<Scalars['String']['input']>;
  minScore?: InputMaybe<Scalars['Float']['input']>;
  model?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** CURATED: a checked list; DICTIONARY: the RAM dictionary, to check; ADMIN: saved by an admin; UNTRANSLATED: zh is the English key */
export type LabelNameSource =
  | 'ADMIN'
  | 'CURATED'
  | 'DICTIONARY'
  | 'UNTRANSLATED';

export type MissedObjectInput = {
  /** In original-image pixels */
  box: BoxInput;
  /** Label key */
  label: Scalars['String']['input'];
};

/** Which overlapping boxes are one object */
export type Nms =
  /** All boxes: one object never comes back under two labels */
  | 'CLASS_AGNOSTIC'
  /** Boxes of one model class, even where a label merges classes */
  | 'PER_CLASS'
  /** Boxes shown under one label (classes a label set merges compete); the default */
  | 'PER_LABEL';

export type ObjectVerdictInput = {
  /** Label key, for WRONG_LABEL */
  correctedLabel?: InputMaybe<Scalars['String']['input']>;
  objectId: Scalars['ID']['input'];
  verdict: Verdict;
};

/** Numeric precision of a model artifact */
export type Precision =
  | 'FP16'
  | 'FP32'
  | 'INT4'
  | 'INT8';

export type ProfileJobStatus =
  /** Stopped by an admin (error says who); nothing it measured was kept */
  | 'CANCELLED'
  | 'FAILED'
  /** Started; its runner process has not reported yet */
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ReviewDetectionInput = {
  detectionId: Scalars['ID']['input'];
  missed?: InputMaybe<Array<MissedObjectInput>>;
  /** One verdict for every object of the detection */
  objects: Array<ObjectVerdictInput>;
};

/** Why a detection entered the review queue */
export type ReviewReason =
  | 'BORDERLINE'
  | 'FLAGGED'
  | 'LOW_SCORE'
  | 'RANDOM'
  | 'WATCHED_CLASS';

export type ReviewRulesInput = {
  borderlineMargin?: InputMaybe<Scalars['Float']['input']>;
  dailyCap: Scalars['Int']['input'];
  enabled: Scalars['Boolean']['input'];
  hourlyCap: Scalars['Int']['input'];
  lowScoreBelow?: InputMaybe<Scalars['Float']['input']>;
  randomShare: Scalars['Float']['input'];
  watchedClasses: Array<Scalars['String']['input']>;
};

export type ReviewStatus =
  | 'NOT_QUEUED'
  | 'QUEUED'
  | 'REVIEWED';

/** app: detect and its own history; reviewer: read history, review; admin: everything */
export type Role =
  | 'ADMIN'
  | 'APP'
  | 'REVIEWER';

/** Omitted fields: every baked size, every profile, all images, the full speed plan */
export type StartProfileBenchmarkInput = {
  /** COCO instances file for imagesDir */
  annotationsFile?: InputMaybe<Scalars['String']['input']>;
  /** Batch sizes timed (default 1, 2, 4, 8) */
  batchSizes?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Evaluation images folder on the server; default: the configured set */
  imagesDir?: InputMaybe<Scalars['String']['input']>;
  /** Measure accuracy on the first this many images only */
  maxImages?: InputMaybe<Scalars['Int']['input']>;
  model: Scalars['String']['input'];
  /** Profiles: fp32, fp16, fp16-storage, int8, int4 */
  precisions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Input sizes with an fp32 artifact baked at them */
  sizes?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Interleaved speed rounds (default 5) */
  speedRounds?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to one label of a label set draft; omitted fields stay as they are */
export type UpdateLabelInput = {
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Categories whose classes it covers */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  category?: InputMaybe<Scalars['String']['input']>;
  /** Model classes the label covers */
  classes?: InputMaybe<Array<Scalars['String']['input']>>;
  color?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  key: Scalars['String']['input'];
  labelSet: Scalars['String']['input'];
  /** Send null to use the request threshold */
  minScore?: InputMaybe<Scalars['Float']['input']>;
  /** Marks the name as the admin’s (checked); pinyin follows it */
  zh?: InputMaybe<Scalars['String']['input']>;
};

export type Verdict =
  | 'CORRECT'
  /** A false positive: there is no object there */
  | 'NOT_OBJECT'
  | 'WRONG_LABEL';

export type DeviceBundlesQueryVariables = Exact<{
  model?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeviceBundlesQuery = { deviceBundles: Array<{ model: string, version: string, profile: string, precision: string, inputSize: number, url: string, bytes: number, sha256: string, modelBytes: number, modelSha256: string, labelSet: string, labelSetVersion: number, measured: { imagesPerSecond: number, latencyP50Ms: number, mAP: number, mAP50: number, provider: string, measuredAt: string } | null }> };

export type BoxFragment = { x: number, y: number, width: number, height: number };

export type DetectedObjectFragment = { score: number, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } };

export type DetectionFragment = { id: string, createdAt: string, labelSet: string, labelSetVersion: number, executionProvider: string, image: { sha256: string, width: number, height: number }, objects: Array<{ score: number, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } }>, model: { name: string, version: string, precision: Precision, inputSize: number }, timing: { queueMs: number, inferenceMs: number, totalMs: number, batchSize: number } };

export type DetectMutationVariables = Exact<{
  input: DetectInput;
}>;


export type DetectMutation = { detect: { id: string, createdAt: string, labelSet: string, labelSetVersion: number, executionProvider: string, image: { sha256: string, width: number, height: number }, objects: Array<{ score: number, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } }>, model: { name: string, version: string, precision: Precision, inputSize: number }, timing: { queueMs: number, inferenceMs: number, totalMs: number, batchSize: number } } };

export type DetectionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DetectionQuery = { detection: { id: string, createdAt: string, labelSet: string, labelSetVersion: number, executionProvider: string, image: { sha256: string, width: number, height: number }, objects: Array<{ score: number, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } }>, model: { name: string, version: string, precision: Precision, inputSize: number }, timing: { queueMs: number, inferenceMs: number, totalMs: number, batchSize: number } } };

export type DetectionsQueryVariables = Exact<{
  filter?: InputMaybe<DetectionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DetectionsQuery = { detections: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, createdAt: string, labelSet: string, labelSetVersion: number, executionProvider: string, image: { sha256: string, width: number, height: number }, objects: Array<{ score: number, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } }>, model: { name: string, version: string, precision: Precision, inputSize: number }, timing: { queueMs: number, inferenceMs: number, totalMs: number, batchSize: number } } }> } };

export type ApiKeyFragment = { id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type KeyLimitsFragment = { requestsPerSecond: number, burst: number, imagesPerDay: number };

export type ApiKeyWithLimitsFragment = { id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, limits: { effective: { requestsPerSecond: number, burst: number, imagesPerDay: number } } };

export type UsageDayFragment = { keyId: string, keyName: string, day: string, detections: number, images: number, objects: number, errors: number, rateLimited: number };

export type CreatedApiKeyFragment = { secret: string, apiKey: { id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, limits: { effective: { requestsPerSecond: number, burst: number, imagesPerDay: number } } }> };

export type UsageQueryVariables = Exact<{
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsageQuery = { usage: Array<{ keyId: string, keyName: string, day: string, detections: number, images: number, objects: number, errors: number, rateLimited: number }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type LabelFragment = { key: string, zh: string, aliases: Array<string>, pinyin: string, category: string, color: string, enabled: boolean, minScore: number | null, nameSource: LabelNameSource, classes: Array<string>, categories: Array<string> };

export type LabelSetSummaryFragment = { key: string, name: string, latestVersion: number | null, hasDraft: boolean };

export type LabelSetVersionFragment = { labelSet: string, version: number | null, status: string, publishedAt: string | null, labels: Array<{ key: string, zh: string, aliases: Array<string>, pinyin: string, category: string, color: string, enabled: boolean, minScore: number | null, nameSource: LabelNameSource, classes: Array<string>, categories: Array<string> }> };

export type LabelCategoryFragment = { name: string, level: string, coarse: string | null };

export type LabelChangeFragment = { key: string, change: string, before: { key: string, zh: string, aliases: Array<string>, pinyin: string, category: string, color: string, enabled: boolean, minScore: number | null, nameSource: LabelNameSource, classes: Array<string>, categories: Array<string> } | null, after: { key: string, zh: string, aliases: Array<string>, pinyin: string, category: string, color: string, enabled: boolean, minScore: number | null, nameSource: LabelNameSource, classes: Array<string>, categories: Array<string> } | null };

export type AuditEntryFragment = { id: string, actorKeyId: string | null, action: string, entity: string, before: unknown | null, after: unknown | null, at: string };

export type LabelSetsQueryVariables = Exact<{ [key: string]: never; }>;


export type LabelSetsQuery = { labelSets: Array<{ key: string, name: string, latestVersion: number | null, hasDraft: boolean }> };

export type LabelSetQueryVariables = Exact<{
  key: Scalars['String']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
  draft?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LabelSetQuery = { labelSet: { labelSet: string, version: number | null, status: string, publishedAt: string | null, labels: Array<{ key: string, zh: string, aliases: Array<string>, pinyin: string, category: string, color: string, enabled: boolean, minScore: number | null, nameSource: LabelNameSource, classes: Array<string>, categories: Array<string> }> } };

export type LabelCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type LabelCategoriesQuery = { labelCategories: Array<{ name: string, level: string, coarse: string | null }> };

export type LabelSetDiffQueryVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type LabelSetDiffQuery = { labelSetDiff: Array<{ key: string, change: string, before: { key: string, zh: string, aliases: Array<string>, pinyin: string, category: string, color: string, enabled: boolean, minScore: number | null, nameSource: LabelNameSource, classes: Array<string>, categories: Array<string> } | null, after: { key: string, zh: string, aliases: Array<string>, pinyin: string, category: string, color: string, enabled: boolean, minScore: number | null, nameSource: LabelNameSource, classes: Array<string>, categories: Array<string> } | null }> };

export type CreateLabelSetMutationVariables = Exact<{
  input: CreateLabelSetInput;
}>;


export type CreateLabelSetMutation = { createLabelSet: { key: string, name: string, latestVersion: number | null, hasDraft: boolean } };

export type AddLabelMutationVariables = Exact<{
  input: AddLabelInput;
}>;


export type AddLabelMutation = { addLabel: { key: string } };

export type UpdateLabelMutationVariables = Exact<{
  input: UpdateLabelInput;
}>;


export type UpdateLabelMutation = { updateLabel: { key: string } };

export type PublishLabelSetMutationVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type PublishLabelSetMutation = { publishLabelSet: { version: number | null } };

export type AuditLogQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, actorKeyId: string | null, action: string, entity: string, before: unknown | null, after: unknown | null, at: string } }> } };

export type ModelVersionFragment = { id: string, name: string, version: string, family: string, labelSet: string, active: boolean, defaultPrecision: Precision, defaultInputSize: number, createdAt: string, defaultProfileBasis: { source: DefaultProfileSource, provider: string | null, reason: string }, artifacts: Array<{ precision: Precision, inputSize: number | null, sha256: string, bytes: number }> };

export type ProfileResultFragment = { precision: string, servingPrecision: Precision, servable: boolean, inputSize: number, batchSize: number, imagesPerSecond: number, latencyP50Ms: number, latencyP95Ms: number, memoryMB: number, fileBytes: number, mAP: number, mAP50: number, deltaMAP: number, agreement: number, flags: Array<string>, provider: string, measuredAt: string };

export type LatencyPercentilesFragment = { count: number, p50: number, p90: number, p99: number, max: number };

export type ArtifactStatsFragment = { artifact: string, model: string, version: string, precision: Precision, inputSize: number, state: string, executionProvider: string, queueDepthInteractive: number, queueDepthBulk: number, inFlight: number, batchSize: number, batchSizeLimitedBy: string, sessionMB: number | null, perImageMB: number | null, completed: number, failed: number, batches: number, totalMs: { count: number, p50: number, p90: number, p99: number, max: number } };

export type SchedulerStatsFragment = { accepting: boolean, memoryBudgetMB: number, sessionsMB: number, activationsMB: number, processRssMB: number, artifacts: Array<{ artifact: string, model: string, version: string, precision: Precision, inputSize: number, state: string, executionProvider: string, queueDepthInteractive: number, queueDepthBulk: number, inFlight: number, batchSize: number, batchSizeLimitedBy: string, sessionMB: number | null, perImageMB: number | null, completed: number, failed: number, batches: number, totalMs: { count: number, p50: number, p90: number, p99: number, max: number } }> };

export type ModelVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelVersionsQuery = { modelVersions: Array<{ id: string, name: string, version: string, family: string, labelSet: string, active: boolean, defaultPrecision: Precision, defaultInputSize: number, createdAt: string, defaultProfileBasis: { source: DefaultProfileSource, provider: string | null, reason: string }, artifacts: Array<{ precision: Precision, inputSize: number | null, sha256: string, bytes: number }> }> };

export type ModelFamiliesQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelFamiliesQuery = { modelFamilies: Array<string> };

export type ActivateModelVersionMutationVariables = Exact<{
  name: Scalars['String']['input'];
  version: Scalars['String']['input'];
}>;


export type ActivateModelVersionMutation = { activateModelVersion: { id: string, active: boolean } };

export type SetDefaultProfileMutationVariables = Exact<{
  model: Scalars['String']['input'];
  precision: Precision;
  inputSize: Scalars['Int']['input'];
}>;


export type SetDefaultProfileMutation = { setDefaultProfile: { id: string } };

export type ProfileComparisonQueryVariables = Exact<{
  model: Scalars['String']['input'];
}>;


export type ProfileComparisonQuery = { profileComparison: Array<{ precision: string, servingPrecision: Precision, servable: boolean, inputSize: number, batchSize: number, imagesPerSecond: number, latencyP50Ms: number, latencyP95Ms: number, memoryMB: number, fileBytes: number, mAP: number, mAP50: number, deltaMAP: number, agreement: number, flags: Array<string>, provider: string, measuredAt: string }> };

export type SchedulerStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchedulerStatsQuery = { schedulerStats: { accepting: boolean, memoryBudgetMB: number, sessionsMB: number, activationsMB: number, processRssMB: number, artifacts: Array<{ artifact: string, model: string, version: string, precision: Precision, inputSize: number, state: string, executionProvider: string, queueDepthInteractive: number, queueDepthBulk: number, inFlight: number, batchSize: number, batchSizeLimitedBy: string, sessionMB: number | null, perImageMB: number | null, completed: number, failed: number, batches: number, totalMs: { count: number, p50: number, p90: number, p99: number, max: number } }> } };

export type ProfileBenchmarkJobFragment = { id: string, model: string, version: string, status: ProfileJobStatus, phase: string | null, message: string | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: { sizes: Array<number>, precisions: Array<string>, maxImages: number | null, speedRounds: number }, progress: Array<{ phase: string, message: string, at: string }> };

export type StartProfileBenchmarkMutationVariables = Exact<{
  input: StartProfileBenchmarkInput;
}>;


export type StartProfileBenchmarkMutation = { startProfileBenchmark: { id: string, model: string, version: string, status: ProfileJobStatus, phase: string | null, message: string | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: { sizes: Array<number>, precisions: Array<string>, maxImages: number | null, speedRounds: number }, progress: Array<{ phase: string, message: string, at: string }> } };

export type CancelProfileBenchmarkMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelProfileBenchmarkMutation = { cancelProfileBenchmark: { id: string, model: string, version: string, status: ProfileJobStatus, phase: string | null, message: string | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: { sizes: Array<number>, precisions: Array<string>, maxImages: number | null, speedRounds: number }, progress: Array<{ phase: string, message: string, at: string }> } };

export type ProfileBenchmarkJobQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProfileBenchmarkJobQuery = { profileBenchmarkJob: { id: string, model: string, version: string, status: ProfileJobStatus, phase: string | null, message: string | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: { sizes: Array<number>, precisions: Array<string>, maxImages: number | null, speedRounds: number }, progress: Array<{ phase: string, message: string, at: string }> } };

export type ProfileBenchmarkJobsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ProfileBenchmarkJobsQuery = { profileBenchmarkJobs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, model: string, version: string, status: ProfileJobStatus, phase: string | null, message: string | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, parameters: { sizes: Array<number>, precisions: Array<string>, maxImages: number | null, speedRounds: number }, progress: Array<{ phase: string, message: string, at: string }> } }> } };

export type ShownLabelFragment = { key: string, zh: string, color: string };

export type ObjectReviewFragment = { verdict: Verdict, reviewer: string | null, at: string, correctedLabel: { key: string, zh: string, color: string } | null };

export type DetectionReviewFragment = { status: ReviewStatus, reasons: Array<ReviewReason>, priority: number | null, flagReason: string | null, reviewedAt: string | null, missed: Array<{ label: { key: string, zh: string, color: string }, box: { x: number, y: number, width: number, height: number } }> };

export type ReviewableObjectFragment = { id: string, score: number, review: { verdict: Verdict, reviewer: string | null, at: string, correctedLabel: { key: string, zh: string, color: string } | null } | null, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } };

export type ReviewableDetectionFragment = { id: string, createdAt: string, labelSet: string, labelSetVersion: number, executionProvider: string, objects: Array<{ id: string, score: number, review: { verdict: Verdict, reviewer: string | null, at: string, correctedLabel: { key: string, zh: string, color: string } | null } | null, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } }>, review: { status: ReviewStatus, reasons: Array<ReviewReason>, priority: number | null, flagReason: string | null, reviewedAt: string | null, missed: Array<{ label: { key: string, zh: string, color: string }, box: { x: number, y: number, width: number, height: number } }> }, image: { sha256: string, width: number, height: number }, model: { name: string, version: string, precision: Precision, inputSize: number }, timing: { queueMs: number, inferenceMs: number, totalMs: number, batchSize: number } };

export type ReviewRulesFragment = { enabled: boolean, lowScoreBelow: number | null, borderlineMargin: number | null, watchedClasses: Array<string>, randomShare: number, hourlyCap: number, dailyCap: number };

export type ConfusionCellFragment = { count: number, predicted: { key: string, zh: string, color: string } | null, actual: { key: string, zh: string, color: string } | null };

export type ReviewStatsFragment = { images: number, objects: number, correct: number, missed: number, precision: number | null, classes: Array<{ predicted: number, correct: number, wrongLabel: number, notObject: number, missed: number, precision: number | null, recall: number | null, label: { key: string, zh: string, color: string } }>, confusion: Array<{ count: number, predicted: { key: string, zh: string, color: string } | null, actual: { key: string, zh: string, color: string } | null }>, mostConfused: Array<{ count: number, predicted: { key: string, zh: string, color: string } | null, actual: { key: string, zh: string, color: string } | null }>, days: Array<{ day: string, images: number, objects: number, correct: number, missed: number, precision: number | null }> };

export type ReviewQueueQueryVariables = Exact<{
  labelSet?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ReviewQueueQuery = { reviewQueue: { totalCount: number, items: Array<{ id: string, createdAt: string, labelSet: string, labelSetVersion: number, executionProvider: string, objects: Array<{ id: string, score: number, review: { verdict: Verdict, reviewer: string | null, at: string, correctedLabel: { key: string, zh: string, color: string } | null } | null, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } }>, review: { status: ReviewStatus, reasons: Array<ReviewReason>, priority: number | null, flagReason: string | null, reviewedAt: string | null, missed: Array<{ label: { key: string, zh: string, color: string }, box: { x: number, y: number, width: number, height: number } }> }, image: { sha256: string, width: number, height: number }, model: { name: string, version: string, precision: Precision, inputSize: number }, timing: { queueMs: number, inferenceMs: number, totalMs: number, batchSize: number } }> } };

export type ClaimReviewMutationVariables = Exact<{
  detectionId: Scalars['ID']['input'];
}>;


export type ClaimReviewMutation = { claimReview: { claimedUntil: string } };

export type SkipReviewMutationVariables = Exact<{
  detectionId: Scalars['ID']['input'];
}>;


export type SkipReviewMutation = { skipReview: boolean };

export type ReviewDetectionMutationVariables = Exact<{
  input: ReviewDetectionInput;
}>;


export type ReviewDetectionMutation = { reviewDetection: { id: string, review: { status: ReviewStatus, reasons: Array<ReviewReason>, priority: number | null, flagReason: string | null, reviewedAt: string | null, missed: Array<{ label: { key: string, zh: string, color: string }, box: { x: number, y: number, width: number, height: number } }> } } };

export type ReviewStatsQueryVariables = Exact<{
  labelSet: Scalars['String']['input'];
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReviewStatsQuery = { reviewStats: { images: number, objects: number, correct: number, missed: number, precision: number | null, classes: Array<{ predicted: number, correct: number, wrongLabel: number, notObject: number, missed: number, precision: number | null, recall: number | null, label: { key: string, zh: string, color: string } }>, confusion: Array<{ count: number, predicted: { key: string, zh: string, color: string } | null, actual: { key: string, zh: string, color: string } | null }>, mostConfused: Array<{ count: number, predicted: { key: string, zh: string, color: string } | null, actual: { key: string, zh: string, color: string } | null }>, days: Array<{ day: string, images: number, objects: number, correct: number, missed: number, precision: number | null }> } };

export type ReviewRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewRulesQuery = { reviewRules: { enabled: boolean, lowScoreBelow: number | null, borderlineMargin: number | null, watchedClasses: Array<string>, randomShare: number, hourlyCap: number, dailyCap: number } };

export type UpdateReviewRulesMutationVariables = Exact<{
  input: ReviewRulesInput;
}>;


export type UpdateReviewRulesMutation = { updateReviewRules: { enabled: boolean, lowScoreBelow: number | null, borderlineMargin: number | null, watchedClasses: Array<string>, randomShare: number, hourlyCap: number, dailyCap: number } };

export type DetectionReviewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DetectionReviewQuery = { detection: { objects: Array<{ id: string, score: number, review: { verdict: Verdict, reviewer: string | null, at: string, correctedLabel: { key: string, zh: string, color: string } | null } | null, label: { key: string, zh: string, color: string, category: string }, box: { x: number, y: number, width: number, height: number } }>, review: { status: ReviewStatus, reasons: Array<ReviewReason>, priority: number | null, flagReason: string | null, reviewedAt: string | null, missed: Array<{ label: { key: string, zh: string, color: string }, box: { x: number, y: number, width: number, height: number } }> } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ApiKeyFragmentDoc = new TypedDocumentString(`
    fragment ApiKey on ApiKey {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ApiKey"}) as unknown as TypedDocumentString<ApiKeyFragment, unknown>;
export const KeyLimitsFragmentDoc = new TypedDocumentString(`
    fragment KeyLimits on KeyLimits {
  requestsPerSecond
  burst
  imagesPerDay
}
    `, {"fragmentName":"KeyLimits"}) as unknown as TypedDocumentString<KeyLimitsFragment, unknown>;
export const ApiKeyWithLimitsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyWithLimits on ApiKey {
  ...ApiKey
  limits {
    effective {
      ...KeyLimits
    }
  }
}
    fragment ApiKey on ApiKey {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}
fragment KeyLimits on KeyLimits {
  requestsPerSecond
  burst
  imagesPerDay
}`, {"fragmentName":"ApiKeyWithLimits"}) as unknown as TypedDocumentString<ApiKeyWithLimitsFragment, unknown>;
export const UsageDayFragmentDoc = new TypedDocumentString(`
    fragment UsageDay on UsageDay {
  keyId
  keyName
  day
  detections
  images
  objects
  errors
  rateLimited
}
    `, {"fragmentName":"UsageDay"}) as unknown as TypedDocumentString<UsageDayFragment, unknown>;
export const CreatedApiKeyFragmentDoc = new TypedDocumentString(`
    fragment CreatedApiKey on CreatedApiKey {
  secret
  apiKey {
    ...ApiKey
  }
}
    fragment ApiKey on ApiKey {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}`, {"fragmentName":"CreatedApiKey"}) as unknown as TypedDocumentString<CreatedApiKeyFragment, unknown>;
export const LabelSetSummaryFragmentDoc = new TypedDocumentString(`
    fragment LabelSetSummary on LabelSetSummary {
  key
  name
  latestVersion
  hasDraft
}
    `, {"fragmentName":"LabelSetSummary"}) as unknown as TypedDocumentString<LabelSetSummaryFragment, unknown>;
export const LabelFragmentDoc = new TypedDocumentString(`
    fragment Label on Label {
  key
  zh
  aliases
  pinyin
  category
  color
  enabled
  minScore
  nameSource
  classes
  categories
}
    `, {"fragmentName":"Label"}) as unknown as TypedDocumentString<LabelFragment, unknown>;
export const LabelSetVersionFragmentDoc = new TypedDocumentString(`
    fragment LabelSetVersion on LabelSetVersion {
  labelSet
  version
  status
  publishedAt
  labels {
    ...Label
  }
}
    fragment Label on Label {
  key
  zh
  aliases
  pinyin
  category
  color
  enabled
  minScore
  nameSource
  classes
  categories
}`, {"fragmentName":"LabelSetVersion"}) as unknown as TypedDocumentString<LabelSetVersionFragment, unknown>;
export const LabelCategoryFragmentDoc = new TypedDocumentString(`
    fragment LabelCategory on LabelCategory {
  name
  level
  coarse
}
    `, {"fragmentName":"LabelCategory"}) as unknown as TypedDocumentString<LabelCategoryFragment, unknown>;
export const LabelChangeFragmentDoc = new TypedDocumentString(`
    fragment LabelChange on LabelChange {
  key
  change
  before {
    ...Label
  }
  after {
    ...Label
  }
}
    fragment Label on Label {
  key
  zh
  aliases
  pinyin
  category
  color
  enabled
  minScore
  nameSource
  classes
  categories
}`, {"fragmentName":"LabelChange"}) as unknown as TypedDocumentString<LabelChangeFragment, unknown>;
export const AuditEntryFragmentDoc = new TypedDocumentString(`
    fragment AuditEntry on AuditEntry {
  id
  actorKeyId
  action
  entity
  before
  after
  at
}
    `, {"fragmentName":"AuditEntry"}) as unknown as TypedDocumentString<AuditEntryFragment, unknown>;
export const ModelVersionFragmentDoc = new TypedDocumentString(`
    fragment ModelVersion on ModelVersion {
  id
  name
  version
  family
  labelSet
  active
  defaultPrecision
  defaultInputSize
  createdAt
  defaultProfileBasis {
    source
    provider
    reason
  }
  artifacts {
    precision
    inputSize
    sha256
    bytes
  }
}
    `, {"fragmentName":"ModelVersion"}) as unknown as TypedDocumentString<ModelVersionFragment, unknown>;
export const ProfileResultFragmentDoc = new TypedDocumentString(`
    fragment ProfileResult on ProfileResult {
  precision
  servingPrecision
  servable
  inputSize
  batchSize
  imagesPerSecond
  latencyP50Ms
  latencyP95Ms
  memoryMB
  fileBytes
  mAP
  mAP50
  deltaMAP
  agreement
  flags
  provider
  measuredAt
}
    `, {"fragmentName":"ProfileResult"}) as unknown as TypedDocumentString<ProfileResultFragment, unknown>;
export const LatencyPercentilesFragmentDoc = new TypedDocumentString(`
    fragment LatencyPercentiles on LatencyPercentiles {
  count
  p50
  p90
  p99
  max
}
    `, {"fragmentName":"LatencyPercentiles"}) as unknown as TypedDocumentString<LatencyPercentilesFragment, unknown>;
export const ArtifactStatsFragmentDoc = new TypedDocumentString(`
    fragment ArtifactStats on ArtifactSchedulerStats {
  artifact
  model
  version
  precision
  inputSize
  state
  executionProvider
  queueDepthInteractive
  queueDepthBulk
  inFlight
  batchSize
  batchSizeLimitedBy
  sessionMB
  perImageMB
  completed
  failed
  batches
  totalMs {
    ...LatencyPercentiles
  }
}
    fragment LatencyPercentiles on LatencyPercentiles {
  count
  p50
  p90
  p99
  max
}`, {"fragmentName":"ArtifactStats"}) as unknown as TypedDocumentString<ArtifactStatsFragment, unknown>;
export const SchedulerStatsFragmentDoc = new TypedDocumentString(`
    fragment SchedulerStats on SchedulerStats {
  accepting
  memoryBudgetMB
  sessionsMB
  activationsMB
  processRssMB
  artifacts {
    ...ArtifactStats
  }
}
    fragment LatencyPercentiles on LatencyPercentiles {
  count
  p50
  p90
  p99
  max
}
fragment ArtifactStats on ArtifactSchedulerStats {
  artifact
  model
  version
  precision
  inputSize
  state
  executionProvider
  queueDepthInteractive
  queueDepthBulk
  inFlight
  batchSize
  batchSizeLimitedBy
  sessionMB
  perImageMB
  completed
  failed
  batches
  totalMs {
    ...LatencyPercentiles
  }
}`, {"fragmentName":"SchedulerStats"}) as unknown as TypedDocumentString<SchedulerStatsFragment, unknown>;
export const ProfileBenchmarkJobFragmentDoc = new TypedDocumentString(`
    fragment ProfileBenchmarkJob on ProfileBenchmarkJob {
  id
  model
  version
  status
  phase
  message
  error
  createdAt
  startedAt
  finishedAt
  parameters {
    sizes
    precisions
    maxImages
    speedRounds
  }
  progress {
    phase
    message
    at
  }
}
    `, {"fragmentName":"ProfileBenchmarkJob"}) as unknown as TypedDocumentString<ProfileBenchmarkJobFragment, unknown>;
export const BoxFragmentDoc = new TypedDocumentString(`
    fragment Box on Box {
  x
  y
  width
  height
}
    `, {"fragmentName":"Box"}) as unknown as TypedDocumentString<BoxFragment, unknown>;
export const DetectedObjectFragmentDoc = new TypedDocumentString(`
    fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}`, {"fragmentName":"DetectedObject"}) as unknown as TypedDocumentString<DetectedObjectFragment, unknown>;
export const DetectionFragmentDoc = new TypedDocumentString(`
    fragment Detection on Detection {
  id
  createdAt
  labelSet
  labelSetVersion
  executionProvider
  image {
    sha256
    width
    height
  }
  objects {
    ...DetectedObject
  }
  model {
    name
    version
    precision
    inputSize
  }
  timing {
    queueMs
    inferenceMs
    totalMs
    batchSize
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}`, {"fragmentName":"Detection"}) as unknown as TypedDocumentString<DetectionFragment, unknown>;
export const ShownLabelFragmentDoc = new TypedDocumentString(`
    fragment ShownLabel on Label {
  key
  zh
  color
}
    `, {"fragmentName":"ShownLabel"}) as unknown as TypedDocumentString<ShownLabelFragment, unknown>;
export const ObjectReviewFragmentDoc = new TypedDocumentString(`
    fragment ObjectReview on ObjectReview {
  verdict
  reviewer
  at
  correctedLabel {
    ...ShownLabel
  }
}
    fragment ShownLabel on Label {
  key
  zh
  color
}`, {"fragmentName":"ObjectReview"}) as unknown as TypedDocumentString<ObjectReviewFragment, unknown>;
export const ReviewableObjectFragmentDoc = new TypedDocumentString(`
    fragment ReviewableObject on DetectedObject {
  id
  ...DetectedObject
  review {
    ...ObjectReview
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
fragment ShownLabel on Label {
  key
  zh
  color
}
fragment ObjectReview on ObjectReview {
  verdict
  reviewer
  at
  correctedLabel {
    ...ShownLabel
  }
}`, {"fragmentName":"ReviewableObject"}) as unknown as TypedDocumentString<ReviewableObjectFragment, unknown>;
export const DetectionReviewFragmentDoc = new TypedDocumentString(`
    fragment DetectionReview on DetectionReview {
  status
  reasons
  priority
  flagReason
  reviewedAt
  missed {
    label {
      ...ShownLabel
    }
    box {
      ...Box
    }
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment ShownLabel on Label {
  key
  zh
  color
}`, {"fragmentName":"DetectionReview"}) as unknown as TypedDocumentString<DetectionReviewFragment, unknown>;
export const ReviewableDetectionFragmentDoc = new TypedDocumentString(`
    fragment ReviewableDetection on Detection {
  ...Detection
  objects {
    ...ReviewableObject
  }
  review {
    ...DetectionReview
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
fragment Detection on Detection {
  id
  createdAt
  labelSet
  labelSetVersion
  executionProvider
  image {
    sha256
    width
    height
  }
  objects {
    ...DetectedObject
  }
  model {
    name
    version
    precision
    inputSize
  }
  timing {
    queueMs
    inferenceMs
    totalMs
    batchSize
  }
}
fragment ShownLabel on Label {
  key
  zh
  color
}
fragment ObjectReview on ObjectReview {
  verdict
  reviewer
  at
  correctedLabel {
    ...ShownLabel
  }
}
fragment DetectionReview on DetectionReview {
  status
  reasons
  priority
  flagReason
  reviewedAt
  missed {
    label {
      ...ShownLabel
    }
    box {
      ...Box
    }
  }
}
fragment ReviewableObject on DetectedObject {
  id
  ...DetectedObject
  review {
    ...ObjectReview
  }
}`, {"fragmentName":"ReviewableDetection"}) as unknown as TypedDocumentString<ReviewableDetectionFragment, unknown>;
export const ReviewRulesFragmentDoc = new TypedDocumentString(`
    fragment ReviewRules on ReviewRules {
  enabled
  lowScoreBelow
  borderlineMargin
  watchedClasses
  randomShare
  hourlyCap
  dailyCap
}
    `, {"fragmentName":"ReviewRules"}) as unknown as TypedDocumentString<ReviewRulesFragment, unknown>;
export const ConfusionCellFragmentDoc = new TypedDocumentString(`
    fragment ConfusionCell on ConfusionCell {
  count
  predicted {
    ...ShownLabel
  }
  actual {
    ...ShownLabel
  }
}
    fragment ShownLabel on Label {
  key
  zh
  color
}`, {"fragmentName":"ConfusionCell"}) as unknown as TypedDocumentString<ConfusionCellFragment, unknown>;
export const ReviewStatsFragmentDoc = new TypedDocumentString(`
    fragment ReviewStats on ReviewStats {
  images
  objects
  correct
  missed
  precision
  classes {
    label {
      ...ShownLabel
    }
    predicted
    correct
    wrongLabel
    notObject
    missed
    precision
    recall
  }
  confusion {
    ...ConfusionCell
  }
  mostConfused {
    ...ConfusionCell
  }
  days {
    day
    images
    objects
    correct
    missed
    precision
  }
}
    fragment ShownLabel on Label {
  key
  zh
  color
}
fragment ConfusionCell on ConfusionCell {
  count
  predicted {
    ...ShownLabel
  }
  actual {
    ...ShownLabel
  }
}`, {"fragmentName":"ReviewStats"}) as unknown as TypedDocumentString<ReviewStatsFragment, unknown>;
export const DeviceBundlesDocument = new TypedDocumentString(`
    query DeviceBundles($model: String) {
  deviceBundles(model: $model) {
    model
    version
    profile
    precision
    inputSize
    url
    bytes
    sha256
    modelBytes
    modelSha256
    labelSet
    labelSetVersion
    measured {
      imagesPerSecond
      latencyP50Ms
      mAP
      mAP50
      provider
      measuredAt
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceBundlesQuery, DeviceBundlesQueryVariables>;
export const DetectDocument = new TypedDocumentString(`
    mutation Detect($input: DetectInput!) {
  detect(input: $input) {
    ...Detection
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
fragment Detection on Detection {
  id
  createdAt
  labelSet
  labelSetVersion
  executionProvider
  image {
    sha256
    width
    height
  }
  objects {
    ...DetectedObject
  }
  model {
    name
    version
    precision
    inputSize
  }
  timing {
    queueMs
    inferenceMs
    totalMs
    batchSize
  }
}`) as unknown as TypedDocumentString<DetectMutation, DetectMutationVariables>;
export const DetectionDocument = new TypedDocumentString(`
    query Detection($id: ID!) {
  detection(id: $id) {
    ...Detection
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
fragment Detection on Detection {
  id
  createdAt
  labelSet
  labelSetVersion
  executionProvider
  image {
    sha256
    width
    height
  }
  objects {
    ...DetectedObject
  }
  model {
    name
    version
    precision
    inputSize
  }
  timing {
    queueMs
    inferenceMs
    totalMs
    batchSize
  }
}`) as unknown as TypedDocumentString<DetectionQuery, DetectionQueryVariables>;
export const DetectionsDocument = new TypedDocumentString(`
    query Detections($filter: DetectionFilter, $first: Int, $after: String) {
  detections(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...Detection
      }
    }
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
fragment Detection on Detection {
  id
  createdAt
  labelSet
  labelSetVersion
  executionProvider
  image {
    sha256
    width
    height
  }
  objects {
    ...DetectedObject
  }
  model {
    name
    version
    precision
    inputSize
  }
  timing {
    queueMs
    inferenceMs
    totalMs
    batchSize
  }
}`) as unknown as TypedDocumentString<DetectionsQuery, DetectionsQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...ApiKey
  }
}
    fragment ApiKey on ApiKey {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    ...ApiKeyWithLimits
  }
}
    fragment ApiKey on ApiKey {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}
fragment KeyLimits on KeyLimits {
  requestsPerSecond
  burst
  imagesPerDay
}
fragment ApiKeyWithLimits on ApiKey {
  ...ApiKey
  limits {
    effective {
      ...KeyLimits
    }
  }
}`) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const UsageDocument = new TypedDocumentString(`
    query Usage($from: String, $to: String) {
  usage(from: $from, to: $to) {
    ...UsageDay
  }
}
    fragment UsageDay on UsageDay {
  keyId
  keyName
  day
  detections
  images
  objects
  errors
  rateLimited
}`) as unknown as TypedDocumentString<UsageQuery, UsageQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    ...CreatedApiKey
  }
}
    fragment ApiKey on ApiKey {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}
fragment CreatedApiKey on CreatedApiKey {
  secret
  apiKey {
    ...ApiKey
  }
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    ...ApiKey
  }
}
    fragment ApiKey on ApiKey {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const LabelSetsDocument = new TypedDocumentString(`
    query LabelSets {
  labelSets {
    ...LabelSetSummary
  }
}
    fragment LabelSetSummary on LabelSetSummary {
  key
  name
  latestVersion
  hasDraft
}`) as unknown as TypedDocumentString<LabelSetsQuery, LabelSetsQueryVariables>;
export const LabelSetDocument = new TypedDocumentString(`
    query LabelSet($key: String!, $version: Int, $draft: Boolean) {
  labelSet(key: $key, version: $version, draft: $draft) {
    ...LabelSetVersion
  }
}
    fragment Label on Label {
  key
  zh
  aliases
  pinyin
  category
  color
  enabled
  minScore
  nameSource
  classes
  categories
}
fragment LabelSetVersion on LabelSetVersion {
  labelSet
  version
  status
  publishedAt
  labels {
    ...Label
  }
}`) as unknown as TypedDocumentString<LabelSetQuery, LabelSetQueryVariables>;
export const LabelCategoriesDocument = new TypedDocumentString(`
    query LabelCategories {
  labelCategories {
    ...LabelCategory
  }
}
    fragment LabelCategory on LabelCategory {
  name
  level
  coarse
}`) as unknown as TypedDocumentString<LabelCategoriesQuery, LabelCategoriesQueryVariables>;
export const LabelSetDiffDocument = new TypedDocumentString(`
    query LabelSetDiff($key: String!) {
  labelSetDiff(key: $key) {
    ...LabelChange
  }
}
    fragment Label on Label {
  key
  zh
  aliases
  pinyin
  category
  color
  enabled
  minScore
  nameSource
  classes
  categories
}
fragment LabelChange on LabelChange {
  key
  change
  before {
    ...Label
  }
  after {
    ...Label
  }
}`) as unknown as TypedDocumentString<LabelSetDiffQuery, LabelSetDiffQueryVariables>;
export const CreateLabelSetDocument = new TypedDocumentString(`
    mutation CreateLabelSet($input: CreateLabelSetInput!) {
  createLabelSet(input: $input) {
    ...LabelSetSummary
  }
}
    fragment LabelSetSummary on LabelSetSummary {
  key
  name
  latestVersion
  hasDraft
}`) as unknown as TypedDocumentString<CreateLabelSetMutation, CreateLabelSetMutationVariables>;
export const AddLabelDocument = new TypedDocumentString(`
    mutation AddLabel($input: AddLabelInput!) {
  addLabel(input: $input) {
    key
  }
}
    `) as unknown as TypedDocumentString<AddLabelMutation, AddLabelMutationVariables>;
export const UpdateLabelDocument = new TypedDocumentString(`
    mutation UpdateLabel($input: UpdateLabelInput!) {
  updateLabel(input: $input) {
    key
  }
}
    `) as unknown as TypedDocumentString<UpdateLabelMutation, UpdateLabelMutationVariables>;
export const PublishLabelSetDocument = new TypedDocumentString(`
    mutation PublishLabelSet($key: String!) {
  publishLabelSet(key: $key) {
    version
  }
}
    `) as unknown as TypedDocumentString<PublishLabelSetMutation, PublishLabelSetMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($first: Int) {
  auditLog(first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...AuditEntry
      }
    }
  }
}
    fragment AuditEntry on AuditEntry {
  id
  actorKeyId
  action
  entity
  before
  after
  at
}`) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const ModelVersionsDocument = new TypedDocumentString(`
    query ModelVersions {
  modelVersions {
    ...ModelVersion
  }
}
    fragment ModelVersion on ModelVersion {
  id
  name
  version
  family
  labelSet
  active
  defaultPrecision
  defaultInputSize
  createdAt
  defaultProfileBasis {
    source
    provider
    reason
  }
  artifacts {
    precision
    inputSize
    sha256
    bytes
  }
}`) as unknown as TypedDocumentString<ModelVersionsQuery, ModelVersionsQueryVariables>;
export const ModelFamiliesDocument = new TypedDocumentString(`
    query ModelFamilies {
  modelFamilies
}
    `) as unknown as TypedDocumentString<ModelFamiliesQuery, ModelFamiliesQueryVariables>;
export const ActivateModelVersionDocument = new TypedDocumentString(`
    mutation ActivateModelVersion($name: String!, $version: String!) {
  activateModelVersion(name: $name, version: $version) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<ActivateModelVersionMutation, ActivateModelVersionMutationVariables>;
export const SetDefaultProfileDocument = new TypedDocumentString(`
    mutation SetDefaultProfile($model: String!, $precision: Precision!, $inputSize: Int!) {
  setDefaultProfile(model: $model, precision: $precision, inputSize: $inputSize) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetDefaultProfileMutation, SetDefaultProfileMutationVariables>;
export const ProfileComparisonDocument = new TypedDocumentString(`
    query ProfileComparison($model: String!) {
  profileComparison(model: $model) {
    ...ProfileResult
  }
}
    fragment ProfileResult on ProfileResult {
  precision
  servingPrecision
  servable
  inputSize
  batchSize
  imagesPerSecond
  latencyP50Ms
  latencyP95Ms
  memoryMB
  fileBytes
  mAP
  mAP50
  deltaMAP
  agreement
  flags
  provider
  measuredAt
}`) as unknown as TypedDocumentString<ProfileComparisonQuery, ProfileComparisonQueryVariables>;
export const SchedulerStatsDocument = new TypedDocumentString(`
    query SchedulerStats {
  schedulerStats {
    ...SchedulerStats
  }
}
    fragment LatencyPercentiles on LatencyPercentiles {
  count
  p50
  p90
  p99
  max
}
fragment ArtifactStats on ArtifactSchedulerStats {
  artifact
  model
  version
  precision
  inputSize
  state
  executionProvider
  queueDepthInteractive
  queueDepthBulk
  inFlight
  batchSize
  batchSizeLimitedBy
  sessionMB
  perImageMB
  completed
  failed
  batches
  totalMs {
    ...LatencyPercentiles
  }
}
fragment SchedulerStats on SchedulerStats {
  accepting
  memoryBudgetMB
  sessionsMB
  activationsMB
  processRssMB
  artifacts {
    ...ArtifactStats
  }
}`) as unknown as TypedDocumentString<SchedulerStatsQuery, SchedulerStatsQueryVariables>;
export const StartProfileBenchmarkDocument = new TypedDocumentString(`
    mutation StartProfileBenchmark($input: StartProfileBenchmarkInput!) {
  startProfileBenchmark(input: $input) {
    ...ProfileBenchmarkJob
  }
}
    fragment ProfileBenchmarkJob on ProfileBenchmarkJob {
  id
  model
  version
  status
  phase
  message
  error
  createdAt
  startedAt
  finishedAt
  parameters {
    sizes
    precisions
    maxImages
    speedRounds
  }
  progress {
    phase
    message
    at
  }
}`) as unknown as TypedDocumentString<StartProfileBenchmarkMutation, StartProfileBenchmarkMutationVariables>;
export const CancelProfileBenchmarkDocument = new TypedDocumentString(`
    mutation CancelProfileBenchmark($id: ID!) {
  cancelProfileBenchmark(id: $id) {
    ...ProfileBenchmarkJob
  }
}
    fragment ProfileBenchmarkJob on ProfileBenchmarkJob {
  id
  model
  version
  status
  phase
  message
  error
  createdAt
  startedAt
  finishedAt
  parameters {
    sizes
    precisions
    maxImages
    speedRounds
  }
  progress {
    phase
    message
    at
  }
}`) as unknown as TypedDocumentString<CancelProfileBenchmarkMutation, CancelProfileBenchmarkMutationVariables>;
export const ProfileBenchmarkJobDocument = new TypedDocumentString(`
    query ProfileBenchmarkJob($id: ID!) {
  profileBenchmarkJob(id: $id) {
    ...ProfileBenchmarkJob
  }
}
    fragment ProfileBenchmarkJob on ProfileBenchmarkJob {
  id
  model
  version
  status
  phase
  message
  error
  createdAt
  startedAt
  finishedAt
  parameters {
    sizes
    precisions
    maxImages
    speedRounds
  }
  progress {
    phase
    message
    at
  }
}`) as unknown as TypedDocumentString<ProfileBenchmarkJobQuery, ProfileBenchmarkJobQueryVariables>;
export const ProfileBenchmarkJobsDocument = new TypedDocumentString(`
    query ProfileBenchmarkJobs($first: Int) {
  profileBenchmarkJobs(first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...ProfileBenchmarkJob
      }
    }
  }
}
    fragment ProfileBenchmarkJob on ProfileBenchmarkJob {
  id
  model
  version
  status
  phase
  message
  error
  createdAt
  startedAt
  finishedAt
  parameters {
    sizes
    precisions
    maxImages
    speedRounds
  }
  progress {
    phase
    message
    at
  }
}`) as unknown as TypedDocumentString<ProfileBenchmarkJobsQuery, ProfileBenchmarkJobsQueryVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($labelSet: String, $first: Int) {
  reviewQueue(labelSet: $labelSet, first: $first) {
    totalCount
    items {
      ...ReviewableDetection
    }
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
fragment Detection on Detection {
  id
  createdAt
  labelSet
  labelSetVersion
  executionProvider
  image {
    sha256
    width
    height
  }
  objects {
    ...DetectedObject
  }
  model {
    name
    version
    precision
    inputSize
  }
  timing {
    queueMs
    inferenceMs
    totalMs
    batchSize
  }
}
fragment ShownLabel on Label {
  key
  zh
  color
}
fragment ObjectReview on ObjectReview {
  verdict
  reviewer
  at
  correctedLabel {
    ...ShownLabel
  }
}
fragment DetectionReview on DetectionReview {
  status
  reasons
  priority
  flagReason
  reviewedAt
  missed {
    label {
      ...ShownLabel
    }
    box {
      ...Box
    }
  }
}
fragment ReviewableObject on DetectedObject {
  id
  ...DetectedObject
  review {
    ...ObjectReview
  }
}
fragment ReviewableDetection on Detection {
  ...Detection
  objects {
    ...ReviewableObject
  }
  review {
    ...DetectionReview
  }
}`) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ClaimReviewDocument = new TypedDocumentString(`
    mutation ClaimReview($detectionId: ID!) {
  claimReview(detectionId: $detectionId) {
    claimedUntil
  }
}
    `) as unknown as TypedDocumentString<ClaimReviewMutation, ClaimReviewMutationVariables>;
export const SkipReviewDocument = new TypedDocumentString(`
    mutation SkipReview($detectionId: ID!) {
  skipReview(detectionId: $detectionId)
}
    `) as unknown as TypedDocumentString<SkipReviewMutation, SkipReviewMutationVariables>;
export const ReviewDetectionDocument = new TypedDocumentString(`
    mutation ReviewDetection($input: ReviewDetectionInput!) {
  reviewDetection(input: $input) {
    id
    review {
      ...DetectionReview
    }
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment ShownLabel on Label {
  key
  zh
  color
}
fragment DetectionReview on DetectionReview {
  status
  reasons
  priority
  flagReason
  reviewedAt
  missed {
    label {
      ...ShownLabel
    }
    box {
      ...Box
    }
  }
}`) as unknown as TypedDocumentString<ReviewDetectionMutation, ReviewDetectionMutationVariables>;
export const ReviewStatsDocument = new TypedDocumentString(`
    query ReviewStats($labelSet: String!, $from: DateTimeISO, $to: DateTimeISO, $timeZone: String) {
  reviewStats(labelSet: $labelSet, from: $from, to: $to, timeZone: $timeZone) {
    ...ReviewStats
  }
}
    fragment ShownLabel on Label {
  key
  zh
  color
}
fragment ConfusionCell on ConfusionCell {
  count
  predicted {
    ...ShownLabel
  }
  actual {
    ...ShownLabel
  }
}
fragment ReviewStats on ReviewStats {
  images
  objects
  correct
  missed
  precision
  classes {
    label {
      ...ShownLabel
    }
    predicted
    correct
    wrongLabel
    notObject
    missed
    precision
    recall
  }
  confusion {
    ...ConfusionCell
  }
  mostConfused {
    ...ConfusionCell
  }
  days {
    day
    images
    objects
    correct
    missed
    precision
  }
}`) as unknown as TypedDocumentString<ReviewStatsQuery, ReviewStatsQueryVariables>;
export const ReviewRulesDocument = new TypedDocumentString(`
    query ReviewRules {
  reviewRules {
    ...ReviewRules
  }
}
    fragment ReviewRules on ReviewRules {
  enabled
  lowScoreBelow
  borderlineMargin
  watchedClasses
  randomShare
  hourlyCap
  dailyCap
}`) as unknown as TypedDocumentString<ReviewRulesQuery, ReviewRulesQueryVariables>;
export const UpdateReviewRulesDocument = new TypedDocumentString(`
    mutation UpdateReviewRules($input: ReviewRulesInput!) {
  updateReviewRules(input: $input) {
    ...ReviewRules
  }
}
    fragment ReviewRules on ReviewRules {
  enabled
  lowScoreBelow
  borderlineMargin
  watchedClasses
  randomShare
  hourlyCap
  dailyCap
}`) as unknown as TypedDocumentString<UpdateReviewRulesMutation, UpdateReviewRulesMutationVariables>;
export const DetectionReviewDocument = new TypedDocumentString(`
    query DetectionReview($id: ID!) {
  detection(id: $id) {
    objects {
      ...ReviewableObject
    }
    review {
      ...DetectionReview
    }
  }
}
    fragment Box on Box {
  x
  y
  width
  height
}
fragment DetectedObject on DetectedObject {
  score
  label {
    key
    zh
    color
    category
  }
  box {
    ...Box
  }
}
fragment ShownLabel on Label {
  key
  zh
  color
}
fragment ObjectReview on ObjectReview {
  verdict
  reviewer
  at
  correctedLabel {
    ...ShownLabel
  }
}
fragment DetectionReview on DetectionReview {
  status
  reasons
  priority
  flagReason
  reviewedAt
  missed {
    label {
      ...ShownLabel
    }
    box {
      ...Box
    }
  }
}
fragment ReviewableObject on DetectedObject {
  id
  ...DetectedObject
  review {
    ...ObjectReview
  }
}`) as unknown as TypedDocumentString<DetectionReviewQuery, DetectionReviewQueryVariables>;