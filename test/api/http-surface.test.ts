// What operators and load balancers see besides GraphQL, and the limits that keep memory bounded.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, DETECT, errorCode, photoBase64, startTestServer, type TestServer } from './harness';

const MAX_IMAGE_BYTES = 300_000;
const MAX_IMAGE_PIXELS = 1_000_000;
const MAX_REQUEST_MB = 1;

describe('HTTP surface and limits', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer('pglite', {
      WANSHI_MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES),
      WANSHI_MAX_IMAGE_PIXELS: String(MAX_IMAGE_PIXELS),
      WANSHI_MAX_REQUEST_MB: String(MAX_REQUEST_MB),
    });
    // Readiness follows the warm-up of the default model; wait for it as a load balancer would.
    for (let i = 0; i < 100 && (await fetch(`${api.url}/health/ready`)).status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(() => api?.close());

  const detectionCount = async () =>
    (await api.gql(`query { detections { totalCount } }`)).data.detections.totalCount;

  it.each(['/health/live', '/v2/health/live', '/health/ready', '/v2/health/ready'])(
    'answers 200 on %s',
    async (path) => {
      expect((await fetch(`${api.url}${path}`)).status).toBe(200);
    },
  );

  it('answers every request with the id its log lines carry: the caller’s own X-Request-Id, else a new one', async () => {
    const own = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'client-7f3a.1' } });
    expect(own.headers.get('x-request-id')).toBe('client-7f3a.1');
    const forged = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'a"b\\n{}' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const [first, second] = await Promise.all([
      fetch(`${api.url}/health/live`),
      fetch(`${api.url}/health/live`),
    ]);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });

  it('exposes Prometheus metrics that count detect requests by outcome', async () => {
    await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000009.jpg') } });
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(/wanshi_inference_requests_total\{[^}]*outcome="ok"[^}]*\} [1-9]/);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/wanshi_inference_request_seconds_bucket/);
  });

  it('serves a stored photo to an admin, byte for byte, and refuses without a key', async () => {
    const original = photoBase64('000000000036.jpg');
    const { data } = await api.gql(DETECT, { input: { imageBase64: original } });
    const url = `${api.url}/images/${data.detect.image.sha256}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await response.arrayBuffer()).toString('base64')).toBe(original);
    expect((await fetch(url)).status).toBe(401);
  });

  it('serves a thumbnail of a stored photo as WebP of the asked width, and refuses a width out of range', async () => {
    const { data } = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000036.jpg') } });
    const url = (width: string) => `${api.url}/images/${data.detect.image.sha256}?width=${width}`;
    const headers = { authorization: `Bearer ${ADMIN_KEY}` };
    const response = await fetch(url('96'), { headers });
    expect(response.headers.get('content-type')).toBe('image/webp');
    const original = await sharp(Buffer.from(photoBase64('000000000036.jpg'), 'base64')).metadata();
    const thumbnail = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(thumbnail.width).toBe(96);
    expect(Math.abs(thumbnail.height! - (96 * original.height!) / original.width!)).toBeLessThanOrEqual(1);
    expect((await fetch(url('0'), { headers })).status).toBe(400);
  });

  it('refuses an image over the byte limit before decoding it, and records nothing', async () => {
    const before = await detectionCount();
    const noise = await sharp(
      Buffer.from(Array.from({ length: 400 * 400 * 3 }, () => Math.floor(Math.random() * 256))),
      {
        raw: { width: 400, height: 400, channels: 3 },
      },
    )
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(MAX_IMAGE_BYTES);
    const response = await api.gql(DETECT, { input: { imageBase64: noise.toString('base64') } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toContain(String(MAX_IMAGE_BYTES));
    expect(await detectionCount()).toBe(before);
  });

  it('refuses an image over the pixel limit (a decompression bomb) and records nothing', async () => {
    const before = await detectionCount();
    const huge = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    expect(huge.length).toBeLessThan(MAX_IMAGE_BYTES);
    const response = await api.gql(DETECT, { input: { imageBase64: huge.toString('base64') } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(await detectionCount()).toBe(before);
  });

  it('refuses a request body over the limit with 413 and a coded error, without reading it all', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({
        query: DETECT,
        variables: { input: { imageBase64: 'A'.repeat(2 * 1024 * 1024) } },
      }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a malformed JSON body with 400 and a coded error', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
