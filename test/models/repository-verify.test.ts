import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../models/src/repository/load';
import type { ArtifactEntry } from '../../models/src/repository/manifest';
import { ArtifactIntegrityError, verifyArtifact } from '../../models/src/repository/verify';

const CONTENT = 'onnx bytes';
const ENTRY: ArtifactEntry = {
  file: 'fp32-320.onnx',
  precision: 'fp32',
  inputSize: 320,
  sha256: createHash('sha256').update(CONTENT).digest('hex'),
  bytes: CONTENT.length,
};
const OTHER_SHA256 = createHash('sha256').update('other bytes').digest('hex');

describe('artifact verification and manifest loading', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-verify-'));
    await writeFile(path.join(dir, ENTRY.file), CONTENT);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts an artifact whose size and sha256 match its entry', async () => {
    await expect(verifyArtifact(dir, ENTRY)).resolves.toBeUndefined();
  });

  it('refuses an artifact whose sha256 differs from its entry', async () => {
    const tampered = { ...ENTRY, sha256: OTHER_SHA256 };
    await expect(verifyArtifact(dir, tampered)).rejects.toThrow(ArtifactIntegrityError);
    await expect(verifyArtifact(dir, tampered)).rejects.toThrow(
      `sha256 ${ENTRY.sha256}, manifest says ${OTHER_SHA256}`,
    );
  });

  it('refuses a missing artifact', async () => {
    await expect(verifyArtifact(dir, { ...ENTRY, file: 'gone.onnx' })).rejects.toThrow(/missing/);
  });

  it('refuses a manifest whose artifact points outside its folder', async () => {
    const manifest = { name: 'm', version: '1', artifacts: [{ ...ENTRY, file: '../x.onnx' }] };
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadManifest(dir)).rejects.toThrow(/does not match the manifest contract/);
  });
});
