// Builds the model repository, profiles included, once before any test (idempotent: skips artifacts whose
// sha256 and recipe match), as `npm start` does.
import path from 'node:path';
import { buildServingRepository } from '../api/src/profiles/repository-build';
import { requireServicesOnCi } from './support/required-services';

export default async function setup(): Promise<void> {
  await requireServicesOnCi();
  const modelsDir = path.resolve(process.env.WANSHI_MODELS_DIR ?? path.join(__dirname, '..', 'models'));
  await buildServingRepository({ modelsDir });
}
