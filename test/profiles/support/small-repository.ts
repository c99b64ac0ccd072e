// A throw-away model repository holding only what the tests need: NanoDet's fp32 artifact at 160×160 (the
// smallest served size, so every build and run stays quick) and its profiles (made at every size the model
// bakes, here just that one), calibrated on the default photos.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NANODET } from '../../../models/src/repository/nanodet';
import type { ModelRecipe } from '../../../models/src/repository/recipe';
import { calibrationImagesFromDir } from '../../../api/src/profiles/calibration-images';
import { defaultCalibrationDir } from '../../../api/src/profiles/default-calibration';

export const SIZE = 160;
export const LIMITS = { maxBytes: 20 * 2 ** 20, maxPixels: 40_000_000 };

export const NANODET_AT_160: ModelRecipe = {
  manifest: NANODET.manifest,
  artifacts: async () => (await NANODET.artifacts()).filter((recipe) => recipe.inputSize === SIZE),
};

export async function temporaryDirs(): Promise<{ modelsDir: string; dataDir: string; versionDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'wanshi-profiles-'));
  const modelsDir = path.join(root, 'models');
  return {
    modelsDir,
    dataDir: path.join(root, 'data'),
    versionDir: path.join(modelsDir, NANODET.manifest.name, NANODET.manifest.version),
  };
}

export async function defaultCalibration(dataDir: string) {
  return calibrationImagesFromDir(
    await defaultCalibrationDir(dataDir),
    NANODET.manifest.input,
    LIMITS,
    'default photos',
  );
}
