// The evaluation photos the load is made of: real JPEGs from coco64, read once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
