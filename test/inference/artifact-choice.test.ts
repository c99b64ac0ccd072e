// Which artifact serves a precision and input size, when several profiles list the same precision.
import { describe, expect, it } from 'vitest';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import type { ArtifactEntry } from '../../models/src/repository/manifest';
import { testManifest } from '../support/manifest';

const artifact = (
  file: string,
  precision: ArtifactEntry['precision'],
  inputSize: number | null,
  profile?: string,
) => ({
  file,
  precision,
  inputSize,
  sha256: '0'.repeat(64),
  bytes: 1,
  ...(profile && { build: { profile } }),
});

const manifestWith = (artifacts: ArtifactEntry[]) => testManifest({ defaultInputSize: 320, artifacts });

describe('chooseArtifact', () => {
  it('serves fp16 with the fp16 profile even when fp16-storage (also listed as fp16) comes first', () => {
    const manifest = manifestWith([
      artifact('fp32-320.onnx', 'fp32', 320),
      artifact('fp16-storage-320.onnx', 'fp16', 320, 'fp16-storage'),
      artifact('fp16-320.onnx', 'fp16', 320, 'fp16'),
    ]);
    expect(chooseArtifact(manifest, { precision: 'fp16', inputSize: 320 }).artifact.file).toBe(
      'fp16-320.onnx',
    );
  });

  it('serves fp16 with fp16-storage where it is the only fp16 artifact at that size', () => {
    const manifest = manifestWith([artifact('fp16-storage-160.onnx', 'fp16', 160, 'fp16-storage')]);
    expect(chooseArtifact(manifest, { precision: 'fp16', inputSize: 160 }).artifact.file).toBe(
      'fp16-storage-160.onnx',
    );
  });

  it('prefers an artifact baked at the size to a symbolic one', () => {
    const manifest = manifestWith([
      artifact('fp32-dynamic.onnx', 'fp32', null),
      artifact('fp32-320.onnx', 'fp32', 320),
    ]);
    expect(chooseArtifact(manifest, { inputSize: 320 }).artifact.file).toBe('fp32-320.onnx');
    expect(chooseArtifact(manifest, { inputSize: 512 }).artifact.file).toBe('fp32-dynamic.onnx');
  });
});
