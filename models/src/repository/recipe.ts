// How a model version is made: its manifest fields and, per artifact, how to produce the file and what that
// file depends on. The repository builder is generic over these; new precisions or models are new recipes.
import type { ArtifactEntry, ModelManifest } from './manifest';

export interface ArtifactRecipe extends Pick<ArtifactEntry, 'file' | 'precision' | 'inputSize'> {
  /**
   * Everything the file's bytes depend on (source hashes, options, converter code hash). Recorded as the
   * manifest entry's `build`; an entry whose `build` differs is rebuilt even when its file verifies.
   */
  build: Record<string, unknown>;
  produce(): Promise<Uint8Array>;
}

export interface ModelRecipe {
  manifest: Omit<ModelManifest, 'artifacts'>;
  artifacts(): Promise<ArtifactRecipe[]>;
}
