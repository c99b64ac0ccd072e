// The default calibration photos: regions of the sample pictures that ship with @vladmandic/human (MIT), the
// runtime of the package our weights come from. They are photos (people, rooms, a street, a rendered figure),
// none from COCO, so int8 ranges are never fitted to the images the profiles are evaluated on. Each crop is
// one whole sub-picture of a collage or screenshot, without the UI around it.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../repository/atomicWrite';

export const CALIBRATION_SOURCE_PACKAGE = '@vladmandic/human';

interface Crop {
  file: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

const crop = (file: string, left: number, top: number, width: number, height: number): Crop => ({
  file,
  left,
  top,
  width,
  height,
});

/** Pixel rectangles in the package's assets/ pictures, found by their dark separator rows and columns. */
export const CALIBRATION_CROPS: readonly Crop[] = [
  // samples.jpg: a row of eight sample photos above one large group photo.
  ...[
    [0, 158],
    [166, 151],
    [326, 210],
    [545, 89],
    [641, 148],
    [797, 106],
    [911, 212],
    [1130, 143],
  ].map(([left, width]) => crop('samples.jpg', left, 1, width, 156)),
  crop('samples.jpg', 0, 196, 1280, 962),
  crop('samples.jpg', 0, 196, 640, 962),
  crop('samples.jpg', 640, 196, 640, 962),
  crop('samples.jpg', 320, 400, 640, 640),
  crop('samples.jpg', 200, 196, 1080, 400),
  crop('samples.jpg', 0, 800, 1280, 358),
  // screenshot-facedetect.jpg: five group photos in a strip, five portraits below.
  ...[
    [0, 102],
    [105, 200],
    [307, 198],
    [507, 198],
    [707, 93],
  ].map(([left, width]) => crop('screenshot-facedetect.jpg', left, 87, width, 163)),
  ...[
    [10, 147],
    [165, 150],
    [322, 150],
    [480, 147],
    [632, 153],
  ].map(([left, width]) => crop('screenshot-facedetect.jpg', left, 344, width, 150)),
  // screenshot-vrm.jpg: a rendered figure and a webcam picture of a room.
  crop('screenshot-vrm.jpg', 0, 0, 475, 653),
  crop('screenshot-vrm.jpg', 475, 2, 322, 242),
  // screenshot-faceid.jpg: one portrait.
  crop('screenshot-faceid.jpg', 15, 141, 139, 139),
  // screenshot-facematch.jpg: a grid of face thumbnails, two halves.
  crop('screenshot-facematch.jpg', 0, 286, 960, 668),
  crop('screenshot-facematch.jpg', 960, 286, 960, 668),
];

export function calibrationAssetsDir(): string {
  // The package exports no package.json; its Node entry sits in dist/, beside assets/.
  return path.join(path.dirname(require.resolve(CALIBRATION_SOURCE_PACKAGE)), '..', 'assets');
}

/** Writes each crop as a JPEG into `dir` (skipping files already there) and returns the file paths. */
export async function writeCalibrationPhotos(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const [index, c] of CALIBRATION_CROPS.entries()) {
    const name = `${String(index + 1).padStart(2, '0')}-${path.parse(c.file).name}.jpg`;
    const target = path.join(dir, name);
    const exists = await readFile(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const source = path.join(calibrationAssetsDir(), c.file);
      const jpeg = await sharp(source)
        .extract({ left: c.left, top: c.top, width: c.width, height: c.height })
        .jpeg({ quality: 95 })
        .toBuffer();
      await writeFileAtomic(target, jpeg);
    }
    files.push(target);
  }
  return files;
}
