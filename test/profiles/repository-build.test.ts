// The repository build that install, start and the tests' setup run: int8 (and the other profiles) are made
// with fp32 on a fresh build, with no profile benchmark first, and serve detections at once.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { Detector, DISPLAY_OPTIONS } from '../../api/src/inference/detector';
import { buildDefaultProfiles } from '../../api/src/profiles/repository-build';
import type { ArtifactReport } from '../../models/src/repository/build';
import { loadManifest } from '../../models/src/repository/load';
import type { ModelManifest } from '../../models/src/repository/manifest';
import { PHOTO_DIR } from '../models/support/photos';
import { LIMITS, NANODET_AT_160, SIZE, temporaryDirs } from './support/small-repository';

let dirs: Awaited<ReturnType<typeof temporaryDirs>>;
let firstBuild: ArtifactReport[];
let manifest: ModelManifest;

beforeAll(async () => {
  dirs = await temporaryDirs();
  firstBuild = await buildDefaultProfiles(dirs.modelsDir, NANODET_AT_160);
  manifest = await loadManifest(dirs.versionDir);
});
afterAll(() => rm(path.dirname(dirs.modelsDir), { recursive: true, force: true }));

describe('a fresh repository build', () => {
  it('builds fp32 and every profile at the baked size, int8 calibrated on the default photos', () => {
    expect(firstBuild.map((r) => [r.file, r.status])).toEqual([
      ['fp32-160.onnx', 'built'],
      ['fp16-160.onnx', 'built'],
      ['fp16-storage-160.onnx', 'built'],
      ['int8-160.onnx', 'built'],
      ['int4-160.onnx', 'built'],
    ]);
    const int8 = manifest.artifacts.find((a) => a.file === 'int8-160.onnx');
    expect(int8).toMatchObject({ precision: 'int8', inputSize: SIZE });
    expect((int8?.build?.calibration as { images: string[] }).images).toHaveLength(29);
  });

  it('serves int8 detections from it straight away: the person in a coco64 photo', async () => {
    const detector = new Detector(
      {
        versionDir: dirs.versionDir,
        manifest,
        ...chooseArtifact(manifest, { precision: 'int8', inputSize: SIZE }),
      },
      { providers: ['cpu'], intraOpThreads: 1 },
    );
    await detector.load();
    const bytes = await readFile(path.join(PHOTO_DIR, '000000000036.jpg'));
    const [detection] = await detector.run([await detector.prepareUpload(bytes, LIMITS, DISPLAY_OPTIONS)]);
    await detector.unload();
    expect(detection.objects.map((o) => o.key)).toContain('person');
  });

  it('is up to date when run again, without rebuilding anything', async () => {
    const again = await buildDefaultProfiles(dirs.modelsDir, NANODET_AT_160);
    expect(again.map((r) => r.status)).toEqual(Array(5).fill('up to date'));
  });
});
