// Exports of reviewed images with corrected boxes, for fine-tuning elsewhere. Streamed: photos are read and
// written one at a time, then the annotation files, so an export of thousands of photos needs little memory.
import type { Principal } from '../../auth/roles';
import type { PrismaClient } from '../../db/client';
import { requireRole } from '../../services/authorization';
import type { LabelService } from '../../services/labels';
import type { ImageStore } from '../../storage';
import { imageContentType } from '../../storage/content-type';
import { loadReviewedDetections, type ReviewFilter } from '../reviewed';
import { toCoco } from './coco';
import { correctedBoxes, type ExportCategory, type ExportDataset, type ExportImage } from './dataset';
import { toYolo, type TextFile } from './yolo';
import { ZipWriter } from './zip';

/**
 * `coco.json`: the annotations alone (photos by URL: /images/<sha256>); `coco.zip`: annotations.json and
 * images/, as Label Studio exports COCO; `yolo.zip`: data.yaml, classes.txt, images/ and labels/, as
 * Ultralytics trains on and Roboflow exports.
 */
export const EXPORT_FORMATS = ['coco.json', 'coco.zip', 'yolo.zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

export class ReviewExportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly labels: LabelService,
    private readonly images: ImageStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes the export to `write` (awaited per chunk, for back-pressure). */
  async write(
    viewer: Principal | null,
    format: ExportFormat,
    filter: ReviewFilter,
    write: (chunk: Buffer) => Promise<void>,
  ): Promise<void> {
    requireRole(viewer, 'reviewer');
    const labelMap = await this.labels.resolveLabelMap(filter.labelSet);
    const exportedAt = this.now();
    const zip = format === 'coco.json' ? null : new ZipWriter(write, exportedAt);

    const images: ExportImage[] = [];
    const missingPhotos: string[] = [];
    const seen = new Set<string>();
    // Newest review first: when the same photo was detected and reviewed twice, its latest review counts.
    for (const reviewed of await loadReviewedDetections(this.prisma, filter)) {
      const { sha256, width, height } = reviewed.image;
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      const photo = await this.images.get(sha256);
      if (!photo) {
        missingPhotos.push(sha256); // evicted from the image store: nothing to train on
        continue;
      }
      const fileName = `images/${sha256}.${EXTENSIONS[imageContentType(photo)] ?? 'bin'}`;
      await zip?.add(fileName, photo);
      images.push({
        sha256,
        fileName,
        width,
        height,
        boxes: correctedBoxes(reviewed.image, reviewed.objects, reviewed.missed),
      });
    }

    const known: ExportCategory[] = [...labelMap.labels.values()].map(({ key, zh, category }) => ({
      key,
      zh,
      category,
    }));
    const dataset: ExportDataset = {
      labelSet: labelMap.labelSet,
      labelSetVersion: labelMap.version,
      exportedAt,
      categories: withUnknownClasses(known, images),
      images,
    };
    if (!zip) {
      await write(Buffer.from(JSON.stringify(toCoco(dataset), null, 2)));
      return;
    }
    const files: TextFile[] =
      format === 'coco.zip'
        ? [{ path: 'annotations.json', text: JSON.stringify(toCoco(dataset), null, 2) }]
        : toYolo(dataset);
    if (missingPhotos.length) {
      files.push({
        path: 'missing-photos.txt',
        text: `# reviewed, but the photo is no longer stored\n${missingPhotos.join('\n')}\n`,
      });
    }
    for (const file of files) await zip.add(file.path, file.text);
    await zip.finish();
  }
}

/** Classes a detection used that the label set's latest version lacks still need a category (named by key). */
function withUnknownClasses(categories: ExportCategory[], images: readonly ExportImage[]): ExportCategory[] {
  const keys = new Set(categories.map((c) => c.key));
  const extra = [...new Set(images.flatMap((image) => image.boxes.map((box) => box.classKey)))].filter(
    (key) => !keys.has(key),
  );
  return [...categories, ...extra.map((key) => ({ key, zh: key, category: '' }))];
}
