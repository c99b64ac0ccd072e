// The review workflow: the queue reviewers work through, flags from apps ("my user says this is wrong"), and
// reviews (a verdict for every object of a detection, plus the objects the model missed).
import { z } from 'zod';
import type { Principal } from '../auth/roles';
import type { PrismaClient } from '../db/client';
import { requireRole } from '../services/authorization';
import type { DetectionService, DetectionView } from '../services/detections';
import { ConflictError, InputError } from '../services/errors';
import type { LabelMap, LabelService } from '../services/labels';
import { pageSize } from '../services/pagination';
import { parseInput } from '../services/validation';
import { clipToImage } from './export/dataset';

const VERDICTS = ['correct', 'wrong_label', 'not_object'] as const;

const boxSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().positive().finite(),
  height: z.number().positive().finite(),
});

const reviewSchema = z.object({
  detectionId: z.string(),
  objects: z
    .array(
      z.object({
        objectId: z.string(),
        verdict: z.enum(VERDICTS),
        /** The right label key, for wrong_label only. */
        correctedKey: z.string().trim().min(1).max(64).nullish(),
      }),
    )
    .max(1000),
  missed: z
    .array(z.object({ classKey: z.string().trim().min(1).max(64), box: boxSchema }))
    .max(500)
    .default([]),
});
export type ReviewInput = z.input<typeof reviewSchema>;

const flagReasonSchema = z.string().trim().min(1).max(500);

export interface ReviewQueuePage {
  /** Detections waiting for review (with the filter). */
  totalCount: number;
  /** The first of them in queue order: flagged first (oldest flag first), then by priority. */
  items: DetectionView[];
}

export interface ReviewClaim {
  detectionId: string;
  claimedUntil: Date;
}

/** A queued item nobody else holds: unclaimed, claimed by this reviewer, or claimed but expired. */
const freeFor = (keyId: string, now: Date) => ({
  OR: [{ claimedByKeyId: null }, { claimedByKeyId: keyId }, { claimedUntil: { lt: now } }],
});

/** Claiming or reviewing what another reviewer holds: says until when, so a client can tell its user. */
function heldByAnother(detectionId: string, claimedUntil: Date | null): ConflictError {
  return new ConflictError(`Another reviewer is reviewing detection ${detectionId}`, {
    reason: 'claimed',
    claimedUntil: claimedUntil?.toISOString(),
  });
}

