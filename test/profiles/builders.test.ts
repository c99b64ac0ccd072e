// Profile artifacts built into a model repository: recorded like any artifact (sha256, bytes, build facts),
// rebuilt only when something they depend on changes, and computing what the fp32 model computes.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeModel, DataType, readTensor } from '../../models/src/onnx';
import type { ArtifactReport } from '../../models/src/repository/build';
import { loadManifest } from '../../models/src/repository/load';
import type { ArtifactEntry, ModelManifest } from '../../models/src/repository/manifest';
import { checkArtifact } from '../../models/src/repository/verify';
import { buildProfileArtifacts, profileArtifact } from '../../api/src/profiles/artifacts';
import { detectionAgreement } from '../../api/src/profiles/agreement';
import { Detector } from '../../api/src/inference/detector';
import { decodeImage } from '../../api/src/inference/image/decode';
import type { CocoDetection } from '../../api/src/evaluation/coco-format';
import { DEFAULT_PROFILE_SETTINGS } from '../../models/src/profiles/recipes';
import { concatenate, PHOTO_DIR, PHOTOS, photoTensor, relativeL2 } from '../models/support/photos';
import { defaultCalibration, LIMITS, NANODET_AT_160, SIZE, temporaryDirs } from './support/small-repository';

/** More photos for detection agreement, which is a count of boxes: a few photos give too few to compare. */
const AGREEMENT_PHOTOS = [
  ...PHOTOS,
  '000000000049.jpg',
  '000000000064.jpg',
  '000000000072.jpg',
  '000000000074.jpg',
  '000000000078.jpg',
];

let dirs: Awaited<ReturnType<typeof temporaryDirs>>;
let firstBuild: ArtifactReport[];
let manifest: ModelManifest;
const artifact = (id: Parameters<typeof profileArtifact>[1]) => profileArtifact(manifest, id, SIZE);
const bytesOf = (entry: ArtifactEntry) => readFile(path.join(dirs.versionDir, entry.file));

beforeAll(async () => {
  dirs = await temporaryDirs();
  firstBuild = await buildProfileArtifacts(
    dirs.modelsDir,
    NANODET_AT_160,
    await defaultCalibration(dirs.dataDir),
  );
  manifest = await loadManifest(dirs.versionDir);
});

afterAll(() => rm(path.dirname(dirs.modelsDir), { recursive: true, force: true }));

describe('profile artifacts in the model repository', () => {
  it('are listed after the fp32 artifact with their precision, size, bytes and a sha256 that verifies', async () => {
    expect(manifest.artifacts.map((a) => [a.file, a.precision, a.inputSize])).toEqual([
      ['fp32-160.onnx', 'fp32', 160],
      ['fp16-160.onnx', 'fp16', 160],
      ['fp16-storage-160.onnx', 'fp16', 160],
      ['int8-160.onnx', 'int8', 160],
      ['int4-160.onnx', 'int4', 160],
    ]);
    for (const entry of manifest.artifacts)
      expect(await checkArtifact(dirs.versionDir, entry)).toEqual({ ok: true });
  });

  it('record how they were made: the int8 calibration images and method, and the nodes kept in float', () => {
    const int8 = artifact('int8').build ?? {};
    expect(int8).toMatchObject({
      profile: 'int8',
      source: 'fp32-160.onnx',
      format: 'QDQ',
      keptFloatNodes: [],
    });
    expect(int8.calibration).toMatchObject({ source: 'default photos', method: 'minmax' });
    expect((int8.calibration as { images: string[] }).images).toHaveLength(29);
    const int4Kept = artifact('int4').build?.keptFloatNodes as string[];
    // Convs narrower than a block of 64 input channels (the first has 3), then the three heads' last Convs.
    expect(int4Kept[0]).toBe('PartitionedCall/convolution');
    expect(int4Kept.slice(-3)).toEqual([
      'PartitionedCall/convolution_29',
      'PartitionedCall/convolution_31',
      'PartitionedCall/convolution_33',
    ]);
  });

  it('are built once: a second build finds every artifact up to date', async () => {
    expect(firstBuild.map((r) => r.status)).toEqual(['built', 'built', 'built', 'built', 'built']);
    const again = await buildProfileArtifacts(
      dirs.modelsDir,
      NANODET_AT_160,
      await defaultCalibration(dirs.dataDir),
    );
    expect(again.map((r) => r.status)).toEqual(Array(5).fill('up to date'));
  });

  it('are rebuilt when the calibration images change; a build of fewer profiles keeps the others listed', async () => {
    const calibration = { ...(await defaultCalibration(dirs.dataDir)), sha256: 'other images' };
    const onlyInt8 = { ...DEFAULT_PROFILE_SETTINGS, profiles: ['int8' as const] };
    const reports = await buildProfileArtifacts(
      dirs.modelsDir,
      NANODET_AT_160,
      calibration,
      undefined,
      onlyInt8,
    );
    expect(reports.map((r) => [r.file, r.status])).toEqual([
      ['fp32-160.onnx', 'up to date'],
      ['fp16-160.onnx', 'up to date'],
      ['fp16-storage-160.onnx', 'up to date'],
      ['int8-160.onnx', 'rebuilt'],
      ['int4-160.onnx', 'up to date'],
    ]);
  });

  it('shrink the file: fp16 halves it, int4 takes at most a sixth', () => {
    const fp32 = artifact('fp32').bytes;
    expect(artifact('fp16-storage').bytes / fp32).toBeCloseTo(0.5, 1);
    expect(artifact('fp16').bytes / fp32).toBeCloseTo(0.5, 1);
    expect(artifact('int4').bytes).toBeLessThanOrEqual(fp32 / 6);
    expect(artifact('int8').bytes).toBeLessThan(fp32 / 3.5);
  });
});

