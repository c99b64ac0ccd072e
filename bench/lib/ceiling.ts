// What the hardware gives without the service around it: decode (at the model's size, as the server does),
// inference and post-processing of the same photos in a plain loop in this process (no GraphQL, scheduler,
// worker thread or database). Measured at several intra-op thread counts and batch sizes; the best is the
// ceiling the load results are read against.
import { DEFAULT_MODEL, versionDirOf } from '../../api/src/cli/open-detector';
import type { Config } from '../../api/src/config';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { DISPLAY_OPTIONS, Detector } from '../../api/src/inference/detector';
import type { SessionSettings } from '../../api/src/inference/session';
import type { Precision } from '../../models/src/repository/manifest';
import { loadManifest } from '../../models/src/repository/load';
import type { Photo } from './photos';
import { median } from '../../api/src/statistics/percentile';

export interface CeilingPoint {
  threads: number;
  batchSize: number;
  imagesPerSecond: number;
  /** This process's CPU (all threads) per image. */
  cpuMsPerImage: number;
}

/** A loaded detector kept for the whole bench, so the ceiling can be measured again next to load points. */
export class Ceiling {
  private next = 0;

  private constructor(
    private readonly detector: Detector,
    readonly threads: number,
    private readonly imageLimits: { maxBytes: number; maxPixels: number },
  ) {}

  static async open(
    config: Pick<Config, 'modelsDir' | 'limits'>,
    session: SessionSettings,
    precision: Precision,
    inputSize: number,
  ): Promise<Ceiling> {
    const versionDir = await versionDirOf(config.modelsDir, { model: DEFAULT_MODEL });
    const manifest = await loadManifest(versionDir);
    const { artifact } = chooseArtifact(manifest, { precision, inputSize });
    const detector = new Detector({ versionDir, manifest, artifact, inputSize }, session);
    await detector.load();
    const { maxImageBytes, maxImagePixels } = config.limits;
    return new Ceiling(detector, session.intraOpThreads, {
      maxBytes: maxImageBytes,
      maxPixels: maxImagePixels,
    });
  }

  /**
   * Images per second over `seconds`, decoding each batch while the previous one is inferred (libvips runs on
   * libuv's threads), as well as a plain loop can.
   */
  async measure(photos: readonly Photo[], batchSize: number, seconds: number): Promise<CeilingPoint> {
    await this.detector.run(await this.prepare(photos, batchSize)); // warm-up: a shape's first run allocates
    let images = 0;
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const until = startedAt + seconds * 1000;
    let next = this.prepare(photos, batchSize);
    while (performance.now() < until) {
      const batch = await next;
      next = this.prepare(photos, batchSize);
      await this.detector.run(batch);
      images += batchSize;
    }
    await next;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      threads: this.threads,
      batchSize,
      imagesPerSecond: (images * 1000) / (performance.now() - startedAt),
      cpuMsPerImage: (cpu.user + cpu.system) / 1000 / images,
    };
  }

  /** Median ms of decode + inference of one photo at a time, in sequence: what a lone request needs at least. */
  async sequentialLatencyMs(photos: readonly Photo[], seconds: number): Promise<number> {
    const times: number[] = [];
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) {
      const startedAt = performance.now();
      await this.detector.run(await this.prepare(photos, 1));
      times.push(performance.now() - startedAt);
    }
    return median(times);
  }

  close(): Promise<void> {
    return this.detector.unload();
  }

  private prepare(photos: readonly Photo[], size: number) {
    const batch = Array.from({ length: size }, () => photos[this.next++ % photos.length].bytes);
    return Promise.all(
      batch.map((bytes) => this.detector.prepareUpload(bytes, this.imageLimits, DISPLAY_OPTIONS)),
    );
  }
}

/** Every thread count × batch size, and the best of them. */
export async function sweepCeiling(
  ceilings: readonly Ceiling[],
  photos: readonly Photo[],
  batchSizes: readonly number[],
  seconds: number,
): Promise<{ sweep: CeilingPoint[]; best: CeilingPoint }> {
  const sweep: CeilingPoint[] = [];
  for (const ceiling of ceilings)
    for (const batchSize of batchSizes) sweep.push(await ceiling.measure(photos, batchSize, seconds));
  const best = sweep.reduce((a, b) => (b.imagesPerSecond > a.imagesPerSecond ? b : a));
  return { sweep, best };
}
