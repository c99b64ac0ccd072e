// importModel over HTTP on both databases: real multipart uploads of ONNX files into a server of its own
// models folder, then detect through the imported model; bad files are refused by reason, leaving nothing.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COCO80_CLASSES } from '../../models/src/repository/coco80';
import { loadManifest } from '../../models/src/repository/load';
import { sha256OfFile } from '../../models/src/repository/verify';
import { sendModelImport, type ImportVariables } from '../../api/src/model-import/client';
import { startServer } from '../../api/src/server/start-server';
import { describeEachKind } from '../db/databases';
import {
  ADMIN_KEY,
  DETECT,
  EVAL_IMAGES,
  photoBase64,
  startTestServer,
  type TestServer,
} from '../api/harness';
import {
  end2endOutput,
  filesUnder,
  linkedModelsDir,
  REPO_MODELS,
  TINY_NAMES,
  tinyModel,
  ultralyticsMetadata,
  yolov8Output,
} from './fixtures';

const MAX_MB = 20;
const TINY_YOLO = tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(TINY_NAMES) });
const PHOTO = '000000000036.jpg'; // 481 × 640
const PHOTOS = ['000000000009.jpg', '000000000036.jpg', '000000000049.jpg', '000000000064.jpg'];

const STATE = `query {
  modelVersions { name version active labelSet }
  labelSets { key latestVersion }
}`;

