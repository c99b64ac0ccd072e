// Making sure the profile artifacts exist, through the model repository builder, and finding each one in a
// manifest.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactReport } from '../../../models/src/repository/build';
import { buildModelRepository } from '../../../models/src/repository/build';
import { MODEL_CATALOG } from '../../../models/src/repository/catalog';
import { loadManifest } from '../../../models/src/repository/load';
import type { ArtifactEntry, ModelManifest } from '../../../models/src/repository/manifest';
import type { ModelRecipe } from '../../../models/src/repository/recipe';
import type { CalibrationImages } from '../../../models/src/profiles/calibrationImages';
import { isProfileName, type ProfileName } from '../../../models/src/profiles/profiles';
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

/**
 * The recipe a profile build starts from: the catalog's, or for an imported version (one whose manifest has a
 * provenance) its uploaded fp32 file as it is, so fp16/int8/int4 profiles are made from it like from the
 * catalog's own artifacts.
 */
export async function resolveModelRecipe(
  modelsDir: string,
  name: string,
  version?: string,
): Promise<ModelRecipe> {
  const catalog = MODEL_CATALOG.find(
    (m) => m.manifest.name === name && (version === undefined || m.manifest.version === version),
  );
  if (catalog || version === undefined) return catalog ?? modelRecipe(name);
  const versionDir = path.join(modelsDir, name, version);
  const manifest = await loadManifest(versionDir).catch(() => undefined);
  if (!manifest?.provenance)
    throw new Error(`no model "${name}" ${version} in the catalog or among the imported`);
  return importedRecipe(versionDir, manifest);
}

/** An imported version's recipe: its uploaded file(s) as they are, read from `versionDir`. */
export function importedRecipe(versionDir: string, { artifacts, ...manifest }: ModelManifest): ModelRecipe {
  const originals = artifacts.filter((a) => a.build?.imported !== undefined);
  return {
    manifest,
    artifacts: async () =>
      originals.map(({ file, precision, inputSize, build = {} }) => ({
        file,
        precision,
        inputSize,
        build,
        produce: () => readFile(path.join(versionDir, file)),
      })),
  };
}

/**
 * Builds the profiles asked for and keeps every profile the manifest already lists (at least the same
 * profiles and sizes): the repository builder writes a manifest of exactly its recipes, so building fewer
 * would drop the others' entries.
 */
export async function buildProfileArtifacts(
  modelsDir: string,
  model: ModelRecipe,
  calibration: CalibrationImages,
  onArtifact?: (report: ArtifactReport) => void,
  settings: Omit<ProfileSettings, 'calibration'> = DEFAULT_PROFILE_SETTINGS,
): Promise<ArtifactReport[]> {
  const versionDir = path.join(modelsDir, model.manifest.name, model.manifest.version);
  const listed = ((await loadManifest(versionDir).catch(() => undefined))?.artifacts ?? []).filter((a) =>
    isProfileName(String(a.build?.profile)),
  );
  const union = <T>(asked: readonly T[], kept: readonly T[]) => [...new Set([...asked, ...kept])];
  const kept = {
    ...settings,
    profiles: union(
      settings.profiles,
      listed.map((a) => a.build?.profile as ProfileName),
    ),
    sizes:
      settings.sizes &&
      union(
        settings.sizes,
        listed.map((a) => a.inputSize as number),
      ),
  };
  return buildModelRepository({
    modelsDir,
    models: [withProfiles(model, { ...kept, calibration })],
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
