// A quick benchmark measures accuracy on the first few images of the evaluation set: the same COCO file cut down
// to them, written next to the run (runProfileBenchmark reads a file, so the cap is a smaller file).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCocoDataset } from '../evaluation/coco-format';

/** Writes the first `maxImages` images (by id) with their annotations into `dir`; returns the new file. */
export async function writeEvaluationSubset(
  annotationsFile: string,
  maxImages: number,
  dir: string,
): Promise<string> {
  const dataset = await loadCocoDataset(annotationsFile);
  const images = [...dataset.images].sort((a, b) => a.id - b.id).slice(0, maxImages);
  const ids = new Set(images.map((image) => image.id));
  const subset = { ...dataset, images, annotations: dataset.annotations.filter((a) => ids.has(a.image_id)) };
  const file = path.join(dir, `first-${images.length}-${path.basename(annotationsFile)}`);
  await writeFile(file, JSON.stringify(subset));
  return file;
}