describe('profile graphs', () => {
  it('fp16 computes in float16 behind float32 inputs and outputs', async () => {
    const graph = decodeModel(await bytesOf(artifact('fp16'))).graph;
    expect(graph?.input?.[0].type?.tensorType?.elemType).toBe(DataType.FLOAT);
    expect(graph?.output?.every((o) => o.type?.tensorType?.elemType === DataType.FLOAT)).toBe(true);
    const weights = graph?.initializer?.filter((t) => t.name?.endsWith('/weights')) ?? [];
    expect(weights.length).toBe(34);
    expect(weights.every((t) => t.dataType === DataType.FLOAT16)).toBe(true);
  });

  it('int8 feeds every Conv int8 weights, per output channel, through DequantizeLinear', async () => {
    const graph = decodeModel(await bytesOf(artifact('int8'))).graph;
    const producers = new Map(graph?.node?.flatMap((n) => (n.output ?? []).map((o) => [o, n] as const)));
    const initializers = new Map(graph?.initializer?.map((t) => [t.name, t]));
    for (const conv of graph?.node?.filter((n) => n.opType === 'Conv') ?? []) {
      const [x, w] = conv.input ?? [];
      expect(producers.get(x)?.opType).toBe('DequantizeLinear');
      const dq = producers.get(w);
      expect(dq?.opType).toBe('DequantizeLinear');
      const weight = readTensor(initializers.get(dq?.input?.[0]) ?? {});
      expect(weight.dataType).toBe(DataType.INT8);
      expect(readTensor(initializers.get(dq?.input?.[1]) ?? {}).dims).toEqual([weight.dims[0]]);
    }
  });
});

describe('profile outputs against fp32 on real photos', () => {
  async function outputsOf(entry: ArtifactEntry): Promise<Record<string, Float32Array>> {
    const session = await ort.InferenceSession.create(await bytesOf(entry));
    const input = concatenate(
      await Promise.all(PHOTOS.map((file) => photoTensor(file, SIZE, manifest.input))),
    );
    const results = await session.run({
      [manifest.input.name]: new ort.Tensor('float32', input, [PHOTOS.length, 3, SIZE, SIZE]),
    });
    await session.release();
    return Object.fromEntries(Object.entries(results).map(([name, t]) => [name, t.data as Float32Array]));
  }

  async function detectionsOf(entry: ArtifactEntry): Promise<CocoDetection[]> {
    const detector = new Detector(
      { versionDir: dirs.versionDir, manifest, artifact: entry, inputSize: SIZE },
      { providers: ['cpu'], intraOpThreads: 0 },
    );
    await detector.load();
    const images = await Promise.all(
      AGREEMENT_PHOTOS.map(async (file) => decodeImage(await readFile(path.join(PHOTO_DIR, file)), LIMITS)),
    );
    const results = await detector.detect(images);
    await detector.unload();
    return results.flatMap((r, image_id) =>
      r.objects.map((o): CocoDetection => ({
        image_id,
        category_id: o.classIndex,
        score: o.score,
        bbox: [o.box[0], o.box[1], o.box[2] - o.box[0], o.box[3] - o.box[1]],
      })),
    );
  }

  it('fp16 stays within 1% relative L2 of fp32 on every output', async () => {
    const [fp32, fp16] = await Promise.all([outputsOf(artifact('fp32')), outputsOf(artifact('fp16'))]);
    for (const name of Object.keys(fp32)) expect(relativeL2(fp16[name], fp32[name])).toBeLessThan(1e-2);
  });

  it('fp16-storage computes exactly what fp32 does (the TF.js weights were float16 to begin with)', async () => {
    const [fp32, stored] = await Promise.all([
      outputsOf(artifact('fp32')),
      outputsOf(artifact('fp16-storage')),
    ]);
    for (const name of Object.keys(fp32)) expect(relativeL2(stored[name], fp32[name])).toBeLessThan(1e-6);
  });

  it('int8 and int4 find the same confident objects as fp32', async () => {
    const fp32 = await detectionsOf(artifact('fp32'));
    expect(fp32.length).toBeGreaterThan(10);
    expect(detectionAgreement(fp32, await detectionsOf(artifact('int8')))).toBeGreaterThanOrEqual(0.8);
    expect(detectionAgreement(fp32, await detectionsOf(artifact('int4')))).toBeGreaterThanOrEqual(0.8);
  });
});
