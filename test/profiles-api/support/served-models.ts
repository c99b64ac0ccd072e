// A private copy of the served model repository (every artifact, profiles included, and the manifest), so a
// benchmark job can build into it without touching the repository other tests and people use.
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const MODELS_DIR = path.resolve(__dirname, '../../../models');
export const EVAL_SET = path.resolve(__dirname, '../../../../shared/evalset/coco64');

/**
 * Copies `<models>/nanodet-m/1` and the calibration photos; returns the new models folder. Whole, as the server's
 * start builds whatever is missing (int8 at every size would cost a fresh build's half a minute).
 */
export async function copyServedModels(): Promise<string> {
  const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-profile-jobs-'));
  const from = path.join(MODELS_DIR, 'nanodet-m', '1');
  const to = path.join(modelsDir, 'nanodet-m', '1');
  await cp(from, to, { recursive: true });
  await cp(path.join(MODELS_DIR, '.calibration'), path.join(modelsDir, '.calibration'), { recursive: true });
  return modelsDir;
}
