// The model repository as install, start and the tests' global setup build it: every catalog model's fp32
// artifacts and, made from them at every baked size, its lightweight profiles (fp16, fp16-storage, int8, int4),
// int8 calibrated on the default photos. So int8 serves right after `npm start`, with no benchmark job first.
import path from 'node:path';
import type { ArtifactReport } from '../../../models/src/repository/build';
import { MODEL_CATALOG } from '../../../models/src/repository/catalog';
import type { ModelRecipe } from '../../../models/src/repository/recipe';
import { writeCalibrationPhotos } from '../../../models/src/profiles/calibrationPhotos';
import type { ProfileName } from '../../../models/src/profiles/profiles';
import { DEFAULT_PROFILE_SETTINGS } from '../../../models/src/profiles/recipes';
import type { ImageLimits } from '../inference/image/decode';
import { buildProfileArtifacts } from './artifacts';
import { calibrationImagesFromDir } from './calibration-images';
import { DEFAULT_CALIBRATION_SOURCE } from './default-calibration';

/** The calibration photos are small crops; these limits only guard against a replaced folder. */
const CALIBRATION_LIMITS: ImageLimits = { maxBytes: 20 * 2 ** 20, maxPixels: 40_000_000 };

export interface RepositoryBuildOptions {
  modelsDir: string;
  onArtifact?: (report: ArtifactReport) => void;
}

/**
 * Builds (or confirms up to date) every catalog model with its profiles. The calibration photos are written
 * under `<modelsDir>/.calibration` (inputs of the build, like the weights; no manifest there, so never a model).
 */
export async function buildServingRepository({
  modelsDir,
  onArtifact,
}: RepositoryBuildOptions): Promise<ArtifactReport[]> {
  const reports: ArtifactReport[] = [];
  for (const model of MODEL_CATALOG)
    reports.push(...(await buildDefaultProfiles(modelsDir, model, onArtifact)));
  return reports;
}

/**
 * One model's fp32 artifacts and every default profile at each of its baked sizes, calibrated on the default
 * photos. Also for a model added later (an imported one, built in its staging folder): call it with that
 * model's recipe.
 */
export async function buildDefaultProfiles(
  modelsDir: string,
  model: ModelRecipe,
  onArtifact?: (report: ArtifactReport) => void,
  { repositoryDir = modelsDir, profiles = DEFAULT_PROFILE_SETTINGS.profiles }: DefaultBuildOptions = {},
): Promise<ArtifactReport[]> {
  const calibrationDir = path.join(modelsDir, '.calibration');
  await writeCalibrationPhotos(calibrationDir);
  const calibration = await calibrationImagesFromDir(
    calibrationDir,
    model.manifest.input,
    CALIBRATION_LIMITS,
    DEFAULT_CALIBRATION_SOURCE,
  );
  const versionDir = path.join(repositoryDir, model.manifest.name, model.manifest.version);
  return buildProfileArtifacts(repositoryDir, model, calibration, onArtifact, {
    ...DEFAULT_PROFILE_SETTINGS,
    profiles,
    versionDir,
  });
}

export interface DefaultBuildOptions {
  /** Where `<name>/<version>/` is (an import builds in its staging folder); default: the models folder. */
  repositoryDir?: string;
  /** Default: every profile. */
  profiles?: readonly ProfileName[];
}
