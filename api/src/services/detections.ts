// Detection history: each request's result with everything needed to explain it later (model, precision,
// input size, label-set version, thresholds, timings, who asked).
import type { Principal } from '../auth/roles';
import type { DetectedObject, Prisma, PrismaClient } from '../db/client';
import type { Precision } from '../../../models/src/repository/manifest';
import { requireRole } from './authorization';
import type { Box } from './box';
import { ForbiddenError, InputError, NotFoundError } from './errors';
import type { LabelView } from './labels';
import { afterCursor, pageSize, toConnection, type Connection, type PageArgs } from './pagination';
import { dateRange, isUuid } from './validation';
import {
  detectionReviewOf,
  objectReviewOf,
  reviewItemInclude,
  type DetectionReviewView,
  type ObjectReviewView,
} from '../review/views';

export interface RecordDetectionInput {
  image: { sha256: string; width: number; height: number };
  modelVersionId: string;
  precision: Precision;
  inputSize: number;
  /** A published label-set version (LabelService.resolveLabelMap). */
  labelSetVersionId: string;
  minScore: number;
  maxObjects: number;
  timing: { queueMs: number; inferenceMs: number; totalMs: number; batchSize: number };
  executionProvider: string;
  apiKeyId: string | null;
  /** classKey: the model's class; labelKey: the label that showed it (default: the label keyed classKey). */
  objects: { classKey: string; labelKey?: string; labelZh: string; score: number; box: Box }[];
}

export interface DetectionView {
  id: string;
  createdAt: Date;
  image: { sha256: string; width: number; height: number };
  objects: {
    id: string;
    /** The model class found; `label` is how the label set showed it. */
    classKey: string;
    label: LabelView;
    score: number;
    box: Box;
    review: ObjectReviewView | null;
  }[];
  model: { name: string; version: string; precision: Precision; inputSize: number };
  labelSet: string;
  labelSetVersion: number;
  minScore: number;
  maxObjects: number;
  timing: { queueMs: number; inferenceMs: number; totalMs: number; batchSize: number };
  executionProvider: string;
  apiKeyId: string | null;
  review: DetectionReviewView;
}

export interface DetectionFilter {
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
  /** Only detections that found this class (with at least minScore, if given). */
  labelKey?: string | null;
  /** Only detections with an object scoring at least this. */
  minScore?: number | null;
  /** Model name. */
  model?: string | null;
  apiKeyId?: string | null;
}

const include = {
  objects: { orderBy: [{ score: 'desc' }, { id: 'asc' }], include: { review: true } },
  reviewItem: reviewItemInclude,
  modelVersion: { select: { name: true, version: true } },
  labelSetVersion: { select: { version: true, labelSet: { select: { key: true } }, labels: true } },
} satisfies Prisma.DetectionInclude;

type DetectionRow = Prisma.DetectionGetPayload<{ include: typeof include }>;
type SharedParts = Pick<DetectionRow, 'modelVersion' | 'labelSetVersion'>;

/** 9 parameters a row: well under PostgreSQL's 65535 bind parameters per statement, whatever maxObjects is. */
const MAX_OBJECT_ROWS_PER_INSERT = 2000;

function detectionColumns(input: RecordDetectionInput) {
  return {
    imageSha256: input.image.sha256,
    width: input.image.width,
    height: input.image.height,
    modelVersionId: input.modelVersionId,
    precision: input.precision,
    inputSize: input.inputSize,
    labelSetVersionId: input.labelSetVersionId,
    minScore: input.minScore,
    maxObjects: input.maxObjects,
    ...input.timing,
    executionProvider: input.executionProvider,
    apiKeyId: input.apiKeyId,
  };
}

function objectColumns(
  detectionId: string,
  { classKey, labelKey, labelZh, score, box }: RecordDetectionInput['objects'][number],
) {
  return { detectionId, classKey, labelKey, labelZh, score, x: box.x, y: box.y, w: box.width, h: box.height };
}

