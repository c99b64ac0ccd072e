// Making sure the profile artifacts exist, through the model repository builder, and finding each one in a
// manifest. The whole profile set (every profile at every size the model bakes) is always requested: the
// builder writes a manifest listing exactly its recipes, so asking for less would drop the other entries.
import type { ArtifactReport } from '../../../models/src/repository/build';
import { buildModelRepository } from '../../../models/src/repository/build';
import { MODEL_CATALOG } from '../../../models/src/repository/catalog';
import type { ArtifactEntry, ModelManifest } from '../../../models/src/repository/manifest';
import type { ModelRecipe } from '../../../models/src/repository/recipe';
import type { CalibrationImages } from '../../../models/src/profiles/calibrationImages';
import {
  DEFAULT_PROFILE_SETTINGS,
  withProfiles,
  type ProfileSettings,
} from '../../../models/src/profiles/recipes';
import type { ProfileId } from './result';

export function modelRecipe(name: string): ModelRecipe {
  const recipe = MODEL_CATALOG.find((m) => m.manifest.name === name);
  if (!recipe)
    throw new Error(
      `no model "${name}" in the catalog (has: ${MODEL_CATALOG.map((m) => m.manifest.name).join(', ')})`,
    );
  return recipe;
}

export async function buildProfileArtifacts(
  modelsDir: string,
  model: ModelRecipe,
  calibration: CalibrationImages,
  onArtifact?: (report: ArtifactReport) => void,
  settings: Omit<ProfileSettings, 'calibration'> = DEFAULT_PROFILE_SETTINGS,
): Promise<ArtifactReport[]> {
  return buildModelRepository({
    modelsDir,
    models: [withProfiles(model, { ...settings, calibration })],
    onArtifact,
  });
}

/** The artifact of a profile at a size: fp32 by precision, the others by the profile their build records. */
export function profileArtifact(manifest: ModelManifest, id: ProfileId, inputSize: number): ArtifactEntry {
  const found = manifest.artifacts.find(
    (a) => a.inputSize === inputSize && (id === 'fp32' ? a.precision === 'fp32' : a.build?.profile === id),
  );
  if (!found)
    throw new Error(
      `${manifest.name}@${manifest.version} has no ${id} artifact at ${inputSize}×${inputSize}`,
    );
  return found;
}
