import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { Detector, EVALUATION_OPTIONS } from '../../api/src/inference/detector';
import { decodeImage } from '../../api/src/inference/image/decode';
import { loadManifest } from '../../models/src/repository/load';
import { COCO64_IMAGES } from '../evaluation/coco64';

const VERSION_DIR = path.join(loadConfig().modelsDir, 'nanodet-m', '1');
const PHOTOS = ['000000000086.jpg', '000000000009.jpg'].map((f) => path.join(COCO64_IMAGES, f));
const settings = { providers: ['cpu'] as const, intraOpThreads: 2 };
const limits = { maxBytes: 20_000_000, maxPixels: 40_000_000 };

async function detectorAt(versionDir: string, inputSize = 320): Promise<Detector> {
  const manifest = await loadManifest(versionDir);
  return new Detector({ versionDir, manifest, ...chooseArtifact(manifest, { inputSize }) }, settings);
}

describe('Detector', () => {
  let detector: Detector;
  beforeAll(async () => {
    detector = await detectorAt(VERSION_DIR);
    await detector.load();
  });
  afterAll(() => detector.unload());

  it('gives each image of a batch the same objects as when run alone', async () => {
    const images = await Promise.all(PHOTOS.map(async (f) => decodeImage(await readFile(f), limits)));
    const together = await detector.detect(images, EVALUATION_OPTIONS);
    const alone = [
      await detector.detect([images[0]], EVALUATION_OPTIONS),
      await detector.detect([images[1]], EVALUATION_OPTIONS),
    ];
    together.forEach((detection, i) => {
      expect(detection.objects.length).toBe(alone[i][0].objects.length);
      detection.objects.forEach((o, j) => {
        expect(o.key).toBe(alone[i][0].objects[j].key);
        expect(o.score).toBeCloseTo(alone[i][0].objects[j].score, 4);
      });
    });
  });

  it("keeps overlapping runs apart: each reads its own images, not the other run's", async () => {
    const [first, second] = await Promise.all(
      PHOTOS.map(async (f) =>
        detector.prepare(await decodeImage(await readFile(f), limits), EVALUATION_OPTIONS),
      ),
    );
    const alone = [(await detector.run([first]))[0], (await detector.run([second]))[0]];
    const overlapping = await Promise.all([detector.run([first]), detector.run([second])]);
    expect(alone[0].objects.map((o) => o.key)).not.toEqual(alone[1].objects.map((o) => o.key));
    expect(overlapping.map(([d]) => d)).toEqual(alone);
  });

  it('reports the upright size of the image, the frame its boxes are in', async () => {
    // EXIF orientation 6: stored 512×640 landscape-wise, shown rotated by 90°.
    const rotated = await sharp(await readFile(PHOTOS[0]))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const [detection] = await detector.detect([await decodeImage(rotated, limits)]);
    expect([detection.width, detection.height]).toEqual([640, 512]);
    for (const o of detection.objects) expect(o.box[2] <= 640 && o.box[3] <= 512).toBe(true);
  });

  it('prepares a warm-up sample of the model input size, which runs', async () => {
    const sample = await detector.warmUpSample();
    expect(sample.pixels.length).toBe(3 * 320 * 320);
    expect(await detector.run([sample])).toHaveLength(1);
  });

  it('refuses to run before load()', async () => {
    const unloaded = await detectorAt(VERSION_DIR);
    await expect(unloaded.run([await unloaded.warmUpSample()])).rejects.toThrow(/before load/);
  });

  it('refuses an artifact whose bytes are not the ones the manifest records', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-tampered-'));
    await copyFile(path.join(VERSION_DIR, 'manifest.json'), path.join(dir, 'manifest.json'));
    const manifest = await loadManifest(dir);
    const { artifact } = chooseArtifact(manifest, { inputSize: 320 });
    await writeFile(path.join(dir, artifact.file), Buffer.alloc(artifact.bytes)); // right size, wrong content
    const tampered = await detectorAt(dir);
    await expect(tampered.load()).rejects.toThrow(/sha256/);
    expect(tampered.provider).toBeUndefined();
    await rm(dir, { recursive: true });
  });
});
