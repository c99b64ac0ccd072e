// End-to-end accuracy guard: a pre- or post-processing mistake (channel order, normalisation, the cell-centre
// offset, thresholds, NMS) costs several points of mAP; measured 0.376, so 0.36 leaves room only for noise.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config';
import { evaluateDetections } from '../../api/src/evaluation/coco-eval';
import { loadCocoDataset } from '../../api/src/evaluation/coco-format';
import { detectDataset } from '../../api/src/evaluation/detect-dataset';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { Detector } from '../../api/src/inference/detector';
import { loadManifest } from '../../models/src/repository/load';
import { COCO64, COCO64_IMAGES } from './coco64';

describe('nanodet-m on coco64', () => {
  it('reaches mAP@[.5:.95] ≥ 0.36 at 416 (pycocotools-equivalent scoring)', async () => {
    const versionDir = path.join(loadConfig().modelsDir, 'nanodet-m', '1');
    const manifest = await loadManifest(versionDir);
    const detector = new Detector(
      { versionDir, manifest, ...chooseArtifact(manifest, { inputSize: 416 }) },
      { providers: ['cpu'], intraOpThreads: 2 },
    );
    await detector.load();
    const dataset = await loadCocoDataset(path.join(COCO64, 'instances.json'));
    const run = await detectDataset(detector, dataset, COCO64_IMAGES, {
      batchSize: 8,
      limits: { maxBytes: 20_000_000, maxPixels: 40_000_000 },
    });
    await detector.unload();
    const result = evaluateDetections(dataset, run.detections);
    expect(result.map).toBeGreaterThanOrEqual(0.36);
    expect(result.map50).toBeGreaterThan(result.map);
  });
});
