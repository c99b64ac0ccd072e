// Builds the model repository once before any test (idempotent: skips artifacts whose sha256 matches).
import path from 'node:path';
import { buildModelRepository } from '../models/src/repository/build';

export default async function setup(): Promise<void> {
  const modelsDir = path.resolve(process.env.WANSHI_MODELS_DIR ?? path.join(__dirname, '..', 'models'));
  await buildModelRepository({ modelsDir });
}
