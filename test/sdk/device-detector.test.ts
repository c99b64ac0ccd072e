// DeviceDetector in Node with onnxruntime-web (wasm) on bundles the real server serves, against that server's
// detect for the same photos and profile.
// Fed the server's own fitted pixels, the answers must match (the model and the post-processing are the same);
// fed full RGBA pixels, the device resizes itself, and the test holds it to the label set and the boxes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeForModel } from '../../api/src/inference/image/preprocess';
import type { ModelManifest, Precision } from '../../models/src/repository/manifest';
import { WanshiClient } from '../../sdk/src/client/client';
import { readZip } from '../../sdk/src/bundle/zip';
import { iou } from '../../sdk/src/geometry/box';
import { DeviceDetector } from '../../sdk/src/device/device-detector';
import type { DetectionResult } from '../../sdk/src/result';
import { ADMIN_KEY, EVAL_IMAGES, startTestServer, type TestServer } from '../api/harness';
import { bundleFiles, MODEL_DIR, zipBundle } from './bundle-fixture';

export const PARITY_PHOTOS = [
  '000000000009.jpg',
  '000000000036.jpg',
  '000000000049.jpg',
  '000000000064.jpg',
  '000000000030.jpg',
];
const LIMITS = { maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000 };
const manifest = JSON.parse(readFileSync(path.join(MODEL_DIR, 'manifest.json'), 'utf8')) as ModelManifest;
const photo = (file: string) => new Uint8Array(readFileSync(path.join(EVAL_IMAGES, file)));

ort.env.wasm.numThreads = 1;

/** Largest difference of any box edge, in pixels, and of any score, between two answers with the same labels. */
function differences(device: DetectionResult, server: DetectionResult) {
  let box = 0;
  let score = 0;
  device.objects.forEach((o, i) => {
    const s = server.objects[i];
    for (const k of ['x', 'y', 'width', 'height'] as const)
      box = Math.max(box, Math.abs(o.box[k] - s.box[k]));
    score = Math.max(score, Math.abs(o.score - s.score));
  });
  return { box, score };
}

type ResultBox = DetectionResult['objects'][number]['box'];
const boxIou = (a: ResultBox, b: ResultBox) =>
  iou([a.x, a.y, a.x + a.width, a.y + a.height], [b.x, b.y, b.x + b.width, b.y + b.height]);

describe('DeviceDetector', () => {
  let api: TestServer;
  let server: WanshiClient;
  const detectors = new Map<string, DeviceDetector>();
  const detectorFor = async (precision: Precision, size: number) => {
    const key = `${precision}-${size}`;
    if (!detectors.has(key)) {
      const download = await server.downloadBundle(`/bundles/nanodet-m/1/${key}.zip`);
      if (download.notModified) throw new Error('no ETag was sent');
      detectors.set(key, await DeviceDetector.load(download.zip, ort));
    }
    return detectors.get(key)!;
  };

  beforeAll(async () => {
    api = await startTestServer('pglite');
    server = new WanshiClient({ url: api.url, apiKey: ADMIN_KEY });
  });
  afterAll(async () => {
    for (const d of detectors.values()) await d.release();
    await api?.close();
  });

  for (const [precision, size, boxTolerance, scoreTolerance] of [
    ['fp32', 320, 1, 1e-3],
    ['int8', 320, 2, Infinity],
  ] as const) {
    it(`answers the server's labels on 5 photos at ${precision}-${size} from the server's fitted pixels (boxes within ${boxTolerance} px${scoreTolerance < 1 ? `, scores within ${scoreTolerance}` : ''})`, async () => {
      const device = await detectorFor(precision, size);
      const worst = { box: 0, score: 0 };
      for (const file of PARITY_PHOTOS) {
        const fitted = await decodeForModel(photo(file), LIMITS, size, manifest.input);
        const mine = await device.detectFitted(fitted);
        const theirs = await server.detect(photo(file), {
          precision,
          inputSize: size,
          sampleForReview: false,
        });
        expect(
          mine.objects.map((o) => o.label.zh),
          file,
        ).toEqual(theirs.objects.map((o) => o.label.zh));
        expect(mine.image).toEqual({ width: theirs.image.width, height: theirs.image.height });
        const { box, score } = differences(mine, theirs);
        expect(box, file).toBeLessThanOrEqual(boxTolerance);
        expect(score, file).toBeLessThanOrEqual(scoreTolerance);
        worst.box = Math.max(worst.box, box);
        worst.score = Math.max(worst.score, score);
      }
      console.log(
        `${precision}-${size} same pixels: max box edge ${worst.box.toFixed(4)} px, max score ${worst.score.toExponential(2)}`,
      );
    });
  }

  it('resizes full RGBA pixels itself and finds the objects the server finds above 0.4, each with IoU ≥ 0.9', async () => {
    const device = await detectorFor('fp32', 320);
    for (const file of PARITY_PHOTOS) {
      const { data, info } = await sharp(photo(file))
        .rotate()
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const mine = await device.detect({ data, width: info.width, height: info.height });
      const theirs = await server.detect(photo(file), {
        precision: 'fp32',
        inputSize: 320,
        sampleForReview: false,
      });
      for (const wanted of theirs.objects.filter((o) => o.score >= 0.4)) {
        const best = Math.max(
          0,
          ...mine.objects
            .filter((o) => o.label.key === wanted.label.key)
            .map((o) => boxIou(o.box, wanted.box)),
        );
        expect(best, `${file} ${wanted.label.zh}`).toBeGreaterThanOrEqual(0.9);
      }
    }
  });

  it('gives boxes in original pixels when it is handed a smaller copy of the photo', async () => {
    const device = await detectorFor('fp32', 320);
    const file = PARITY_PHOTOS[1];
    const meta = await sharp(photo(file)).metadata();
    const { data, info } = await sharp(photo(file))
      .resize(320)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const answer = await device.detect({
      data,
      width: info.width,
      height: info.height,
      originalWidth: meta.width,
      originalHeight: meta.height,
    });
    expect(answer.image).toEqual({ width: meta.width, height: meta.height });
    const right = Math.max(...answer.objects.map((o) => o.box.x + o.box.width));
    expect(right).toBeGreaterThan(320);
    expect(right).toBeLessThanOrEqual(meta.width!);
  });

  it('refuses a bundle whose model was altered after the manifest was made', async () => {
    const files = await bundleFiles('int8', 224);
    const genuine = await zipBundle(files, 'int8', 224);
    const model = Uint8Array.from(files['model.onnx']);
    model[100] ^= 0xff;
    const claimed = JSON.parse(new TextDecoder().decode((await readZip(genuine)).get('manifest.json'))).files;
    await expect(
      DeviceDetector.load(await zipBundle({ ...files, 'model.onnx': model }, 'int8', 224, claimed), ort),
    ).rejects.toThrow('sha256');
  });
});