function toView(row: DetectionRow): DetectionView {
  const labels = new Map(row.labelSetVersion.labels.map((l) => [l.key, l]));
  const labelOf = (key: string, zh: string) => labelAsShown(key, zh, labels.get(key));
  return {
    id: row.id,
    createdAt: row.createdAt,
    image: { sha256: row.imageSha256, width: row.width, height: row.height },
    objects: row.objects.map((o) => ({
      id: o.id,
      classKey: o.classKey,
      // Rows from before label sets could map have no labelKey: their label was the class's.
      label: labelOf(o.labelKey ?? o.classKey, o.labelZh),
      score: o.score,
      box: { x: o.x, y: o.y, width: o.w, height: o.h },
      review: objectReviewOf(o.review, row.reviewItem, labelOf),
    })),
    model: {
      name: row.modelVersion.name,
      version: row.modelVersion.version,
      precision: row.precision as Precision,
      inputSize: row.inputSize,
    },
    labelSet: row.labelSetVersion.labelSet.key,
    labelSetVersion: row.labelSetVersion.version,
    minScore: row.minScore,
    maxObjects: row.maxObjects,
    timing: {
      queueMs: row.queueMs,
      inferenceMs: row.inferenceMs,
      totalMs: row.totalMs,
      batchSize: row.batchSize,
    },
    executionProvider: row.executionProvider,
    apiKeyId: row.apiKeyId,
    review: detectionReviewOf(row.reviewItem, labelOf),
  };
}

/**
 * The label as the detection showed it: the frozen label-set version it used, with the stored Chinese name.
 * A class missing from that version (the model knew a class the label set did not) shows its key.
 */
export function labelAsShown(key: string, zh: string, label: LabelView | undefined): LabelView {
  const {
    aliases = [],
    pinyin = '',
    category = '',
    color = '#808080',
    enabled = true,
    minScore = null,
    nameSource = 'untranslated',
    classes = [],
    categories = [],
  } = label ?? {};
  return { key, zh, aliases, pinyin, category, color, enabled, minScore, nameSource, classes, categories };
}

