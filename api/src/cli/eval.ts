// npm run eval -- --images <dir> --annotations <coco.json> [--size 416] [--precision fp32] [--json]
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { evaluateDetections } from '../evaluation/coco-eval';
import { loadCocoDataset, type CocoDataset } from '../evaluation/coco-format';
import { detectDataset } from '../evaluation/detect-dataset';
import { evaluationJson, evaluationReport } from './format';
import { openDetector } from './open-detector';
import { MODEL_OPTIONS, modelChoice, positiveInteger, UsageError, userPath } from './options';
import { runCli } from './run-cli';

const USAGE =
  'npm run eval -- --images <dir> --annotations <coco.json> [--size 416] [--precision fp32] [--batch 8] [--limit N] [--json]';

runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      ...MODEL_OPTIONS,
      images: { type: 'string' },
      annotations: { type: 'string' },
      batch: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.images || !values.annotations) throw new UsageError('--images and --annotations are required');
  const config = loadConfig();
  const batchSize = values.batch ? positiveInteger('--batch', values.batch) : config.scheduler.maxBatchSize;
  const fullDataset = await loadCocoDataset(userPath(values.annotations));
  const dataset = values.limit
    ? firstImages(fullDataset, positiveInteger('--limit', values.limit))
    : fullDataset;

  const { detector, labels } = await openDetector(modelChoice(values));
  const run = await detectDataset(detector, dataset, userPath(values.images), {
    batchSize,
    limits: { maxBytes: config.limits.maxImageBytes, maxPixels: config.limits.maxImagePixels },
  });
  const provider = detector.provider ?? 'cpu';
  await detector.unload();

  const { manifest, artifact, inputSize } = detector.source;
  const summary = {
    model: `${manifest.name}@${manifest.version}`,
    precision: artifact.precision,
    inputSize,
    provider,
    images: run.images,
    imagesPerSecond: run.images / run.seconds,
    result: evaluateDetections(dataset, run.detections),
  };
  const zhByKey = new Map(labels.map((l) => [l.key, l.zh]));
  const zhOf = (name: string) => zhByKey.get(name) ?? name;
  console.log(values.json ? evaluationJson(summary, zhOf) : evaluationReport(summary, zhOf));
  return 0;
});

/** The first `count` images by id, with only their annotations: a quick check on part of a set. */
function firstImages(dataset: CocoDataset, count: number): CocoDataset {
  const images = [...dataset.images].sort((a, b) => a.id - b.id).slice(0, count);
  const ids = new Set(images.map((i) => i.id));
  return { ...dataset, images, annotations: dataset.annotations.filter((a) => ids.has(a.image_id)) };
}
