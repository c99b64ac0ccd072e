// Device bundles over HTTP: what deviceBundles lists, what a bundle holds (checked against its own manifest and
// the model repository), the ETag that saves an app the download, and who may fetch them. Imported models too.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendModelImport } from '../../api/src/model-import/client';
import { BUNDLE_FILES, BUNDLE_FORMAT } from '../../sdk/src/bundle/format';
import { readBundle } from '../../sdk/src/bundle/read';
import {
  linkedModelsDir,
  REPO_MODELS,
  TINY_NAMES,
  tinyModel,
  ultralyticsMetadata,
  yolov8Output,
} from '../model-import/fixtures';
import { readZip } from '../review/support';
import { ADMIN_KEY, errorCode, startTestServer, type TestServer } from './harness';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const LIST = `query($model: String) {
  deviceBundles(model: $model) {
    model version profile precision inputSize url bytes sha256 modelBytes modelSha256 labelSet labelSetVersion
    measured { imagesPerSecond mAP }
  }
}`;

describe('device bundles', () => {
  let api: TestServer;
  let modelsDir: string;
  let appKey: string;
  beforeAll(async () => {
    modelsDir = await linkedModelsDir();
    api = await startTestServer('pglite', { WANSHI_MODELS_DIR: modelsDir });
    const created = await api.gql(
      `mutation { createApiKey(input: { name: "phone-app", role: APP }) { secret } }`,
    );
    appKey = created.data!.createApiKey.secret;
  });
  afterAll(async () => {
    await api?.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  const fetchBundle = (url: string, key: string | null = appKey, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${url}`, {
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    });
  const download = async (url: string) => {
    const response = await fetchBundle(url);
    expect(response.status).toBe(200);
    const archive = Buffer.from(await response.arrayBuffer());
    return { response, archive, files: readZip(archive) };
  };
  const json = (files: Map<string, Buffer>, name: string) => JSON.parse(files.get(name)!.toString('utf8'));

  it('lists one bundle per baked profile and size of the active version, for an app key', async () => {
    const { data, errors } = await api.gql(LIST, {}, appKey);
    expect(errors).toBeUndefined();
    const names = data.deviceBundles.map((b: any) => `${b.profile}-${b.inputSize}`).sort();
    const expected = ['fp32', 'fp16', 'fp16-storage', 'int8', 'int4'].flatMap((p) =>
      [160, 224, 320, 416].map((s) => `${p}-${s}`),
    );
    expect(names).toEqual(expected.sort());
    const int8 = data.deviceBundles.find((b: any) => b.profile === 'int8' && b.inputSize === 320);
    expect(int8).toMatchObject({
      model: 'nanodet-m',
      version: '1',
      precision: 'int8',
      url: '/bundles/nanodet-m/1/int8-320.zip',
      labelSet: 'coco80',
      measured: null, // no profile benchmark ran on this server
    });
    expect(data.deviceBundles.find((b: any) => b.profile === 'fp16-storage').precision).toBe('fp16');
  });

  it("a bundle holds the profile's ONNX file, labels, input and decoder specs, each with its sha256 in the manifest", async () => {
    const listed = (await api.gql(LIST)).data.deviceBundles.find((b: any) => b.url.endsWith('/int8-320.zip'));
    const { archive, files } = await download(listed.url);
    expect(sha256(archive)).toBe(listed.sha256);
    expect(archive.length).toBe(listed.bytes);
    expect([...files.keys()]).toEqual([...BUNDLE_FILES, 'manifest.json']);

    const manifest = json(files, 'manifest.json');
    // The SDK's reader (schemas and every file's sha256 and size) takes what the server writes.
    const read = await readBundle(archive);
    expect(read.manifest).toMatchObject({ precision: 'int8', inputSize: 320 });
    expect(read.labels.labels).toHaveLength(80);
    expect(manifest).toMatchObject({
      format: BUNDLE_FORMAT,
      model: { name: 'nanodet-m', version: '1', family: 'nanodet-gfl' },
      profile: 'int8',
      precision: 'int8',
      inputSize: 320,
      labelSet: { name: 'coco80', version: listed.labelSetVersion },
      detect: { minScore: 0.3, maxObjects: 100, nms: 'PER_LABEL', nmsIou: 0.6 },
    });
    expect(Object.keys(manifest.files).sort()).toEqual([...BUNDLE_FILES].sort());
    for (const [name, { sha256: hash, bytes }] of Object.entries<any>(manifest.files)) {
      expect(sha256(files.get(name)!), name).toBe(hash);
      expect(files.get(name)!.length, name).toBe(bytes);
    }

    const onnx = await readFile(path.join(REPO_MODELS, 'nanodet-m', '1', 'int8-320.onnx'));
    expect(sha256(files.get('model.onnx')!)).toBe(sha256(onnx));
    expect(listed.modelSha256).toBe(sha256(onnx));

    const labels = json(files, 'labels.json');
    expect(labels.modelClasses).toHaveLength(80);
    expect(labels.labels.find((l: any) => l.key === 'person')).toMatchObject({
      zh: '人',
      pinyin: 'ren',
      category: '人',
      enabled: true,
      minScore: null,
      classes: ['person'],
    });
    expect(labels.labels.find((l: any) => l.key === 'cell phone').color).toMatch(/^#[0-9a-f]{6}$/i);

    expect(json(files, 'input.json')).toEqual({
      name: 'images',
      dtype: 'float32',
      layout: 'NCHW',
      shape: [1, 3, 320, 320],
      size: 320,
      channelOrder: 'BGR',
      mean: [103.53, 116.28, 123.675],
      std: [57.375, 57.12, 58.395],
      resize: 'stretch',
      padValue: 0,
    });
    const decoder = json(files, 'decoder.json');
    expect(decoder).toMatchObject({ family: 'nanodet-gfl', regMax: 10 });
    expect(decoder.heads.map((h: any) => h.stride)).toEqual([8, 16, 32]);
  });

  it('answers 304 to If-None-Match with its ETag, and a new ETag and labels after a label set is published', async () => {
    const url = '/bundles/nanodet-m/1/int4-224.zip';
    const first = await download(url);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toBe(`"${sha256(first.archive)}"`);
    const unchanged = await fetchBundle(url, appKey, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect((await unchanged.arrayBuffer()).byteLength).toBe(0);

    await api.gql(`mutation { updateLabel(input: { labelSet: "coco80", key: "dog", zh: "小狗" }) { zh } }`);
    const published = await api.gql(`mutation { publishLabelSet(key: "coco80") { version } }`);
    const changed = await fetchBundle(url, appKey, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const files = readZip(Buffer.from(await changed.arrayBuffer()));
    expect(json(files, 'labels.json').labels.find((l: any) => l.key === 'dog').zh).toBe('小狗');
    expect(json(files, 'manifest.json').labelSet.version).toBe(published.data.publishLabelSet.version);
    const again = await fetchBundle(url, appKey, { 'if-none-match': changed.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('an app key fetches bundles but not admin or reviewer data; no key fetches nothing', async () => {
    expect((await fetchBundle('/bundles/nanodet-m/1/int8-160.zip')).status).toBe(200);
    expect(errorCode(await api.gql(`query { apiKeys { id } }`, {}, appKey))).toBe('FORBIDDEN');
    expect(
      errorCode(await api.gql(`query { profileComparison(model: "nanodet-m") { mAP } }`, {}, appKey)),
    ).toBe('FORBIDDEN');
    const exported = await fetch(`${api.url}/exports/review.coco.json?labelSet=coco80`, {
      headers: { authorization: `Bearer ${appKey}` },
    });
    expect(exported.status).toBe(403);
    const anonymous = await fetchBundle('/bundles/nanodet-m/1/int8-160.zip', null);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error.code).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(LIST, {}, null))).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for a profile, size or version there is no bundle of', async () => {
    for (const url of [
      '/bundles/nanodet-m/1/int8-288.zip',
      '/bundles/nanodet-m/1/fp32-dynamic.zip',
      '/bundles/nanodet-m/9/int8-320.zip',
    ]) {
      const response = await fetchBundle(url);
      expect(response.status, url).toBe(404);
      expect(((await response.json()) as any).error.code).toBe('NOT_FOUND');
    }
  });

  it('bundles an imported model: its own classes, label set and decoder family', async () => {
    const { errors } = await sendModelImport({
      graphqlUrl: `${api.url}/graphql`,
      key: ADMIN_KEY,
      file: new Blob([tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(TINY_NAMES) })]),
      filename: 'tiny-yolov8n.onnx',
      variables: { name: 'tiny-yolo' },
    });
    expect(errors).toBeUndefined();
    const { data } = await api.gql(LIST, { model: 'tiny-yolo' }, appKey);
    const fp32 = data.deviceBundles.find((b: any) => b.profile === 'fp32');
    expect(fp32).toMatchObject({
      inputSize: 64,
      url: '/bundles/tiny-yolo/1/fp32-64.zip',
      labelSet: 'tiny-yolo',
    });
    const { archive, files } = await download(fp32.url);
    expect(sha256(archive)).toBe(fp32.sha256);
    expect(json(files, 'decoder.json').family).toBe('yolov8');
    const labels = json(files, 'labels.json');
    expect(labels.modelClasses).toEqual(TINY_NAMES);
    expect(labels.labels.find((l: any) => l.key === 'person')).toMatchObject({
      zh: '人',
      classes: ['person'],
    });
    expect(json(files, 'input.json')).toMatchObject({ size: 64, shape: [1, 3, 64, 64] });
    const manifest = json(files, 'manifest.json');
    expect(manifest.model).toEqual({ name: 'tiny-yolo', version: '1', family: 'yolov8' });
    expect(sha256(files.get('model.onnx')!)).toBe(manifest.files['model.onnx'].sha256);
  });
});
