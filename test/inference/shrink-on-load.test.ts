// Decoding at the model's size (shrink-on-load) must not move boxes: on a phone-size photo and on EXIF-rotated
// ones, the objects and their boxes (mapped back to original pixels) are those of a full-size decode, within one
// model-input pixel (12.6 original pixels on a 4032-pixel side at 320): the decoders' filters differ slightly,
// the geometry not at all.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { Detector, DISPLAY_OPTIONS, type Detection } from '../../api/src/inference/detector';
import { decodeImage } from '../../api/src/inference/image/decode';
import { loadManifest } from '../../models/src/repository/load';
import { COCO64_IMAGES } from '../evaluation/coco64';

const VERSION_DIR = path.join(loadConfig().modelsDir, 'nanodet-m', '1');
const LIMITS = { maxBytes: 40_000_000, maxPixels: 40_000_000 };
const SIZE = 320;
/** A street with people, a bus and cars: several confident boxes of different sizes. */
const PHOTO = path.join(COCO64_IMAGES, '000000000036.jpg');

let detector: Detector;
let photo: Buffer;

beforeAll(async () => {
  const manifest = await loadManifest(VERSION_DIR);
  detector = new Detector(
    {
      versionDir: VERSION_DIR,
      manifest,
      ...chooseArtifact(manifest, { precision: 'fp32', inputSize: SIZE }),
    },
    { providers: ['cpu'], intraOpThreads: 1 },
  );
  await detector.load();
  photo = await readFile(PHOTO);
});
afterAll(() => detector.unload());

/** What a phone uploads: 4032×3024 (12 MP), here the coco64 photo upscaled (portrait photo: 3024×4032). */
const phoneSize = (bytes: Buffer) =>
  sharp(bytes).resize(3024, 4032, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();

/**
 * The same upright picture stored sideways with the EXIF orientation that turns it back: 6 (viewer rotates
 * 90° clockwise) stores it rotated 90° anticlockwise, 8 the other way.
 */
const storedSideways = (bytes: Buffer, orientation: 6 | 8) =>
  sharp(bytes)
    .rotate(orientation === 6 ? 270 : 90)
    .withMetadata({ orientation })
    .jpeg({ quality: 90 })
    .toBuffer();

async function fullDecode(bytes: Buffer): Promise<Detection> {
  const prepared = await detector.prepare(await decodeImage(bytes, LIMITS), DISPLAY_OPTIONS);
  return (await detector.run([prepared]))[0];
}

async function decodedAtModelSize(bytes: Buffer): Promise<Detection> {
  return (await detector.run([await detector.prepareUpload(bytes, LIMITS, DISPLAY_OPTIONS)]))[0];
}

/**
 * Largest distance of any box edge from the same object's in the other detection (objects in score order), in
 * model-input pixels mapped back: original pixels over the pixels one input pixel covers on that axis.
 */
function largestEdgeShift(a: Detection, b: Detection): number {
  expect(b.objects.map((o) => o.key)).toEqual(a.objects.map((o) => o.key));
  const perInputPixel = [a.width / SIZE, a.height / SIZE];
  return Math.max(
    ...a.objects.flatMap((o, i) =>
      o.box.map((v, k) => Math.abs(v - b.objects[i].box[k]) / perInputPixel[k % 2]),
    ),
  );
}

describe('shrink-on-load decoding', () => {
  it.each([
    ['a 12 MP JPEG', () => phoneSize(photo)],
    ['a 12 MP JPEG with EXIF orientation 6', async () => storedSideways(await phoneSize(photo), 6)],
    ['a 12 MP JPEG with EXIF orientation 8', async () => storedSideways(await phoneSize(photo), 8)],
    ['the coco64 JPEG with EXIF orientation 6', () => storedSideways(photo, 6)],
    [
      'a 12 MP WebP',
      async () =>
        sharp(await phoneSize(photo))
          .webp({ quality: 90 })
          .toBuffer(),
    ],
    ['a 3 MP PNG', () => sharp(photo).resize(1500, 2000, { fit: 'fill' }).png().toBuffer()],
  ])('keeps the objects of %s and their boxes within 1 input pixel of a full decode', async (_, make) => {
    const bytes = await make();
    const full = await fullDecode(bytes);
    const fast = await decodedAtModelSize(bytes);
    expect([fast.width, fast.height]).toEqual([full.width, full.height]);
    expect(full.objects.length).toBeGreaterThanOrEqual(3);
    expect(largestEdgeShift(full, fast)).toBeLessThanOrEqual(1);
  });
});
