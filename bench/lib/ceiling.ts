// What the hardware gives without the service around it: decode, resize, inference and post-processing of
// the same photos in a plain loop in this process (no GraphQL, scheduler, worker thread or database), at the
// server's thread count. The load results are read as a fraction of this.
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { DISPLAY_OPTIONS, Detector } from '../../api/src/inference/detector';
import { decodeImage } from '../../api/src/inference/image/decode';
import type { Config } from '../../api/src/config';
import { versionDirOf, DEFAULT_MODEL } from '../../api/src/cli/open-detector';
import { loadManifest } from '../../models/src/repository/load';
import type { Photo } from './photos';

export interface CeilingPoint {
  batchSize: number;
  imagesPerSecond: number;
  /** This process's CPU (all threads) per image. */
  cpuMsPerImage: number;
}

export interface CeilingOptions {
  config: Config;
  inputSize: number;
  batchSizes: readonly number[];
  seconds: number;
}

export async function measureCeiling(photos: readonly Photo[], options: CeilingOptions): Promise<CeilingPoint[]> {
  const { config, inputSize } = options;
  const versionDir = await versionDirOf(config.modelsDir, { model: DEFAULT_MODEL });
  const manifest = await loadManifest(versionDir);
  const { artifact } = chooseArtifact(manifest, { inputSize });
  const detector = new Detector({ versionDir, manifest, artifact, inputSize }, config.inference);
  await detector.load();
  const imageLimits = { maxBytes: config.limits.maxImageBytes, maxPixels: config.limits.maxImagePixels };
  let next = 0;
  const detectBatch = async (size: number) => {
    const batch = Array.from({ length: size }, () => photos[next++ % photos.length].bytes);
    const prepared = await Promise.all(
      batch.map(async (bytes) => detector.prepare(await decodeImage(bytes, imageLimits), DISPLAY_OPTIONS)),
    );
    await detector.run(prepared);
  };
  try {
    const points: CeilingPoint[] = [];
    for (const batchSize of options.batchSizes) {
      await detectBatch(batchSize); // warm-up: first runs of a shape allocate
      let images = 0;
      const cpuBefore = process.cpuUsage();
      const startedAt = performance.now();
      const until = startedAt + options.seconds * 1000;
      while (performance.now() < until) {
        await detectBatch(batchSize);
        images += batchSize;
      }
      const cpu = process.cpuUsage(cpuBefore);
      points.push({
        batchSize,
        imagesPerSecond: (images * 1000) / (performance.now() - startedAt),
        cpuMsPerImage: (cpu.user + cpu.system) / 1000 / images,
      });
    }
    return points;
  } finally {
    await detector.unload();
  }
}
