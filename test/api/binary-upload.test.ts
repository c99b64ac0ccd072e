// The photo as bytes: a GraphQL multipart upload, and POST /v1/detect with the raw body. Both answer what the
// base64 detect answers for the same photo, and refuse bad input with the same codes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REST_DETECT_DOCUMENT } from '../../api/src/rest/detect-route';
import { describeEachKind } from '../db/databases';
import {
  ADMIN_KEY,
  EVAL_IMAGES,
  errorCode,
  type GraphQLResponse,
  startTestServer,
  type TestServer,
} from './harness';

const MAX_IMAGE_BYTES = 400_000;
const photo = (file: string) => readFileSync(path.join(EVAL_IMAGES, file));
const TOO_BIG = '000000000575.jpg'; // 542 KB

/** What must agree between two detections of one photo: everything but the record's identity and timing. */
function comparable(detection: any) {
  const rest = { ...detection, objects: detection.objects.map((o: any) => ({ ...o, id: undefined })) };
  for (const field of ['id', 'createdAt', 'timing']) delete rest[field];
  return rest;
}

/** A GraphQL multipart request (operations, map, files) as the spec and every upload client send it. */
async function multipart(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, { bytes: Buffer; type: string }>,
  key: string | null = ADMIN_KEY,
): Promise<GraphQLResponse<any>> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables }));
  form.set(
    'map',
    JSON.stringify(Object.fromEntries(Object.keys(files).map((path, i) => [String(i), [path]]))),
  );
  Object.values(files).forEach(({ bytes, type }, i) =>
    form.set(String(i), new Blob([bytes], { type }), `photo-${i}`),
  );
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: key ? { authorization: `Bearer ${key}` } : {},
    body: form,
  });
  return { status: response.status, ...((await response.json()) as object) };
}

