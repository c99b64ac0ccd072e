// Accuracy of one artifact on an annotated set, through the serving path (Detector: sha256-verified load,
// the same preprocessing, decoding and NMS as the API), keeping the detections for agreement with fp32.
import { evaluateDetections } from '../evaluation/coco-eval';
import type { CocoDataset, CocoDetection } from '../evaluation/coco-format';
import { detectDataset } from '../evaluation/detect-dataset';
import type { ImageLimits } from '../inference/image/decode';
import { Detector, type DetectorSource } from '../inference/detector';
import type { SessionSettings } from '../inference/session';
import type { ExecutionProviderName } from '../config';

export interface AccuracyRun {
  detections: CocoDetection[];
  mAP: number;
  mAP50: number;
  provider: ExecutionProviderName;
}

export async function measureAccuracy(
  source: DetectorSource,
  session: SessionSettings,
  dataset: CocoDataset,
  imagesDir: string,
  limits: ImageLimits,
): Promise<AccuracyRun> {
  const detector = new Detector(source, session, () => undefined);
  await detector.load();
  try {
    const run = await detectDataset(detector, dataset, imagesDir, { batchSize: 8, limits });
    const result = evaluateDetections(dataset, run.detections);
    return {
      detections: run.detections,
      mAP: result.map,
      mAP50: result.map50,
      provider: detector.provider ?? 'cpu',
    };
  } finally {
    await detector.unload();
  }
}
