// Which artifact of a model version serves a requested precision and input size.
import type { ArtifactEntry, ModelManifest, Precision } from '../../../models/src/repository/manifest';

/** The sizes a request may name for an artifact with symbolic H/W (baked ones: their own size). */
export const SYMBOLIC_INPUT_SIZES: readonly number[] = [160, 224, 320, 416, 512, 640];

export interface ArtifactRequest {
  precision?: Precision;
  inputSize?: number;
}

export interface ArtifactChoice {
  artifact: ArtifactEntry;
  inputSize: number;
}

/**
 * Several profiles can list the same precision (fp16-storage, float16 weights computed in float32, is listed as
 * fp16): a request for a precision gets the profile named after it, whatever order the manifest lists them in.
 */
const servesOwnPrecision = (artifact: ArtifactEntry) =>
  artifact.build?.profile === undefined || artifact.build.profile === artifact.precision;

/** Prefers an artifact built for exactly that size; otherwise one with symbolic H/W, which runs any size. */
export function chooseArtifact(manifest: ModelManifest, request: ArtifactRequest = {}): ArtifactChoice {
  const precision = request.precision ?? manifest.defaultPrecision;
  const inputSize = request.inputSize ?? manifest.defaultInputSize;
  const ofPrecision = manifest.artifacts
    .filter((a) => a.precision === precision)
    .sort((a, b) => Number(servesOwnPrecision(b)) - Number(servesOwnPrecision(a)));
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
