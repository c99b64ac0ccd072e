// Runs a detector over a COCO dataset's images and returns COCO results, ready for evaluateDetections.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageLimits } from '../inference/image/decode';
import { EVALUATION_OPTIONS, type Detector } from '../inference/detector';
import type { CocoDataset, CocoDetection } from './coco-format';

export interface DatasetRun {
  detections: CocoDetection[];
  images: number;
  /** Wall time of the whole pipeline: read, decode, resize, inference and post-processing. */
  seconds: number;
}

export async function detectDataset(
  detector: Detector,
  dataset: CocoDataset,
  imagesDir: string,
  settings: { batchSize: number; limits: ImageLimits },
): Promise<DatasetRun> {
  const categoryIdOfClass = categoryIds(detector.source.manifest.classes, dataset);
  const images = [...dataset.images].sort((a, b) => a.id - b.id);
  const detections: CocoDetection[] = [];
  const started = performance.now();
  const batches: CocoDataset['images'][] = [];
  for (let i = 0; i < images.length; i += settings.batchSize)
    batches.push(images.slice(i, i + settings.batchSize));
  const prepareBatch = (batch: CocoDataset['images']) =>
    Promise.all(
      batch.map(async (entry) => {
        const bytes = await readFile(path.join(imagesDir, entry.file_name));
        return detector.prepareUpload(bytes, settings.limits, EVALUATION_OPTIONS);
      }),
    );
  let next = batches.length > 0 ? prepareBatch(batches[0]) : undefined;
  for (const [b, batch] of batches.entries()) {
    const prepared = await next!;
    // Decode and resize the next batch (sharp, on libuv threads) while this one is inferred.
    next = b + 1 < batches.length ? prepareBatch(batches[b + 1]) : undefined;
    const results = await detector.run(prepared);
    results.forEach((result, j) => {
      for (const object of result.objects) {
        const categoryId = categoryIdOfClass[object.classIndex];
        if (categoryId === undefined) continue; // a class the dataset does not annotate
        const [x1, y1, x2, y2] = object.box;
        detections.push({
          image_id: batch[j].id,
          category_id: categoryId,
          bbox: [x1, y1, x2 - x1, y2 - y1],
          score: object.score,
        });
      }
    });
  }
  return { detections, images: images.length, seconds: (performance.now() - started) / 1000 };
}

/** Dataset category id of each model class, matched by name (COCO's names are the model's class names). */
function categoryIds(classes: readonly string[], dataset: CocoDataset): (number | undefined)[] {
  const byName = new Map(dataset.categories.map((c) => [c.name, c.id]));
  return classes.map((name) => byName.get(name));
}
