// The `detect` request, end to end: pick the model profile and the published label set, ask the scheduler for
// a place (refused OVERLOADED before the upload is even decoded), decode the upload, run it through the scheduler, apply the label set (Chinese names, enabled classes, per-class thresholds),
// keep the photo, and record the detection in one transaction. Nothing is written unless all of it worked.
import type { Principal } from '../auth/roles';
import type { Config } from '../config';
import type { Detection as RawDetection } from '../inference/detector';
import { ImageInputError } from '../inference/image/decode';
import { SchedulerError, type Admission } from '../scheduler';
import type { ArtifactKey, InferenceTiming, Priority } from '../scheduler/types';
import type { DetectionService, DetectionView, RecordDetectionInput } from '../services/detections';
import { InputError } from '../services/errors';
import type { LabelMap, LabelService, LabelView } from '../services/labels';
import { mapClasses } from '../labels/mapping';
import {
  applyLabelSet,
  DEFAULT_MAX_OBJECTS,
  DEFAULT_MIN_SCORE,
  modelOptions,
} from '../../../sdk/src/labels/apply';
import { nmsGroups, type NmsMode } from '../../../sdk/src/labels/nms-groups';
import type { ModelService } from '../services/models';
import type { ReviewSampler } from '../review/sampler';
import { requireRole } from '../services/authorization';
import type { InferenceService } from '../serving/inference-service';
import type { ImageStore } from '../storage';
import type { Metering } from '../limits/metering';
import type { Precision } from '../../../models/src/repository/manifest';
import { decodeBase64Image, type DecodedUpload } from './base64-image';
import { GroupedWriter } from './grouped-writer';
import { discardStreamedImage, readStreamedImage, type StreamedImage } from './streamed-image';

export interface DetectRequest {
  /** The photo as base64 (or a data URL) in the JSON; exactly one of this and `image`. */
  imageBase64?: string | null;
  /** The photo as bytes: a multipart upload, or the body of POST /v1/detect. */
  image?: Promise<StreamedImage> | null;
  model?: string;
  precision?: Precision;
  inputSize?: number;
  minScore?: number;
  maxObjects?: number;
  labelSet?: string;
  /** Answer only these labels (keys or Chinese names of the label set); default: every enabled label. */
  labels?: string[];
  /** Which boxes compete in NMS; default PER_LABEL. */
  nms?: NmsMode;
  timeoutMs?: number;
  /** false: never sampled into the review queue (an admin trying the model is not traffic to review). */
  sampleForReview?: boolean;
}

/** Detections per write: a scheduler batch or two; bounds a transaction's size and a failed group's retries. */
const MAX_DETECTIONS_PER_WRITE = 32;

interface Plan {
  key: ArtifactKey;
  modelVersionId: string;
  labels: LabelMap;
  /** The label showing each model class, by class index; null: the class is off. */
  classLabels: (LabelView | null)[];
  /** The NMS group of each class (-1: dropped before NMS: off, disabled, or not among `labels`). */
  nmsGroups: number[];
  minScore: number;
  maxObjects: number;
}

interface Computed {
  upload: DecodedUpload;
  plan: Plan;
  output: RawDetection;
  timing: InferenceTiming;
}

export interface DetectPipelineDeps {
  limits: Config['limits'];
  models: ModelService;
  labels: LabelService;
  detections: DetectionService;
  /** Queues some recorded detections for review; never fails the detection. */
  reviewSampler: Pick<ReviewSampler, 'consider'>;
  inference: InferenceService;
  images: ImageStore;
  /** The key's image quota and usage counters around each call. */
  metering: Pick<Metering, 'detect'>;
}

const countObjects = (view: DetectionView) => view.objects.length;

export class DetectPipeline {
  private readonly writes: GroupedWriter<RecordDetectionInput, DetectionView>;

  constructor(private readonly deps: DetectPipelineDeps) {
    this.writes = new GroupedWriter((inputs) => deps.detections.recordMany(inputs), MAX_DETECTIONS_PER_WRITE);
  }

  async detect(principal: Principal | null, request: DetectRequest): Promise<DetectionView> {
    try {
      const actor = requireRole(principal, 'app');
      return await this.deps.metering.detect(actor, 1, () => this.detectOne(actor, request), countObjects);
    } catch (error) {
      discardUnread([request]);
      throw error;
    }
  }

