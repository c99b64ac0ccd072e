import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, HEIC_UNSUPPORTED, ImageInputError } from '../../api/src/inference/image/decode';

/** A real iPhone-style HEIC (HEVC in HEIF) made with libheif's heif-enc (x265) from coco14's 000000000389.jpg. */
const HEIC = readFileSync(path.join(__dirname, 'fixtures/people.heic'));

const limits = { maxBytes: 1_000_000, maxPixels: 1_000_000 };

const solid = (width: number, height: number, rgb: [number, number, number]) =>
  sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } });

const pixelAt = (image: { data: Buffer; width: number }, x: number, y: number) => [
  ...image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3),
];

async function rejection(promise: Promise<unknown>): Promise<ImageInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageInputError);
  return error as ImageInputError;
}

describe('decodeImage', () => {
  it('returns interleaved RGB bytes with the image size', async () => {
    const image = await decodeImage(await solid(5, 3, [10, 20, 30]).png().toBuffer(), limits);
    expect([image.width, image.height, image.data.length]).toEqual([5, 3, 5 * 3 * 3]);
    expect(pixelAt(image, 4, 2)).toEqual([10, 20, 30]);
  });

  it('applies the EXIF orientation so the picture is upright', async () => {
    const rotated90 = await solid(4, 2, [0, 0, 0]).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await decodeImage(rotated90, limits);
    expect([image.width, image.height]).toEqual([2, 4]);
  });

  it('flattens transparency onto white', async () => {
    const transparent = await sharp({
      create: { width: 2, height: 2, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const image = await decodeImage(transparent, limits);
    expect(pixelAt(image, 0, 0)).toEqual([255, 255, 255]);
  });

  it('expands greyscale to three equal channels', async () => {
    const grey = await solid(2, 2, [90, 90, 90]).toColourspace('b-w').png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const image = await decodeImage(grey, limits);
    expect(pixelAt(image, 1, 1)).toEqual([90, 90, 90]);
  });

  it('refuses HEIC with an answer that says so (this libvips has no HEVC decoder)', async () => {
    expect((await sharp(HEIC).metadata()).compression).toBe('hevc');
    const error = await rejection(decodeImage(HEIC, limits));
    expect(error.reason).toBe('unsupported-format');
    expect(error.message).toBe(HEIC_UNSUPPORTED);
  });

  it('decodes AVIF, the other HEIF that libvips here reads', async () => {
    const image = await decodeImage(
      await solid(6, 4, [200, 40, 40]).avif({ lossless: true }).toBuffer(),
      limits,
    );
    expect([image.width, image.height]).toEqual([6, 4]);
    expect(pixelAt(image, 3, 2)[0]).toBeGreaterThan(180);
  });

  it('converts CMYK JPEGs to sRGB', async () => {
    const cmyk = await solid(2, 2, [200, 0, 0]).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const [r, g, b] = pixelAt(await decodeImage(cmyk, limits), 0, 0);
    expect(r).toBeGreaterThan(150);
    expect(Math.max(g, b)).toBeLessThan(60);
  });

  it('reduces 16-bit PNGs to 8 bits per channel', async () => {
    const deep = await solid(2, 2, [200, 100, 50]).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe('ushort');
    const image = await decodeImage(deep, limits);
    expect(image.data.length).toBe(2 * 2 * 3);
    expect(pixelAt(image, 1, 1)).toEqual([200, 100, 50]);
  });

  it('reads WebP', async () => {
    const image = await decodeImage(
      await solid(3, 3, [0, 255, 0]).webp({ lossless: true }).toBuffer(),
      limits,
    );
    expect(pixelAt(image, 1, 1)).toEqual([0, 255, 0]);
  });

  it('refuses an empty upload', async () => {
    expect((await rejection(decodeImage(Buffer.alloc(0), limits))).reason).toBe('empty');
  });

  it('refuses more bytes than the limit before decoding', async () => {
    const png = await solid(8, 8, [1, 2, 3]).png().toBuffer();
    const error = await rejection(decodeImage(png, { ...limits, maxBytes: png.length - 1 }));
    expect(error.reason).toBe('too-many-bytes');
  });

  it('refuses more pixels than the limit', async () => {
    const png = await solid(100, 100, [1, 2, 3]).png().toBuffer();
    const error = await rejection(decodeImage(png, { ...limits, maxPixels: 9_999 }));
    expect(error.reason).toBe('too-many-pixels');
  });

  it('refuses formats other than JPEG, PNG and WebP', async () => {
    const gif = await solid(2, 2, [1, 2, 3]).gif().toBuffer();
    expect((await rejection(decodeImage(gif, limits))).reason).toBe('unsupported-format');
  });

  it('refuses bytes that are not an image', async () => {
    const error = await rejection(decodeImage(Buffer.from('not an image at all'), limits));
    expect(error.reason).toBe('unsupported-format');
  });

  it('reports a truncated file as corrupt', async () => {
    const jpeg = await solid(64, 64, [1, 2, 3]).jpeg().toBuffer();
    const error = await rejection(decodeImage(jpeg.subarray(0, jpeg.length / 2), limits));
    expect(error.reason).toBe('corrupt');
  });
});
