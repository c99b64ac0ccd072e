// The photos the load is made of: real JPEGs from coco64, read once, and the same photos upscaled to the sizes
// apps upload (a 3 MP web photo, a 12 MP phone photo), generated with sharp in memory.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** The shared evaluation set beside the clone (as CI lays it out). */
export const COCO64_IMAGES = path.resolve(__dirname, '../../../shared/evalset/coco64/images');

export interface Photo {
  file: string;
  bytes: Buffer;
}

export function loadPhotos(dir = COCO64_IMAGES): Photo[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort();
  if (files.length === 0) throw new Error(`No photos in ${dir}`);
  return files.map((file) => ({ file, bytes: readFileSync(path.join(dir, file)) }));
}

/** coco64's photos are 0.3 MP (640×480 and the like): that size is the originals themselves. */
export const ORIGINAL_MEGAPIXELS = 0.3;

/**
 * `count` photos at about `megapixels`, aspect kept: the originals at 0.3 MP; otherwise upscaled JPEGs at
 * quality 90 (12 MP: a 640×480 photo becomes 4000×3000, what a phone sends).
 */
export async function photosAt(
  originals: readonly Photo[],
  megapixels: number,
  count: number,
): Promise<Photo[]> {
  const chosen = originals.slice(0, count);
  if (megapixels === ORIGINAL_MEGAPIXELS) return chosen;
  return Promise.all(
    chosen.map(async ({ file, bytes }) => {
      const { width = 1, height = 1 } = await sharp(bytes).metadata();
      const scale = Math.sqrt((megapixels * 1e6) / (width * height));
      const resized = await sharp(bytes)
        .resize(Math.round(width * scale), Math.round(height * scale), { fit: 'fill' })
        .jpeg({ quality: 90 })
        .toBuffer();
      return { file: `${file} ×${scale.toFixed(1)}`, bytes: resized };
    }),
  );
}