  private async detectOne(actor: Principal, request: DetectRequest): Promise<DetectionView> {
    const plan = await this.plan(request);
    const [admission] = this.admit([plan], [request], 'interactive');
    let computed: Computed;
    try {
      computed = await this.compute(request, plan, 'interactive', admission);
    } finally {
      admission.release();
    }
    const input = await this.recordInput(actor, computed);
    return this.considerForReview(request, await this.writes.write(input));
  }

  /**
   * Several images as bulk work (interactive requests go first). All inputs are checked before any is queued,
   * and nothing is recorded unless every image was computed.
   */
  async detectBatch(
    principal: Principal | null,
    requests: readonly DetectRequest[],
  ): Promise<DetectionView[]> {
    try {
      const actor = requireRole(principal, 'app');
      if (requests.length === 0) throw new InputError('inputs is empty', { field: 'inputs' });
      if (requests.length > this.deps.limits.maxBatchInputs) {
        throw new InputError(`At most ${this.deps.limits.maxBatchInputs} inputs per detectBatch`, {
          field: 'inputs',
        });
      }
      return await this.deps.metering.detect(
        actor,
        requests.length,
        () => this.detectMany(actor, requests),
        (views) => views.reduce((sum, view) => sum + countObjects(view), 0),
      );
    } catch (error) {
      discardUnread(requests);
      throw error;
    }
  }

  private async detectMany(actor: Principal, requests: readonly DetectRequest[]): Promise<DetectionView[]> {
    const plans = await Promise.all(requests.map((r) => this.plan(r)));
    const admissions = this.admit(plans, requests, 'bulk');
    let settled: PromiseSettledResult<Computed>[];
    try {
      settled = await Promise.allSettled(
        requests.map((r, i) => this.compute(r, plans[i], 'bulk', admissions[i])),
      );
    } finally {
      for (const admission of admissions) admission.release();
    }
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const computed = settled.map((s) => (s as PromiseFulfilledResult<Computed>).value);
    const inputs: RecordDetectionInput[] = [];
    for (const c of computed) inputs.push(await this.recordInput(actor, c));
    const views = await this.deps.detections.recordMany(inputs); // one transaction: all of them or none
    return Promise.all(views.map((view, i) => this.considerForReview(requests[i], view)));
  }

  private considerForReview(request: DetectRequest, view: DetectionView): Promise<DetectionView> {
    return request.sampleForReview === false ? Promise.resolve(view) : this.deps.reviewSampler.consider(view);
  }

  /**
   * Places for these requests, one admission per artifact (so a detectBatch is admitted all or nothing, before
   * any of its photos is decoded); returns each request's admission. Throws OVERLOADED (retryAfterMs).
   */
  private admit(plans: readonly Plan[], requests: readonly DetectRequest[], priority: Priority): Admission[] {
    const groups = new Map<string, { key: ArtifactKey; count: number; timeoutMs?: number }>();
    plans.forEach(({ key }, i) => {
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? { key, count: 0 };
      group.count++;
      // The group must start within its most impatient member's timeout.
      const timeoutMs = requests[i].timeoutMs;
      if (timeoutMs !== undefined) group.timeoutMs = Math.min(group.timeoutMs ?? timeoutMs, timeoutMs);
      groups.set(id, group);
    });
    const admitted = new Map<string, Admission>();
    try {
      for (const [id, { key, count, timeoutMs }] of groups) {
        admitted.set(id, this.deps.inference.admit(key, { priority, count, timeoutMs }));
      }
    } catch (error) {
      for (const admission of admitted.values()) admission.release();
      throw error;
    }
    return plans.map(({ key }) => admitted.get(JSON.stringify(key))!);
  }

  private async compute(
    request: DetectRequest,
    plan: Plan,
    priority: Priority,
    admission: Admission,
  ): Promise<Computed> {
    const upload = await receivePhoto(request, this.deps.limits.maxImageBytes);
    try {
      const { output, timing } = await this.deps.inference.detect(
        plan.key,
        {
          bytes: upload.bytes,
          options: modelOptions(plan),
        },
        { priority, timeoutMs: request.timeoutMs, admission },
      );
      return { upload, plan, output, timing };
    } catch (error) {
      throw asUserError(error, request.image ? 'image' : 'imageBase64');
    }
  }

