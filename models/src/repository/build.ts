// Builds the model repository: `<modelsDir>/<name>/<version>/` with each artifact and manifest.json. Idempotent:
// an artifact is kept only when its file matches its manifest entry (size and sha256) and was built from the
// same recipe; anything missing, truncated, corrupted or outdated is rebuilt, never used.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { writeFileAtomic } from './atomicWrite';
import { MODEL_CATALOG } from './catalog';
import { loadManifest, MANIFEST_FILE } from './load';
import type { ArtifactEntry, ModelManifest } from './manifest';
import type { ArtifactRecipe, ModelRecipe } from './recipe';
import { checkArtifact } from './verify';

export type ArtifactStatus = 'built' | 'up to date' | 'rebuilt';

export interface ArtifactReport {
  model: string;
  version: string;
  file: string;
  status: ArtifactStatus;
  /** Why it was rebuilt. */
  reason?: string;
  bytes: number;
  seconds: number;
}

export interface BuildOptions {
  modelsDir: string;
  models?: readonly ModelRecipe[];
  /** Called as each artifact is settled (the CLI prints one line each). */
  onArtifact?: (report: ArtifactReport) => void;
}

export async function buildModelRepository({
  modelsDir,
  models = MODEL_CATALOG,
  onArtifact,
}: BuildOptions): Promise<ArtifactReport[]> {
  const reports: ArtifactReport[] = [];
  for (const model of models) {
    const { name, version } = model.manifest;
    const versionDir = path.join(modelsDir, name, version);
    await mkdir(versionDir, { recursive: true });
    // An unreadable or invalid manifest is treated as absent: every artifact then gets rebuilt.
    const previous = await loadManifest(versionDir).catch(() => undefined);
    const artifacts: ArtifactEntry[] = [];
    for (const recipe of await model.artifacts()) {
      const started = performance.now();
      const { entry, status, reason } = await settleArtifact(versionDir, recipe, previous);
      artifacts.push(entry);
      const report = {
        model: name,
        version,
        file: recipe.file,
        status,
        reason,
        bytes: entry.bytes,
        seconds: (performance.now() - started) / 1000,
      };
      reports.push(report);
      onArtifact?.(report);
    }
    artifacts.push(...(await derivedArtifactsToKeep(versionDir, previous, artifacts)));
    // The serving block is the operator's to tune in manifest.json (as Triton's config.pbtxt): a rebuild keeps
    // it, and a recipe's own only fills a manifest that has none.
    const serving = previous?.serving ?? model.manifest.serving;
    const manifest: ModelManifest = { ...model.manifest, artifacts, ...(serving && { serving }) };
    if (!isDeepStrictEqual(manifest, previous)) {
      await writeFileAtomic(path.join(versionDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    }
  }
  return reports;
}

async function settleArtifact(
  versionDir: string,
  recipe: ArtifactRecipe,
  previous: ModelManifest | undefined,
): Promise<{ entry: ArtifactEntry; status: ArtifactStatus; reason?: string }> {
  const old = previous?.artifacts.find((a) => a.file === recipe.file);
  const check = old ? await checkArtifact(versionDir, old) : undefined;
  const sameRecipe =
    old !== undefined &&
    isDeepStrictEqual(old.build, recipe.build) &&
    old.precision === recipe.precision &&
    old.inputSize === recipe.inputSize;
  if (old && check?.ok && sameRecipe) return { entry: old, status: 'up to date' };

  const data = await recipe.produce();
  await writeFileAtomic(path.join(versionDir, recipe.file), data);
  const entry: ArtifactEntry = {
    file: recipe.file,
    precision: recipe.precision,
    inputSize: recipe.inputSize,
    sha256: createHash('sha256').update(data).digest('hex'),
    bytes: data.byteLength,
    build: recipe.build,
  };
  if (!old) return { entry, status: 'built' };
  return { entry, status: 'rebuilt', reason: check && !check.ok ? check.reason : 'recipe changed' };
}

/**
 * Artifacts made from another one that no recipe here makes (profiles a benchmark job built with other settings
 * or sizes than the default build's, or a build without profiles). They stay listed while their file verifies and
 * the artifact they were made from is unchanged (`build.source`, `build.sourceBuildSha256`); otherwise such a
 * build would drop them from the manifest.
 */
async function derivedArtifactsToKeep(
  versionDir: string,
  previous: ModelManifest | undefined,
  settled: readonly ArtifactEntry[],
): Promise<ArtifactEntry[]> {
  const kept: ArtifactEntry[] = [];
  for (const entry of previous?.artifacts ?? []) {
    if (settled.some((a) => a.file === entry.file)) continue;
    const source = settled.find((a) => a.file === entry.build?.source);
    const sourceBuildSha256 =
      source && createHash('sha256').update(JSON.stringify(source.build)).digest('hex');
    if (!sourceBuildSha256 || entry.build?.sourceBuildSha256 !== sourceBuildSha256) continue;
    if ((await checkArtifact(versionDir, entry)).ok) kept.push(entry);
  }
  return kept;
}
