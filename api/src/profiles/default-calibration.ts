// The calibration images used when none are given: crops of @vladmandic/human's sample pictures, written
// once under the data folder so they can be looked at (and replaced by a folder of one's own photos).
import path from 'node:path';
import {
  CALIBRATION_SOURCE_PACKAGE,
  CALIBRATION_CROPS,
  writeCalibrationPhotos,
} from '../../../models/src/profiles/calibrationPhotos';

export const DEFAULT_CALIBRATION_SOURCE = `${CALIBRATION_SOURCE_PACKAGE} assets/ (${CALIBRATION_CROPS.length} crops of its sample pictures; not COCO)`;

export async function defaultCalibrationDir(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'calibration', 'human-assets');
  await writeCalibrationPhotos(dir);
  return dir;
}
