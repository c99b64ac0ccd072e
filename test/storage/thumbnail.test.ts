import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeThumbnail, parseThumbnailWidth } from '../../api/src/storage/thumbnail';

/** A 640×512 JPEG stored sideways: EXIF orientation 6 shows it as 512×640. */
const sideways = () =>
  sharp({ create: { width: 640, height: 512, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

describe('parseThumbnailWidth', () => {
  it('is undefined without the parameter and the number for a width in range', () => {
    expect(parseThumbnailWidth(null)).toBeUndefined();
    expect(parseThumbnailWidth('144')).toBe(144);
  });

  it('refuses what is not a whole width from 16 to 1024', () => {
    for (const value of ['', '0', '15', '1025', '64.5', '-64', 'abc', '99999'])
      expect(parseThumbnailWidth(value), value).toBeNull();
  });
});

describe('makeThumbnail', () => {
  it('makes an upright WebP of the requested width, keeping the aspect ratio', async () => {
    const thumbnail = await makeThumbnail(await sideways(), 64);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'webp', width: 64, height: 80 });
  });

  it('never enlarges a photo narrower than the requested width', async () => {
    const thumbnail = await makeThumbnail(await sideways(), 1024);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ width: 512, height: 640 });
  });
});
