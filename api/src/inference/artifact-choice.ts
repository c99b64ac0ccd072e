// Which artifact of a model version serves a requested precision and input size.
import type { ArtifactEntry, ModelManifest, Precision } from '../../../models/src/repository/manifest';

export interface ArtifactRequest {
  precision?: Precision;
  inputSize?: number;
}

export interface ArtifactChoice {
  artifact: ArtifactEntry;
  inputSize: number;
}

/** Prefers an artifact built for exactly that size; otherwise one with symbolic H/W, which runs any size. */
export function chooseArtifact(manifest: ModelManifest, request: ArtifactRequest = {}): ArtifactChoice {
  const precision = request.precision ?? manifest.defaultPrecision;
  const inputSize = request.inputSize ?? manifest.defaultInputSize;
  const ofPrecision = manifest.artifacts.filter((a) => a.precision === precision);
  const artifact =
    ofPrecision.find((a) => a.inputSize === inputSize) ?? ofPrecision.find((a) => a.inputSize === null);
  if (!artifact) {
    const available = manifest.artifacts.map((a) => `${a.precision}@${a.inputSize ?? 'any'}`).join(', ');
    throw new Error(
      `${manifest.name}@${manifest.version} has no ${precision} artifact for ${inputSize}×${inputSize} (has: ${available})`,
    );
  }
  return { artifact, inputSize };
}
