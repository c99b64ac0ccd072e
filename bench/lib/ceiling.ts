// What the hardware gives without the service around it: decode, resize, inference and post-processing of
// the same photos in a plain loop in this process (no GraphQL, scheduler, worker thread or database), with the
// server's thread count. The load results are read as a fraction of this.
import { DEFAULT_MODEL, versionDirOf } from '../../api/src/cli/open-detector';
import type { Config } from '../../api/src/config';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { DISPLAY_OPTIONS, Detector } from '../../api/src/inference/detector';
import { decodeImage } from '../../api/src/inference/image/decode';
import type { SessionSettings } from '../../api/src/inference/session';
import { loadManifest } from '../../models/src/repository/load';
import type { Photo } from './photos';

export interface CeilingPoint {
  batchSize: number;
  imagesPerSecond: number;
  /** This process's CPU (all threads) per image. */
  cpuMsPerImage: number;
}

/** A loaded detector kept for the whole bench, so the ceiling can be measured again next to every load point. */
export class Ceiling {
  private next = 0;

  private constructor(
    private readonly detector: Detector,
    private readonly photos: readonly Photo[],
    private readonly imageLimits: { maxBytes: number; maxPixels: number },
  ) {}

  static async open(
    photos: readonly Photo[],
    config: Pick<Config, 'modelsDir' | 'limits'>,
    session: SessionSettings,
    inputSize: number,
  ): Promise<Ceiling> {
    const versionDir = await versionDirOf(config.modelsDir, { model: DEFAULT_MODEL });
    const manifest = await loadManifest(versionDir);
    const { artifact } = chooseArtifact(manifest, { inputSize });
    const detector = new Detector({ versionDir, manifest, artifact, inputSize }, session);
    await detector.load();
    const { maxImageBytes, maxImagePixels } = config.limits;
    return new Ceiling(detector, photos, { maxBytes: maxImageBytes, maxPixels: maxImagePixels });
  }

  async measure(batchSize: number, seconds: number): Promise<CeilingPoint> {
    await this.detectBatch(batchSize); // warm-up: the first run of a shape allocates
    let images = 0;
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const until = startedAt + seconds * 1000;
    while (performance.now() < until) {
      await this.detectBatch(batchSize);
      images += batchSize;
    }
    const cpu = process.cpuUsage(cpuBefore);
    return {
      batchSize,
      imagesPerSecond: (images * 1000) / (performance.now() - startedAt),
      cpuMsPerImage: (cpu.user + cpu.system) / 1000 / images,
    };
  }

  close(): Promise<void> {
    return this.detector.unload();
  }

  private async detectBatch(size: number): Promise<void> {
    const batch = Array.from({ length: size }, () => this.photos[this.next++ % this.photos.length].bytes);
    const prepared = await Promise.all(
      batch.map(async (bytes) =>
        this.detector.prepare(await decodeImage(bytes, this.imageLimits), DISPLAY_OPTIONS),
      ),
    );
    await this.detector.run(prepared);
  }
}