async function rest(
  url: string,
  bytes: Buffer,
  query = '',
  type = 'image/jpeg',
  key: string | null = ADMIN_KEY,
) {
  const response = await fetch(`${url}/v1/detect${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: bytes,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describeEachKind('the photo as bytes', (kind) => {
  let api: TestServer;
  let gif: Buffer;
  beforeAll(async () => {
    api = await startTestServer(kind, { WANSHI_MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES) });
    gif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .gif()
      .toBuffer();
  });
  afterAll(() => api?.close());

  const detectionCount = async () =>
    (await api.gql(`query { detections { totalCount } }`)).data!.detections.totalCount as number;
  const base64 = (bytes: Buffer, extra: Record<string, unknown> = {}, key: string | null = ADMIN_KEY) =>
    api.gql(REST_DETECT_DOCUMENT, { input: { imageBase64: bytes.toString('base64'), ...extra } }, key);
  const upload = (bytes: Buffer, extra: Record<string, unknown> = {}, key: string | null = ADMIN_KEY) =>
    multipart(
      api.url,
      REST_DETECT_DOCUMENT,
      { input: { image: null, ...extra } },
      {
        'variables.input.image': { bytes, type: 'image/jpeg' },
      },
      key,
    );

  it('a multipart upload gives the same detection as base64 for the same photo', async () => {
    const bytes = photo('000000000036.jpg');
    const [viaBase64, viaUpload] = [await base64(bytes), await upload(bytes)];
    expect(viaUpload.errors).toBeUndefined();
    expect(viaUpload.data.detect.objects.length).toBeGreaterThan(0);
    expect(comparable(viaUpload.data.detect)).toEqual(comparable(viaBase64.data!.detect));
  });

  it("POST /v1/detect answers the mutation's Detection object for the raw photo", async () => {
    const bytes = photo('000000000009.jpg');
    const viaBase64 = await base64(bytes);
    const viaRest = await rest(api.url, bytes);
    expect(viaRest.status).toBe(200);
    expect(viaRest.body.objects.length).toBeGreaterThan(0);
    expect(comparable(viaRest.body)).toEqual(comparable(viaBase64.data!.detect));
  });

  it('POST /v1/detect takes the options as query parameters', async () => {
    const bytes = photo('000000000009.jpg');
    const options = { minScore: 0.5, maxObjects: 2, inputSize: 416, precision: 'FP32', labelSet: 'coarse5' };
    const viaBase64 = await base64(bytes, options);
    const viaRest = await rest(
      api.url,
      bytes,
      '?minScore=0.5&maxObjects=2&size=416&precision=fp32&labelSet=coarse5',
    );
    expect(viaRest.body.model).toMatchObject({ precision: 'FP32', inputSize: 416 });
    expect(viaRest.body.labelSet).toBe('coarse5');
    expect(viaRest.body.objects.length).toBeLessThanOrEqual(2);
    expect(comparable(viaRest.body)).toEqual(comparable(viaBase64.data!.detect));
  });

  it('detectBatch takes several uploads and answers as for base64', async () => {
    const files = ['000000000009.jpg', '000000000036.jpg'];
    const query = `mutation($inputs: [DetectInput!]!) { detectBatch(inputs: $inputs) { image { sha256 } objects { classKey score box { x y width height } } } }`;
    const viaBase64 = await api.gql(query, {
      inputs: files.map((f) => ({ imageBase64: photo(f).toString('base64') })),
    });
    const viaUpload = await multipart(
      api.url,
      query,
      { inputs: files.map(() => ({ image: null })) },
      {
        'variables.inputs.0.image': { bytes: photo(files[0]), type: 'image/jpeg' },
        'variables.inputs.1.image': { bytes: photo(files[1]), type: 'image/jpeg' },
      },
    );
    expect(viaUpload.errors).toBeUndefined();
    expect(viaUpload.data.detectBatch).toEqual(viaBase64.data!.detectBatch);
  });

  /** The code (and the finer reason, where there is one) each way of sending answers, and nothing recorded. */
  async function refusals(bytes: Buffer, key: string | null = ADMIN_KEY) {
    const before = await detectionCount();
    const viaBase64 = await base64(bytes, {}, key);
    const viaUpload = await upload(bytes, {}, key);
    const viaRest = await rest(api.url, bytes, '', 'image/jpeg', key);
    expect(await detectionCount()).toBe(before);
    const reasonOf = (extensions: any) => extensions?.details?.reason;
    return {
      base64: [errorCode(viaBase64), reasonOf(viaBase64.errors?.[0]?.extensions)],
      upload: [errorCode(viaUpload), reasonOf(viaUpload.errors?.[0]?.extensions)],
      rest: [viaRest.body.error?.code, reasonOf(viaRest.body.error)],
      restStatus: viaRest.status,
    };
  }

  it.each([
    [
      'bytes that are not an image',
      () => Buffer.from('hello, this is plain text and no photo at all'),
      'unsupported-format',
      400,
    ],
    ['an image of an unsupported type (GIF)', () => gif, 'unsupported-format', 400],
    ['a photo over the size cap', () => photo(TOO_BIG), undefined, 413],
  ])('refuses %s with the same code in all three ways', async (_, bytes, reason, status) => {
    const seen = await refusals(bytes());
    expect(seen.base64).toEqual(['BAD_USER_INPUT', reason]);
    expect(seen.upload).toEqual(seen.base64);
    expect(seen.rest).toEqual(seen.base64);
    expect(seen.restStatus).toBe(status);
  });

  it('refuses a photo without a key with UNAUTHENTICATED in all three ways', async () => {
    // 41 KB: its base64 fits the body a request without a key may have (a bigger one is refused as too big).
    const seen = await refusals(photo('000000000643.jpg'), null);
    expect(seen.base64[0]).toBe('UNAUTHENTICATED');
    expect(seen.upload[0]).toBe('UNAUTHENTICATED');
    expect(seen.rest[0]).toBe('UNAUTHENTICATED');
    expect(seen.restStatus).toBe(401);
  });

  it('refuses a detect that sends the photo both ways, or neither', async () => {
    const both = await multipart(
      api.url,
      REST_DETECT_DOCUMENT,
      { input: { image: null, imageBase64: 'AAAA' } },
      {
        'variables.input.image': { bytes: photo('000000000009.jpg'), type: 'image/jpeg' },
      },
    );
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(REST_DETECT_DOCUMENT, { input: {} }))).toBe('BAD_USER_INPUT');
  });

  it('POST /v1/detect refuses a body that is not an image type, and unknown or malformed parameters', async () => {
    const bytes = photo('000000000009.jpg');
    const text = await rest(api.url, bytes, '', 'text/plain');
    expect([text.status, text.body.error.code]).toEqual([415, 'BAD_USER_INPUT']);
    const unknown = await rest(api.url, bytes, '?min_score=0.5');
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(unknown.body.error.message).toMatch(/min_score/);
    const notNumber = await rest(api.url, bytes, '?minScore=high');
    expect([notNumber.status, notNumber.body.error.code]).toEqual([400, 'BAD_USER_INPUT']);
    const outOfRange = await rest(api.url, bytes, '?minScore=1.5');
    expect([outOfRange.status, outOfRange.body.error.code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('POST /v1/detect serves app keys within their image quota, then RATE_LIMITED (429, Retry-After)', async () => {
    const created = await api.gql(
      `mutation { createApiKey(input: { name: "rest-app", role: APP }) { secret apiKey { id } } }`,
    );
    const { secret, apiKey } = created.data!.createApiKey;
    await api.gql(
      `mutation($id: ID!) { setApiKeyLimits(id: $id, input: { imagesPerDay: 1 }) { effective { imagesPerDay } } }`,
      {
        id: apiKey.id,
      },
    );
    const bytes = photo('000000000009.jpg');
    expect((await rest(api.url, bytes, '', 'image/jpeg', secret)).status).toBe(200);
    const refused = await rest(api.url, bytes, '', 'image/jpeg', secret);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
