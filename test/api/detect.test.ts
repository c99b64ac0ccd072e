// The detect contract over HTTP, on both databases: real photos, real model, real history.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachKind } from '../db/databases';
import { DETECT, errorCode, photoBase64, startTestServer, type TestServer } from './harness';

const DETECTION_COUNT = `query { detections { totalCount } }`;

describeEachKind('detect over HTTP', (kind) => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(kind);
  });
  afterAll(() => api?.close());

  const detectionCount = async () => (await api.gql(DETECTION_COUNT)).data!.detections.totalCount as number;

  it('finds the person in a coco64 photo and names it 人, with a box inside the image', async () => {
    const { data, errors } = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000036.jpg') } });
    expect(errors).toBeUndefined();
    const detection = data.detect;
    expect(detection.image).toMatchObject({ width: 481, height: 640 });
    expect(detection.image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detection.model).toMatchObject({ name: 'nanodet-m', precision: 'INT8', inputSize: 320 });
    expect(detection.labelSet).toBe('coco80');
    const person = detection.objects.find((o: any) => o.label.key === 'person');
    expect(person.label.zh).toBe('人');
    expect(person.score).toBeGreaterThan(0.5);
    const { x, y, width, height } = person.box;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + width).toBeLessThanOrEqual(481);
    expect(y + height).toBeLessThanOrEqual(640);
    expect(width * height).toBeGreaterThan(0.1 * 481 * 640);
    expect(detection.timing.batchSize).toBeGreaterThanOrEqual(1);
  });

  it('serves int8 at 320 by default on cpu right after start, and the models query says why', async () => {
    const { data } = await api.gql(
      `query { modelVersions { name defaultPrecision defaultInputSize defaultProfileBasis { source provider reason } } }`,
    );
    expect(data.modelVersions[0]).toMatchObject({
      name: 'nanodet-m',
      defaultPrecision: 'INT8',
      defaultInputSize: 320,
      defaultProfileBasis: { source: 'RULE', provider: 'cpu' },
    });
    expect(data.modelVersions[0].defaultProfileBasis.reason).toMatch(/^rule for cpu: int8 at 320/);
    const fp32 = await api.gql(DETECT, {
      input: { imageBase64: photoBase64('000000000036.jpg'), precision: 'FP32' },
    });
    expect(fp32.data.detect.model).toMatchObject({ precision: 'FP32', inputSize: 320 });
    const labels = (d: any) => d.objects.map((o: any) => o.label.key).sort();
    const int8 = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000036.jpg') } });
    expect(labels(int8.data.detect)).toEqual(labels(fp32.data.detect));
  });

  it('keeps each detection: it can be read back by id with the same objects', async () => {
    const { data } = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000009.jpg') } });
    const again = await api.gql(`query($id: ID!) { detection(id: $id) { id objects { label { key zh } score } } }`, {
      id: data.detect.id,
    });
    expect(again.data.detection.objects).toEqual(
      data.detect.objects.map((o: any) => ({ label: { key: o.label.key, zh: o.label.zh }, score: o.score })),
    );
  });

  it('honours minScore, maxObjects, precision and input size', async () => {
    const { data } = await api.gql(DETECT, {
      input: { imageBase64: photoBase64('000000000009.jpg'), minScore: 0.5, maxObjects: 2, inputSize: 416 },
    });
    expect(data.detect.model.inputSize).toBe(416);
    expect(data.detect.objects.length).toBeLessThanOrEqual(2);
    for (const o of data.detect.objects) expect(o.score).toBeGreaterThanOrEqual(0.5);
  });

  it('renaming a label in a draft and publishing changes new detections, not old ones', async () => {
    const before = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000036.jpg') } });
    const edit = await api.gql(
      `mutation { updateLabel(input: { labelSet: "coco80", key: "person", zh: "行人" }) { zh } }`,
    );
    expect(edit.data.updateLabel.zh).toBe('行人');
    const published = await api.gql(`mutation { publishLabelSet(key: "coco80") { version status } }`);
    expect(published.data.publishLabelSet).toEqual({
      version: before.data.detect.labelSetVersion + 1,
      status: 'PUBLISHED',
    });

    const after = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000036.jpg') } });
    const zhOf = (d: any) => d.objects.find((o: any) => o.label.key === 'person').label.zh;
    expect(zhOf(after.data.detect)).toBe('行人');
    expect(after.data.detect.labelSetVersion).toBe(published.data.publishLabelSet.version);

    const old = await api.gql(`query($id: ID!) { detection(id: $id) { labelSetVersion objects { label { key zh } } } }`, {
      id: before.data.detect.id,
    });
    expect(zhOf(old.data.detection)).toBe('人');
    expect(old.data.detection.labelSetVersion).toBe(before.data.detect.labelSetVersion);
  });

  it.each([
    ['bad base64', { imageBase64: 'not base64 at all!!' }],
    ['bytes that are not an image', { imageBase64: Buffer.from('hello, this is text').toString('base64') }],
    ['an unknown precision profile', { imageBase64: photoBase64('000000000009.jpg'), precision: 'INT4', inputSize: 288 }],
    ['an input size outside the allowed list', { imageBase64: photoBase64('000000000009.jpg'), inputSize: 333 }],
    ['an unknown model', { imageBase64: photoBase64('000000000009.jpg'), model: 'no-such-model' }],
    ['a minScore above 1', { imageBase64: photoBase64('000000000009.jpg'), minScore: 1.5 }],
  ])('rejects %s with a coded error and records nothing', async (_, input) => {
    const count = await detectionCount();
    const response = await api.gql(DETECT, { input });
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(errorCode(response));
    expect(response.errors![0].message.length).toBeGreaterThan(5);
    expect(await detectionCount()).toBe(count);
  });

  it('detectBatch computes every photo, in order', async () => {
    const files = ['000000000009.jpg', '000000000036.jpg', '000000000072.jpg'];
    const { data, errors } = await api.gql(
      `mutation($inputs: [DetectInput!]!) { detectBatch(inputs: $inputs) { image { width height } } }`,
      { inputs: files.map((f) => ({ imageBase64: photoBase64(f) })) },
    );
    expect(errors).toBeUndefined();
    expect(data.detectBatch.map((d: any) => d.image)).toEqual([
      { width: 640, height: 480 },
      { width: 481, height: 640 },
      { width: 427, height: 640 },
    ]);
  });

  it('detectBatch with one bad photo fails as a whole and records none', async () => {
    const count = await detectionCount();
    const response = await api.gql(`mutation($inputs: [DetectInput!]!) { detectBatch(inputs: $inputs) { id } }`, {
      inputs: [{ imageBase64: photoBase64('000000000009.jpg') }, { imageBase64: 'AAAA' }],
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(await detectionCount()).toBe(count);
  });

  it('lists detections newest first, filtered by label, page by page without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = await api.gql(
        `query($after: String) { detections(filter: { labelKey: "person" }, first: 2, after: $after) {
           totalCount edges { cursor node { id objects { label { key } } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection = page.data.detections;
      total = connection.totalCount;
      for (const { node } of connection.edges) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
        expect(node.objects.some((o: any) => o.label.key === 'person')).toBe(true);
      }
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(3);
  });
});