describeEachKind('importModel', (kind) => {
  let api: TestServer;
  let modelsDir: string;
  beforeAll(async () => {
    modelsDir = await linkedModelsDir();
    api = await startTestServer(kind, { WANSHI_MODELS_DIR: modelsDir, WANSHI_IMPORT_MAX_MB: String(MAX_MB) });
  });
  afterAll(async () => {
    await api?.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  const upload = (bytes: Uint8Array, filename: string, variables: ImportVariables, url = api.url) =>
    sendModelImport({
      graphqlUrl: `${url}/graphql`,
      key: ADMIN_KEY,
      file: new Blob([bytes]),
      filename,
      variables,
    });
  const detect = async (model: string, photo = PHOTO) => {
    const { data, errors } = await api.gql(DETECT, { input: { imageBase64: photoBase64(photo), model } });
    expect(errors).toBeUndefined();
    return data.detect;
  };

  it('imports an Ultralytics YOLOv8 export with the names, size and family its metadata and outputs say', async () => {
    const { data, errors } = await upload(TINY_YOLO, 'tiny-yolov8n.onnx', { name: 'tiny-yolo' });
    expect(errors).toBeUndefined();
    const result = data!.importModel!;
    expect(result).toMatchObject({
      model: {
        name: 'tiny-yolo',
        version: '1',
        family: 'yolov8',
        labelSet: 'tiny-yolo',
        active: true,
        defaultInputSize: 64,
      },
      family: 'yolov8',
      classes: TINY_NAMES,
      namesSource: 'metadata',
      labelSetCreated: true,
      bytes: TINY_YOLO.length,
      warmUp: { photo: '000000000009.jpg' },
    });
    expect(result.decision).toMatch(/^yolov8 \(auto\): output0 is \[1, 7, 8\]/);
    expect(result.profiles).toEqual({ built: ['fp16', 'fp16-storage', 'int8', 'int4'], skipped: [] });
  });

  it('keeps the imported version in the repository with a manifest of its sha256, family, input and provenance', async () => {
    const versionDir = path.join(modelsDir, 'tiny-yolo', '1');
    const manifest = await loadManifest(versionDir);
    expect(manifest.artifacts[0]).toMatchObject({
      file: 'fp32-64.onnx',
      precision: 'fp32',
      inputSize: 64,
      bytes: TINY_YOLO.length,
    });
    // The light profiles the import made from it, each recorded with its source like the built-in model's.
    expect(manifest.artifacts.slice(1).map((a) => [a.file, a.precision, a.build?.source])).toEqual([
      ['fp16-64.onnx', 'fp16', 'fp32-64.onnx'],
      ['fp16-storage-64.onnx', 'fp16', 'fp32-64.onnx'],
      ['int8-64.onnx', 'int8', 'fp32-64.onnx'],
      ['int4-64.onnx', 'int4', 'fp32-64.onnx'],
    ]);
    // int8 quantizes the Conv and leaves the Add that writes output0 in float: the output stays a float tensor.
    expect(manifest.artifacts.find((a) => a.precision === 'int8')?.build?.keptFloatNodes).toEqual([
      'output0',
    ]);
    for (const artifact of manifest.artifacts)
      expect(await sha256OfFile(path.join(versionDir, artifact.file))).toBe(artifact.sha256);
    expect(manifest.input).toMatchObject({
      name: 'images',
      channelOrder: 'RGB',
      std: [255, 255, 255],
      resize: 'letterbox',
      padValue: 114,
    });
    expect(manifest.decoder).toEqual({ family: 'yolov8', output: 'output0' });
    expect(manifest.provenance).toMatchObject({
      originalFile: 'tiny-yolov8n.onnx',
      sha256: manifest.artifacts[0].sha256,
      metadata: expect.objectContaining({ task: 'detect', stride: '32' }),
    });
    expect(manifest.provenance!.importedBy).toMatch(/admin/i);
  });

  it('serves detect through it: the known output tensor becomes the known boxes in photo pixels', async () => {
    const detection = await detect('tiny-yolo');
    expect(detection.model).toMatchObject({ name: 'tiny-yolo', version: '1', inputSize: 64 });
    // 481 × 640 letterboxed into 64: 48 × 64 content, 8 px of grey on the left and right.
    const sx = 48 / 481;
    const [box, person] = detection.objects;
    expect(box.label).toMatchObject({ key: 'delivery box', zh: 'delivery box' });
    expect(box.score).toBeCloseTo(0.9, 5);
    expect(box.box.x).toBeCloseTo((22 - 8) / sx, 1);
    expect(box.box.y).toBeCloseTo(25 / 0.1, 1);
    expect(box.box.width).toBeCloseTo(20 / sx, 1);
    expect(box.box.height).toBeCloseTo(10 / 0.1, 1);
    expect(person.label).toMatchObject({ key: 'person', zh: '人' });
    expect(detection.objects).toHaveLength(2);
  });

  it('serves the light profiles the import made at once: FP16, INT8 and INT4 answer the known boxes', async () => {
    for (const precision of ['FP16', 'INT8', 'INT4']) {
      const { data, errors } = await api.gql(DETECT, {
        input: { imageBase64: photoBase64(PHOTO), model: 'tiny-yolo', precision },
      });
      expect(errors).toBeUndefined();
      expect(data.detect.model).toMatchObject({ name: 'tiny-yolo', precision, inputSize: 64 });
      expect(data.detect.objects.map((o: any) => o.label.key)).toEqual(['delivery box', 'person']);
      expect(data.detect.objects[0].score).toBeCloseTo(0.9, 2);
    }
  });

  it('imports an NMS-free end-to-end export ([1, N, 6]) and answers its rows as boxes', async () => {
    const bytes = tinyModel({
      output: end2endOutput(),
      metadata: ultralyticsMetadata(TINY_NAMES, { end2end: 'True' }),
    });
    const { data, errors } = await upload(bytes, 'yolov10n.onnx', { name: 'tiny-v10' });
    expect(errors).toBeUndefined();
    expect(data!.importModel!.family).toBe('yolo-end2end');
    const detection = await detect('tiny-v10');
    expect(detection.objects.map((o: any) => [o.label.key, Math.round(o.score * 100)])).toEqual([
      ['bicycle', 80],
      ['delivery box', 55],
    ]);
  });

  it("imports the repository's own NanoDet as my-nanodet and answers exactly as the built-in model", async () => {
    const bytes = await readFile(path.join(REPO_MODELS, 'nanodet-m', '1', 'fp32-320.onnx'));
    const { data, errors } = await upload(bytes, 'fp32-320.onnx', {
      name: 'my-nanodet',
      names: [...COCO80_CLASSES],
    });
    expect(errors).toBeUndefined();
    expect(data!.importModel).toMatchObject({
      family: 'nanodet-gfl',
      namesSource: 'given',
      model: { defaultInputSize: 320 },
    });
    expect(data!.importModel!.decision).toContain('strides 8, 16, 32');
    const answer = (d: any) =>
      d.objects.map((o: any) => ({ label: o.label.key, zh: o.label.zh, score: o.score, box: o.box }));
    for (const photo of PHOTOS) {
      const [mine, builtIn] = [await detect('my-nanodet', photo), await detect('nanodet-m', photo)];
      expect(answer(mine).length).toBeGreaterThan(0);
      expect(answer(mine)).toEqual(answer(builtIn));
    }
  }, 240_000); // the import makes int8 (calibrated on 30 photos) and int4 of a 15 MB model

  it('serves INT8 of my-nanodet right after its import, answering as the built-in INT8 does', async () => {
    const int8 = async (model: string, photo: string) => {
      const { data, errors } = await api.gql(DETECT, {
        input: { imageBase64: photoBase64(photo), model, precision: 'INT8', inputSize: 320 },
      });
      expect(errors).toBeUndefined();
      expect(data.detect.model).toMatchObject({ precision: 'INT8', inputSize: 320 });
      return data.detect.objects.map((o: any) => ({ label: o.label.key, score: o.score, box: o.box }));
    };
    for (const photo of PHOTOS) {
      const mine = await int8('my-nanodet', photo);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).toEqual(await int8('nanodet-m', photo));
    }
  });

  it('adds a second version inactive, reusing the label set, and activates and rolls back like any version', async () => {
    const { data } = await upload(TINY_YOLO, 'tiny-yolov8n.onnx', { name: 'tiny-yolo' });
    expect(data!.importModel).toMatchObject({
      model: { version: '2', active: false },
      labelSet: 'tiny-yolo',
      labelSetCreated: false,
    });
    const activate = `mutation($v: String!) { activateModelVersion(name: "tiny-yolo", version: $v) { version active } }`;
    expect((await api.gql(activate, { v: '2' })).data.activateModelVersion).toEqual({
      version: '2',
      active: true,
    });
    expect((await detect('tiny-yolo')).model.version).toBe('2');
    await api.gql(activate, { v: '1' });
    expect((await detect('tiny-yolo')).model.version).toBe('1');
  });

  it("benchmarks an imported version's profiles through the profile benchmark job, keeping those the import made", async () => {
    const start = `mutation($input: StartProfileBenchmarkInput!) { startProfileBenchmark(input: $input) { id version } }`;
    const input = {
      model: 'tiny-yolo',
      sizes: [64],
      precisions: ['fp32', 'fp16'],
      maxImages: 2,
      batchSizes: [1],
      speedRounds: 1,
    };
    const started = await api.gql(start, { input });
    expect(started.errors).toBeUndefined();
    expect(started.data.startProfileBenchmark.version).toBe('1');
    let job: any;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      job = (
        await api.gql(`query($id: ID!) { profileBenchmarkJob(id: $id) { status error } }`, {
          id: started.data.startProfileBenchmark.id,
        })
      ).data.profileBenchmarkJob;
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(job).toEqual({ status: 'SUCCEEDED', error: null });
    const manifest = await loadManifest(path.join(modelsDir, 'tiny-yolo', '1'));
    expect(manifest.artifacts.map((a) => a.precision)).toEqual(['fp32', 'fp16', 'fp16', 'int8', 'int4']);
    expect(manifest.provenance?.originalFile).toBe('tiny-yolov8n.onnx');
    const { data, errors } = await api.gql(DETECT, {
      input: { imageBase64: photoBase64(PHOTO), model: 'tiny-yolo', precision: 'FP16' },
    });
    expect(errors).toBeUndefined();
    expect(data.detect.model).toMatchObject({ precision: 'FP16', inputSize: 64 });
    expect(data.detect.objects.map((o: any) => o.label.key)).toEqual(['delivery box', 'person']);
  });

  const BAD_FILES: [string, () => Promise<Uint8Array>, ImportVariables][] = [
    ['NOT_ONNX', () => readFile(path.join(EVAL_IMAGES, PHOTO)), { name: 'bad' }],
    ['TRUNCATED', async () => TINY_YOLO.subarray(0, Math.floor(TINY_YOLO.length * 0.6)), { name: 'bad' }],
    [
      'UNSUPPORTED_OUTPUT_SHAPE',
      async () =>
        tinyModel({
          output: { dims: [1, 56], values: new Array(56).fill(0) },
          metadata: ultralyticsMetadata(TINY_NAMES),
        }),
      { name: 'bad' },
    ],
    [
      'CLASS_COUNT_MISMATCH',
      async () =>
        tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(['a', 'b', 'c', 'd', 'e']) }),
      { name: 'bad' },
    ],
    [
      'CLASS_COUNT_MISMATCH',
      async () => tinyModel({ output: end2endOutput() }),
      { name: 'bad', names: ['a', 'b'] },
    ],
    [
      'UNSUPPORTED_OP',
      async () =>
        tinyModel({
          output: yolov8Output(),
          metadata: ultralyticsMetadata(TINY_NAMES),
          readerOp: 'NotARealOp',
        }),
      { name: 'bad' },
    ],
    [
      'UNSUPPORTED_OPSET',
      async () => tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(TINY_NAMES), opset: 30 }),
      { name: 'bad' },
    ],
    [
      'UNSUPPORTED_INPUT_SHAPE',
      async () =>
        tinyModel({
          output: yolov8Output(),
          metadata: ultralyticsMetadata(TINY_NAMES),
          inputDims: [1, 3, 64, 96],
        }),
      { name: 'bad' },
    ],
    [
      'TOO_LARGE',
      async () => Uint8Array.from({ length: MAX_MB * 1024 * 1024 + 1 }, (_, i) => (i === 0 ? 0x08 : 0)),
      { name: 'bad' },
    ],
    ['DUPLICATE_VERSION', async () => TINY_YOLO, { name: 'nanodet-m', version: '1' }],
    ['DUPLICATE_VERSION', async () => TINY_YOLO, { name: 'tiny-yolo', version: '1' }],
    [
      'EMPTY_NAMES',
      async () => tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata([]) }),
      { name: 'bad' },
    ],
    ['EMPTY_NAMES', async () => tinyModel({ output: yolov8Output() }), { name: 'bad' }],
    ['INVALID_NAME', async () => TINY_YOLO, { name: '../escape' }],
    ['INVALID_SERVING', async () => TINY_YOLO, { name: 'bad', serving: { maxBatchsize: 2 } }],
    ['INVALID_SERVING', async () => TINY_YOLO, { name: 'bad', serving: { maxBatchSize: 0 } }],
  ];

  it.each(BAD_FILES)(
    'refuses with reason %s and leaves no row, label set or file behind',
    async (reason, bytes, variables) => {
      const before = { state: (await api.gql(STATE)).data, files: await filesUnder(modelsDir) };
      const response = await upload(await bytes(), 'upload.onnx', variables);
      expect(response.data?.importModel ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect((await api.gql(STATE)).data).toEqual(before.state);
      expect(await filesUnder(modelsDir)).toEqual(before.files);
    },
  );

  it('records the serving policy it was given in the manifest, and serves the version under it', async () => {
    const { errors } = await upload(TINY_YOLO, 'tiny.onnx', {
      name: 'tiny-served',
      serving: { maxBatchSize: 2 },
    });
    expect(errors).toBeUndefined();

    const manifest = await loadManifest(path.join(modelsDir, 'tiny-served', '1'));
    const { data } = await api.gql(
      `query { modelVersions { name servingPolicy { maxBatchSize maxQueueSize } } }`,
    );

    expect(manifest.serving).toEqual({ maxBatchSize: 2 });
    expect(data.modelVersions.find((v: { name: string }) => v.name === 'tiny-served').servingPolicy).toEqual({
      maxBatchSize: 2,
      maxQueueSize: api.config.scheduler.maxQueueSize,
    });
  });

  it('is for admins only', async () => {
    const { data } = await api.gql(`mutation { createApiKey(input: { name: "app", role: APP }) { secret } }`);
    const response = await sendModelImport({
      graphqlUrl: `${api.url}/graphql`,
      key: data.createApiKey.secret,
      file: new Blob([TINY_YOLO]),
      filename: 'x.onnx',
      variables: { name: 'sneaky' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('finds the imported versions again after a restart, verified and serving', async () => {
    await api.server.close();
    const restarted = await startServer(api.config);
    try {
      const response = await fetch(`${restarted.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({
          query: DETECT,
          variables: { input: { imageBase64: photoBase64(PHOTO), model: 'tiny-yolo' } },
        }),
      });
      const { data } = (await response.json()) as any;
      expect(data.detect.objects.map((o: any) => o.label.key)).toEqual(['delivery box', 'person']);
    } finally {
      await restarted.close();
    }
  });
});