export class ReviewService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly detections: DetectionService,
    private readonly labels: LabelService,
    private readonly settings: { claimMinutes: number; skipHours: number } = { claimMinutes: 10, skipHours: 24 },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The head of the queue, without what other reviewers hold (claim). Not cursor-paged: reviewing removes items
   * from the front, so a reviewer always asks for the head again rather than for a page after the last one seen.
   */
  async queue(
    viewer: Principal | null,
    options: { labelSet?: string | null; first?: number | null } = {},
  ): Promise<ReviewQueuePage> {
    const reviewer = requireRole(viewer, 'reviewer');
    const now = this.now();
    const skippedSince = new Date(now.getTime() - this.settings.skipHours * 3_600_000);
    const where = {
      reviewedAt: null,
      ...freeFor(reviewer.keyId, now),
      skips: { none: { keyId: reviewer.keyId, skippedAt: { gt: skippedSince } } },
      ...(options.labelSet != null && {
        detection: { labelSetVersion: { labelSet: { key: options.labelSet } } },
      }),
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.reviewItem.findMany({
        where,
        orderBy: [{ flaggedAt: { sort: 'asc', nulls: 'last' } }, { priority: 'desc' }, { id: 'asc' }],
        take: pageSize(options.first),
        select: { detectionId: true },
      }),
      this.prisma.reviewItem.count({ where }),
    ]);
    const items = await this.detections.getMany(
      reviewer,
      rows.map((row) => row.detectionId),
    );
    return { totalCount, items };
  }

  /**
   * Holds a queued detection for this reviewer for `claimMinutes` (again: extends it), so that other reviewers'
   * queues skip it meanwhile. CONFLICT when another reviewer holds it, or it is not waiting for review.
   */
  async claim(viewer: Principal | null, detectionId: string): Promise<ReviewClaim> {
    const reviewer = requireRole(viewer, 'reviewer');
    await this.detections.get(reviewer, detectionId);
    const now = this.now();
    const claimedUntil = new Date(now.getTime() + this.settings.claimMinutes * 60_000);
    const { count } = await this.prisma.reviewItem.updateMany({
      where: { detectionId, reviewedAt: null, ...freeFor(reviewer.keyId, now) },
      data: { claimedByKeyId: reviewer.keyId, claimedUntil },
    });
    if (count === 1) return { detectionId, claimedUntil };
    const item = await this.prisma.reviewItem.findUnique({
      where: { detectionId },
      select: { reviewedAt: true, claimedUntil: true },
    });
    if (!item || item.reviewedAt) {
      throw new ConflictError(`Detection ${detectionId} is not waiting for review`, {
        reason: item ? 'reviewed' : 'not_queued',
      });
    }
    throw heldByAnother(detectionId, item.claimedUntil);
  }

  /** Gives back this reviewer's claim (they skipped it): true if they held it. */
  async release(viewer: Principal | null, detectionId: string): Promise<boolean> {
    const reviewer = requireRole(viewer, 'reviewer');
    const { count } = await this.prisma.reviewItem.updateMany({
      where: { detectionId, claimedByKeyId: reviewer.keyId },
      data: { claimedByKeyId: null, claimedUntil: null },
    });
    return count === 1;
  }

  /**
   * This reviewer passes on a detection: their claim ends and it leaves their queue for `skipHours` (a reload does
   * not bring it back), while other reviewers get it at once. False if it is not waiting for review.
   */
  async skip(viewer: Principal | null, detectionId: string): Promise<boolean> {
    const reviewer = requireRole(viewer, 'reviewer');
    const now = this.now();
    return this.prisma.$transaction(async (tx) => {
      const item = await tx.reviewItem.findUnique({ where: { detectionId }, select: { id: true, reviewedAt: true } });
      if (!item || item.reviewedAt) return false;
      await tx.reviewItem.updateMany({
        where: { id: item.id, claimedByKeyId: reviewer.keyId },
        data: { claimedByKeyId: null, claimedUntil: null },
      });
      const key = { reviewItemId_keyId: { reviewItemId: item.id, keyId: reviewer.keyId } };
      await tx.reviewSkip.upsert({
        where: key,
        create: { reviewItemId: item.id, keyId: reviewer.keyId, skippedAt: now },
        update: { skippedAt: now },
      });
      return true;
    });
  }

  /**
   * Puts a detection at the front of the queue because its user says it is wrong. Apps may flag their own
   * detections only (others' are "not found"). A detection already reviewed keeps its review: the flag is
   * recorded, but a reviewer has already looked at it.
   */
  async flag(viewer: Principal | null, detectionId: string, reason: string): Promise<DetectionView> {
    const actor = requireRole(viewer, 'app');
    const flagReason = parseInput(flagReasonSchema, reason);
    await this.detections.get(actor, detectionId);
    await this.prisma.$transaction(async (tx) => {
      const item = await tx.reviewItem.findUnique({ where: { detectionId }, select: { reasons: true } });
      const flag = { flaggedAt: this.now(), flagReason };
      if (!item) {
        await tx.reviewItem.create({ data: { detectionId, reasons: ['flagged'], priority: 0, ...flag } });
      } else {
        const reasons = item.reasons.includes('flagged')
          ? item.reasons
          : [...item.reasons, 'flagged' as const];
        await tx.reviewItem.update({ where: { detectionId }, data: { ...flag, reasons } });
      }
    });
    return this.detections.get(actor, detectionId);
  }

  /**
   * Records a reviewer's verdicts on a whole detection: one for each of its objects (so a reviewed image is fully
   * known, which exports rely on) and the objects it missed. Submitting again replaces the previous review.
   * Corrected and missed labels come from the latest published version of the detection's label set. CONFLICT
   * while another reviewer holds it; a review ends any claim on it.
   */
  async review(viewer: Principal | null, input: ReviewInput): Promise<DetectionView> {
    const reviewer = requireRole(viewer, 'reviewer');
    const review = parseInput(reviewSchema, input);
    const detection = await this.detections.get(reviewer, review.detectionId);
    const labels = await this.labels.resolveLabelMap(detection.labelSet);
    const verdicts = checkVerdicts(detection, review.objects, labels);
    const missed = review.missed.map(({ classKey, box }, index) => {
      const clipped = clipToImage({ classKey, ...box }, detection.image);
      if (clipped.width <= 0 || clipped.height <= 0) {
        throw new InputError(`missed[${index}] lies outside the image`, { field: `missed.${index}.box` });
      }
      return {
        classKey,
        labelZh: labelIn(labels, classKey, `missed.${index}.classKey`).zh,
        x: clipped.x,
        y: clipped.y,
        w: clipped.width,
        h: clipped.height,
      };
    });

    await this.prisma.$transaction(async (tx) => {
      const now = this.now();
      const held = await tx.reviewItem.findFirst({
        where: {
          detectionId: detection.id,
          claimedByKeyId: { not: reviewer.keyId },
          claimedUntil: { gte: now },
        },
        select: { claimedUntil: true },
      });
      if (held) throw heldByAnother(detection.id, held.claimedUntil);
      const reviewed = {
        reviewerKeyId: reviewer.keyId,
        reviewedAt: now,
        claimedByKeyId: null,
        claimedUntil: null,
      };
      const item = await tx.reviewItem.upsert({
        where: { detectionId: detection.id },
        create: { detectionId: detection.id, reasons: [], ...reviewed },
        update: reviewed,
        select: { id: true },
      });
      await tx.objectReview.deleteMany({ where: { reviewItemId: item.id } });
      await tx.missedObject.deleteMany({ where: { reviewItemId: item.id } });
      await tx.objectReview.createMany({ data: verdicts.map((v) => ({ ...v, reviewItemId: item.id })) });
      await tx.missedObject.createMany({ data: missed.map((m) => ({ ...m, reviewItemId: item.id })) });
    });
    return this.detections.get(reviewer, detection.id);
  }
}

