// What both CLIs need: the configured model repository opened at one artifact, with its Chinese labels.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config';
import type { Precision } from '../../../models/src/repository/manifest';
import { loadManifest } from '../../../models/src/repository/load';
import { chooseArtifact } from '../inference/artifact-choice';
import { Detector } from '../inference/detector';
import { labelsForClasses, type Label } from '../labels';

export const DEFAULT_MODEL = 'nanodet-m';

export interface ModelChoice {
  model: string;
  /** Default: the highest numbered version folder. */
  version?: string;
  precision?: Precision;
  inputSize?: number;
}

export interface OpenedDetector {
  detector: Detector;
  /** Label of each class index (the built-in names). */
  labels: Label[];
  /** The model's label set key and class names, to look its published labels up. */
  model: { labelSet: string; classes: readonly string[] };
}

export async function openDetector(choice: ModelChoice): Promise<OpenedDetector> {
  const config = loadConfig();
  const versionDir = await versionDirOf(config.modelsDir, choice);
  const manifest = await loadManifest(versionDir);
  const { artifact, inputSize } = chooseArtifact(manifest, choice);
  const detector = new Detector({ versionDir, manifest, artifact, inputSize }, config.inference);
  await detector.load();
  return {
    detector,
    labels: labelsForClasses(manifest.labelSet, manifest.classes),
    model: { labelSet: manifest.labelSet, classes: manifest.classes },
  };
}

/** The chosen version's folder, the highest numbered one when no version is given. */
export async function versionDirOf(
  modelsDir: string,
  choice: Pick<ModelChoice, 'model' | 'version'>,
): Promise<string> {
  const modelDir = path.join(modelsDir, choice.model);
  return path.join(modelDir, choice.version ?? (await latestVersion(modelDir)));
}

async function latestVersion(modelDir: string): Promise<string> {
  const entries = await readdir(modelDir).catch(() => [] as string[]);
  const versions = entries.filter((e) => /^\d+$/.test(e)).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0)
    throw new Error(`No model versions in ${modelDir}; run \`npm run models:build\` first`);
  return versions[0];
}
