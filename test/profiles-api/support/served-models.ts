// A private copy of the served model repository (the fp32 artifacts and their manifest), so a benchmark job can
// build profiles into it without touching the repository other tests and people use.
import { copyFile, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const MODELS_DIR = path.resolve(__dirname, '../../../models');
export const EVAL_SET = path.resolve(__dirname, '../../../../shared/evalset/coco64');

/** Copies `<models>/nanodet-m/1`'s fp32 artifacts and manifest; returns the new models folder. */
export async function copyServedModels(): Promise<string> {
  const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-profile-jobs-'));
  const from = path.join(MODELS_DIR, 'nanodet-m', '1');
  const to = path.join(modelsDir, 'nanodet-m', '1');
  await mkdir(to, { recursive: true });
  for (const file of await readdir(from)) {
    if (file === 'manifest.json' || file.startsWith('fp32-'))
      await copyFile(path.join(from, file), path.join(to, file));
  }
  return modelsDir;
}
