// The shared evaluation set, found beside the repository (shared/ sits next to the clone, here and in CI).
import path from 'node:path';

export const COCO64 = path.resolve(__dirname, '../../../shared/evalset/coco64');
export const COCO64_IMAGES = path.join(COCO64, 'images');
