// The light profiles (fp16, fp16-storage, int8, int4) of an imported version, made in its staging folder
// before anything is registered, the way the start-up build makes the built-in model's: so detect(precision:
// INT8) serves right after an import. Each profile is made and warmed up on its own; one this graph cannot be
// made into (or whose artifact does not run) is left out with its reason, and the import goes on without it.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../../models/src/repository/atomicWrite';
import { loadManifest, MANIFEST_FILE } from '../../../models/src/repository/load';
import type { ModelManifest } from '../../../models/src/repository/manifest';
import { PROFILE_NAMES, type ProfileName } from '../../../models/src/profiles/profiles';
import { importedRecipe } from '../profiles/artifacts';
import { buildDefaultProfiles } from '../profiles/repository-build';
import { warmUp, type WarmUpPhoto } from './warm-up';

export interface LightProfiles {
  /** The manifest with every profile that was made and ran. */
  manifest: ModelManifest;
  built: ProfileName[];
  skipped: { profile: ProfileName; reason: string }[];
}

/**
 * `versionDir` is `<stage>/<name>/<version>/` holding the uploaded file and its manifest; calibration photos
 * come from the models folder (written there once, shared with the start-up build). A version without a baked
 * input size (a symbolic graph) gets none: profiles are made per baked size.
 */
export async function buildLightProfiles(
  modelsDir: string,
  versionDir: string,
  photo: WarmUpPhoto,
  opTypes: readonly string[],
): Promise<LightProfiles> {
  const stage = path.dirname(path.dirname(versionDir));
  const manifestFile = path.join(versionDir, MANIFEST_FILE);
  const result: LightProfiles = { manifest: await loadManifest(versionDir), built: [], skipped: [] };
  if (!result.manifest.artifacts.some((a) => a.inputSize !== null)) return result;
  for (const profile of PROFILE_NAMES) {
    const before = await readFile(manifestFile, 'utf8');
    try {
      const recipe = importedRecipe(versionDir, result.manifest);
      await buildDefaultProfiles(modelsDir, recipe, undefined, { repositoryDir: stage, profiles: [profile] });
      const manifest = await loadManifest(versionDir);
      for (const artifact of manifest.artifacts.filter((a) => a.build?.profile === profile))
        await warmUp(versionDir, manifest, photo, opTypes, artifact);
      result.manifest = manifest;
      result.built.push(profile);
    } catch (error) {
      await undo(versionDir, before, result.manifest);
      result.skipped.push({
        profile,
        reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
      });
    }
  }
  return result;
}

/** Back to the manifest before the profile, without the files it does not list. */
async function undo(versionDir: string, manifestText: string, kept: ModelManifest): Promise<void> {
  const after = await loadManifest(versionDir).catch(() => undefined);
  const listed = new Set(kept.artifacts.map((a) => a.file));
  for (const artifact of after?.artifacts ?? [])
    if (!listed.has(artifact.file)) await rm(path.join(versionDir, artifact.file), { force: true });
  await writeFileAtomic(path.join(versionDir, MANIFEST_FILE), manifestText);
}