function labelIn(labels: LabelMap, key: string, field: string) {
  const label = labels.labels.get(key);
  if (!label) throw new InputError(`Label set ${labels.labelSet} has no label ${key}`, { field });
  return label;
}

/** One verdict per object of the detection; a corrected label exactly when the verdict is wrong_label. */
function checkVerdicts(
  detection: DetectionView,
  verdicts: z.output<typeof reviewSchema>['objects'],
  labels: LabelMap,
) {
  const objects = new Map(detection.objects.map((o) => [o.id, o]));
  const seen = new Set<string>();
  const rows = verdicts.map(({ objectId, verdict, correctedKey }, index) => {
    const field = `objects.${index}`;
    const object = objects.get(objectId);
    if (!object)
      throw new InputError(`Detection ${detection.id} has no object ${objectId}`, {
        field: `${field}.objectId`,
      });
    if (seen.has(objectId))
      throw new InputError(`Object ${objectId} has two verdicts`, { field: `${field}.objectId` });
    seen.add(objectId);
    if (verdict !== 'wrong_label') {
      if (correctedKey)
        throw new InputError('Only a wrong_label verdict takes a corrected label', {
          field: `${field}.correctedKey`,
        });
      return { objectId, verdict, correctedKey: null, correctedLabelZh: null };
    }
    if (!correctedKey)
      throw new InputError('A wrong_label verdict needs the right label', { field: `${field}.correctedKey` });
    if (correctedKey === object.label.key) {
      throw new InputError(`The corrected label is the predicted one (${correctedKey})`, {
        field: `${field}.correctedKey`,
      });
    }
    const label = labelIn(labels, correctedKey, `${field}.correctedKey`);
    return { objectId, verdict, correctedKey, correctedLabelZh: label.zh };
  });
  const unjudged = detection.objects.filter((o) => !seen.has(o.id)).map((o) => o.id);
  if (unjudged.length) {
    throw new InputError(`Every object needs a verdict; missing: ${unjudged.join(', ')}`, {
      field: 'objects',
      unjudged,
    });
  }
  return rows;
}
