// The reviewed detections of a label set in a time range: what statistics and exports are computed from.
import type { PrismaClient, Prisma } from '../db/client';
import type { ExportBox, ReviewedObject } from './export/dataset';
import type { Verdict } from './statistics';
import { dateRange } from '../services/validation';

export interface ReviewFilter {
  labelSet: string;
  /** Detection time, inclusive. */
  from?: Date | null;
  /** Detection time, exclusive. */
  to?: Date | null;
}

export interface ReviewedDetectionRow {
  detectedAt: Date;
  reviewedAt: Date;
  image: { sha256: string; width: number; height: number };
  objects: (ReviewedObject & { verdict: Verdict })[];
  missed: ExportBox[];
}

export async function loadReviewedDetections(
  prisma: PrismaClient,
  filter: ReviewFilter,
): Promise<ReviewedDetectionRow[]> {
  const where: Prisma.ReviewItemWhereInput = {
    reviewedAt: { not: null },
    detection: {
      labelSetVersion: { labelSet: { key: filter.labelSet } },
      createdAt: dateRange(filter),
    },
  };
  const box = { x: true, y: true, w: true, h: true } as const;
  const rows = await prisma.reviewItem.findMany({
    where,
    orderBy: [{ reviewedAt: 'desc' }, { id: 'desc' }],
    select: {
      reviewedAt: true,
      detection: {
        select: {
          createdAt: true,
          imageSha256: true,
          width: true,
          height: true,
          objects: {
            orderBy: [{ score: 'desc' }, { id: 'asc' }],
            select: { classKey: true, ...box, review: { select: { verdict: true, correctedKey: true } } },
          },
        },
      },
      missed: { select: { classKey: true, ...box } },
    },
  });
  const toBox = (b: { x: number; y: number; w: number; h: number }) => ({
    x: b.x,
    y: b.y,
    width: b.w,
    height: b.h,
  });
  return rows.map(({ reviewedAt, detection, missed }) => ({
    detectedAt: detection.createdAt,
    reviewedAt: reviewedAt!,
    image: { sha256: detection.imageSha256, width: detection.width, height: detection.height },
    objects: detection.objects.map((o) => ({
      classKey: o.classKey,
      // A review is only written with a verdict for every object of its detection (ReviewService.submit).
      verdict: o.review!.verdict,
      correctedKey: o.review!.correctedKey,
      box: toBox(o),
    })),
    missed: missed.map((m) => ({ classKey: m.classKey, ...toBox(m) })),
  }));
}
