// Small copies of stored photos for lists (History, review): a browser scaling 50 originals down to 72 px
// downloads and decodes megabytes it never shows. Made on request (a few ms each; the dashboard lets the
// browser keep them, since a photo's address never changes), upright, never enlarged.
import sharp from 'sharp';

export const THUMBNAIL_WIDTH = { min: 16, max: 1024 } as const;

/** The `width` query parameter: undefined when absent, null when it is not a whole number in range. */
export function parseThumbnailWidth(value: string | null): number | undefined | null {
  if (value === null) return undefined;
  if (!/^\d{1,4}$/.test(value)) return null;
  const width = Number(value);
  return width >= THUMBNAIL_WIDTH.min && width <= THUMBNAIL_WIDTH.max ? width : null;
}

/** A WebP `width` pixels wide (or the photo's own width if smaller), EXIF orientation applied. */
export function makeThumbnail(photo: Buffer, width: number): Promise<Buffer> {
  return sharp(photo, { failOn: 'error' })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}