  /** Resolves omitted inputs: the active model, its default profile, the model's label set, latest published. */
  private async plan(request: DetectRequest): Promise<Plan> {
    if ((request.imageBase64 == null) === (request.image == null)) {
      throw new InputError('Send the photo once: as imageBase64, or as image (a multipart upload)', {
        field: request.image ? 'image' : 'imageBase64',
      });
    }
    const version = await this.deps.models.resolveServingVersion(request.model);
    const key: ArtifactKey = {
      model: version.name,
      version: version.version,
      precision: request.precision ?? version.defaultPrecision,
      inputSize: request.inputSize ?? version.defaultInputSize,
    };
    if (!this.deps.inference.hasArtifact(key)) {
      const built = version.artifacts
        .map((a) => `${a.precision.toUpperCase()}@${a.inputSize ?? 'any'}`)
        .join(', ');
      throw new InputError(
        `${key.model}@${key.version} has no ${key.precision.toUpperCase()} profile at ${key.inputSize}; built: ${built}`,
        { field: request.precision ? 'precision' : 'inputSize' },
      );
    }
    const [labels, own] = await Promise.all([
      this.deps.labels.resolveLabelMap(request.labelSet ?? version.labelSet),
      this.deps.labels.resolveLabelMap(version.labelSet),
    ]);
    // The model's own label set says each class's category, which sets like coarse5 map by.
    const classes = this.deps.inference
      .classesOf(key)
      .map((k) => ({ key: k, category: own.labels.get(k)?.category ?? '' }));
    const classLabels = mapClasses([...labels.labels.values()], classes);
    const wanted = wantedLabels(labels, request.labels);
    return {
      key,
      modelVersionId: version.id,
      labels,
      classLabels,
      nmsGroups: nmsGroups(classLabels, request.nms ?? 'PER_LABEL', (l) => l.enabled && wanted(l)),
      minScore: request.minScore ?? DEFAULT_MIN_SCORE,
      maxObjects: request.maxObjects ?? DEFAULT_MAX_OBJECTS,
    };
  }

  /** Keeps the photo and says what to record. */
  private async recordInput(
    actor: Principal,
    { upload, plan, output, timing }: Computed,
  ): Promise<RecordDetectionInput> {
    // The photo first: content-addressed, so a retry or a failed insert leaves at most an unreferenced file
    // that retention removes, never a detection whose photo is missing.
    await this.deps.images.put(upload.sha256, upload.bytes);
    return {
      image: { sha256: upload.sha256, width: output.width, height: output.height },
      modelVersionId: plan.modelVersionId,
      precision: plan.key.precision,
      inputSize: plan.key.inputSize,
      labelSetVersionId: plan.labels.labelSetVersionId,
      minScore: plan.minScore,
      maxObjects: plan.maxObjects,
      timing,
      executionProvider: this.deps.inference.providerOf(plan.key),
      apiKeyId: actor.keyId,
      objects: applyLabelSet(output, plan),
    };
  }
}

/** A filter for the request's `labels`: each entry a label's key or Chinese name; unknown ones are an error. */
function wantedLabels(
  labels: LabelMap,
  wanted: readonly string[] | undefined,
): (label: LabelView) => boolean {
  if (wanted === undefined) return () => true;
  const all = [...labels.labels.values()];
  const keys = new Set<string>();
  for (const name of wanted) {
    const label = all.find((l) => l.key === name || l.zh === name);
    if (!label)
      throw new InputError(`Label set ${labels.labelSet} has no label ${name}`, { field: 'labels' });
    keys.add(label.key);
  }
  return (label) => keys.has(label.key);
}

/** The photo's bytes and sha256, however it was sent. */
function receivePhoto(request: DetectRequest, maxBytes: number): Promise<DecodedUpload> {
  return request.image
    ? readStreamedImage(request.image, maxBytes)
    : decodeBase64Image(request.imageBase64 ?? '', maxBytes);
}

/** Photos sent as bytes that a refused request never read are drained (see discardStreamedImage). */
function discardUnread(requests: readonly DetectRequest[]): void {
  for (const request of requests) if (request.image) discardStreamedImage(request.image);
}

/** A bad upload found while preparing it is the caller's mistake, not the scheduler's. */
function asUserError(error: unknown, field: 'image' | 'imageBase64'): unknown {
  if (
    error instanceof SchedulerError &&
    error.code === 'PREPARATION_FAILED' &&
    error.cause instanceof ImageInputError
  ) {
    return new InputError(error.cause.message, { field, reason: error.cause.reason });
  }
  return error;
}