export class DetectionService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * What detections show of their model version and label-set version, by `${modelVersionId}/${labelSetVersionId}`:
   * fixed for given ids (a detection's label-set version is published, hence frozen), and the same few pairs
   * serve every detection, so `record` reads them once instead of with every insert (80 labels each time).
   */
  private readonly sharedParts = new Map<string, SharedParts>();

  /** Writes the detection and its objects in one transaction: all of it or nothing. */
  async record(input: RecordDetectionInput): Promise<DetectionView> {
    return (await this.recordMany([input]))[0];
  }

  /**
   * Writes several detections in one transaction (all or nothing), in as few statements as their number
   * allows: a write per detection costs more than the inference that produced it on a small machine.
   */
  async recordMany(inputs: readonly RecordDetectionInput[]): Promise<DetectionView[]> {
    const columns = inputs.map(detectionColumns);
    const { detections, objects } = await this.prisma.$transaction(async (tx) => {
      // Rows come back in the order given (PostgreSQL returns multi-row INSERT rows in VALUES order).
      const detections = await tx.detection.createManyAndReturn({
        data: columns,
        select: { id: true, createdAt: true },
      });
      const objectRows = inputs.flatMap((input, i) =>
        input.objects.map((o) => objectColumns(detections[i].id, o)),
      );
      const objects: DetectedObject[] = [];
      for (let start = 0; start < objectRows.length; start += MAX_OBJECT_ROWS_PER_INSERT) {
        objects.push(
          ...(await tx.detectedObject.createManyAndReturn({
            data: objectRows.slice(start, start + MAX_OBJECT_ROWS_PER_INSERT),
          })),
        );
      }
      return { detections, objects };
    });
    const views: DetectionView[] = [];
    for (const [i, created] of detections.entries()) {
      const shared = await this.sharedPartsOf(columns[i].modelVersionId, columns[i].labelSetVersionId);
      const own = objects
        .filter((o) => o.detectionId === created.id)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)) // as `include` orders them
        .map((o) => ({ ...o, review: null })); // nothing has reviewed a detection that did not exist a moment ago
      views.push(toView({ ...columns[i], ...created, ...shared, objects: own, reviewItem: null }));
    }
    return views;
  }

  /** One detection; an app key sees only its own (others' are "not found", not "forbidden": no probing ids). */
  async get(viewer: Principal | null, id: string): Promise<DetectionView> {
    const reader = requireRole(viewer, 'app');
    const row = isUuid(id)
      ? await this.prisma.detection.findFirst({ where: { id, ...ownDetectionsOnly(reader) }, include })
      : null;
    if (!row) throw new NotFoundError(`No detection ${id}`);
    return toView(row);
  }

  /** Several detections by id, in the order given (ids with no detection are left out). For reviewers. */
  async getMany(viewer: Principal | null, ids: readonly string[]): Promise<DetectionView[]> {
    requireRole(viewer, 'reviewer');
    const rows = await this.prisma.detection.findMany({ where: { id: { in: [...ids] } }, include });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toView(row)] : [];
    });
  }

  /** Newest first, paginated by cursor. An app key sees only its own detections. */
  async list(
    viewer: Principal | null,
    filter: DetectionFilter = {},
    page: PageArgs = {},
  ): Promise<Connection<DetectionView>> {
    const reader = requireRole(viewer, 'app');
    if (reader.role === 'app' && filter.apiKeyId && filter.apiKeyId !== reader.keyId) {
      throw new ForbiddenError('An app key can only list its own detections');
    }
    if (filter.apiKeyId != null && !isUuid(filter.apiKeyId)) {
      throw new InputError('apiKeyId is not an API key id', { field: 'apiKeyId' });
    }
    const size = pageSize(page.first);
    const where: Prisma.DetectionWhereInput = { AND: [filterWhere(filter), ownDetectionsOnly(reader)] };
    const [rows, totalCount] = await Promise.all([
      this.prisma.detection.findMany({
        where: { AND: [where, afterCursor('createdAt', page.after)] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
        include,
      }),
      this.prisma.detection.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (row) => ({ at: row.createdAt, id: row.id }), toView);
  }

  private async sharedPartsOf(modelVersionId: string, labelSetVersionId: string): Promise<SharedParts> {
    const key = `${modelVersionId}/${labelSetVersionId}`;
    let parts = this.sharedParts.get(key);
    if (!parts) {
      parts = {
        modelVersion: await this.prisma.modelVersion.findUniqueOrThrow({
          where: { id: modelVersionId },
          select: include.modelVersion.select,
        }),
        labelSetVersion: await this.prisma.labelSetVersion.findUniqueOrThrow({
          where: { id: labelSetVersionId },
          select: include.labelSetVersion.select,
        }),
      };
      this.sharedParts.set(key, parts);
    }
    return parts;
  }
}

function ownDetectionsOnly(reader: Principal): Prisma.DetectionWhereInput {
  return reader.role === 'app' ? { apiKeyId: reader.keyId } : {};
}

function filterWhere(filter: DetectionFilter): Prisma.DetectionWhereInput {
  const objectMatch: Prisma.DetectedObjectWhereInput = {
    ...(filter.labelKey != null && { classKey: filter.labelKey }),
    ...(filter.minScore != null && { score: { gte: filter.minScore } }),
  };
  return {
    createdAt: dateRange(filter),
    ...(filter.model != null && { modelVersion: { name: filter.model } }),
    ...(filter.apiKeyId != null && { apiKeyId: filter.apiKeyId }),
    ...(Object.keys(objectMatch).length > 0 && { objects: { some: objectMatch } }),
  };
}
