// WanshiClient against the real API, over HTTP as an app calls it: typed answers, typed errors, retries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WanshiClient } from '../../sdk/src/client/client';
import { WanshiError } from '../../sdk/src/client/errors';
import { DETECT, EVAL_IMAGES, photoBase64, startTestServer, type TestServer } from '../api/harness';

const CREATE_KEY = `mutation($name: String!) { createApiKey(input: { name: $name, role: APP }) { secret apiKey { id } } }`;
const SET_LIMITS = `mutation($id: ID!, $input: ApiKeyLimitsInput!) { setApiKeyLimits(id: $id, input: $input) { effective { requestsPerSecond } } }`;

const photo = (file: string) => new Uint8Array(readFileSync(path.join(EVAL_IMAGES, file)));

describe('WanshiClient', () => {
  let api: TestServer;
  const newAppKey = async (name: string) => {
    const created = (await api.gql(CREATE_KEY, { name })).data.createApiKey;
    return { id: created.apiKey.id as string, secret: created.secret as string };
  };
  const clientFor = (apiKey: string, extra: Partial<ConstructorParameters<typeof WanshiClient>[0]> = {}) =>
    new WanshiClient({ url: api.url, apiKey, ...extra });

  beforeAll(async () => {
    api = await startTestServer('pglite');
  });
  afterAll(() => api?.close());

  it('detects a photo with the same Chinese labels, scores and boxes as the detect mutation', async () => {
    const app = await newAppKey('client detect');
    const viaClient = await clientFor(app.secret).detect(photo('000000000036.jpg'), { precision: 'int8' });
    const direct = (
      await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000036.jpg'), precision: 'INT8' } })
    ).data.detect;
    expect(viaClient.model.precision).toBe('int8');
    expect(viaClient.objects.length).toBeGreaterThan(0);
    expect(viaClient.objects.map((o) => [o.label.zh, o.score, o.box])).toEqual(
      direct.objects.map((o: any) => [o.label.zh, o.score, o.box]),
    );
  });

  it('detects a batch in the order of its photos', async () => {
    const app = await newAppKey('client batch');
    const files = ['000000000009.jpg', '000000000030.jpg'];
    const batch = await clientFor(app.secret).detectBatch(files.map(photo));
    const one = await clientFor(app.secret).detect(photo(files[1]));
    expect(batch).toHaveLength(2);
    expect(batch[1].image.sha256).toBe(one.image.sha256);
  });

  it("lists the key's own detections newest first, and flags one for review", async () => {
    const app = await newAppKey('client history');
    const client = clientFor(app.secret);
    const first = await client.detect(photo('000000000049.jpg'));
    const second = await client.detect(photo('000000000036.jpg'));
    await clientFor((await newAppKey('someone else')).secret).detect(photo('000000000009.jpg'));
    const page = await client.history({ first: 10 });
    expect(page.detections.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(page.nextCursor).toBeNull();
    expect((await client.flag(first.id, '不是猫')).id).toBe(first.id);
  });

  it('throws a WanshiError with the code BAD_USER_INPUT for bytes that are not a photo', async () => {
    const app = await newAppKey('client bad input');
    const error = await clientFor(app.secret)
      .detect(new TextEncoder().encode('not an image'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WanshiError);
    expect((error as WanshiError).code).toBe('BAD_USER_INPUT');
  });

  it('throws UNAUTHENTICATED for a wrong key', async () => {
    const error = await clientFor('wrong-key-0123456789')
      .history()
      .catch((e: unknown) => e);
    expect((error as WanshiError).code).toBe('UNAUTHENTICATED');
  });

  it('waits the retryAfterMs of a RATE_LIMITED answer and then succeeds', async () => {
    const app = await newAppKey('client rate limited');
    await api.gql(SET_LIMITS, { id: app.id, input: { requestsPerSecond: 1, burst: 0 } });
    const client = clientFor(app.secret, { retries: 3 });
    const answers = await Promise.all([client.history(), client.history(), client.history()]);
    expect(answers).toHaveLength(3);
  });

  it('gives the RATE_LIMITED error with its retryAfterMs once retries are used up', async () => {
    const app = await newAppKey('client no retries');
    await api.gql(SET_LIMITS, { id: app.id, input: { requestsPerSecond: 1, burst: 0 } });
    const client = clientFor(app.secret, { retries: 0 });
    const results = await Promise.allSettled([client.history(), client.history(), client.history()]);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as WanshiError] : []));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].code).toBe('RATE_LIMITED');
    expect(refused[0].retryAfterMs).toBeGreaterThan(0);
    expect(refused[0].status).toBe(429);
  });

  it('throws TIMEOUT when no answer comes within timeoutMs', async () => {
    const app = await newAppKey('client impatient');
    const error = await clientFor(app.secret, { timeoutMs: 1, retries: 0 })
      .detect(photo('000000000036.jpg'))
      .catch((e: unknown) => e);
    expect((error as WanshiError).code).toBe('TIMEOUT');
  });

  it('lists the device bundles and downloads one, then only when its ETag changed', async () => {
    const client = clientFor((await newAppKey('client bundles')).secret);
    const bundles = await client.deviceBundles('nanodet-m');
    const int8 = bundles.find((b) => b.profile === 'int8' && b.inputSize === 224)!;
    expect(int8).toMatchObject({ precision: 'int8', labelSet: 'coco80' });
    const first = await client.downloadBundle(int8.url);
    if (first.notModified) throw new Error('expected the archive');
    expect(first.zip.length).toBe(int8.bytes);
    expect(first.etag).toBe(`"${int8.sha256}"`);
    expect(await client.downloadBundle(int8.url, first.etag)).toEqual({
      notModified: true,
      etag: first.etag,
    });
  });

  it('throws NETWORK_ERROR when nothing listens at the URL', async () => {
    const error = await new WanshiClient({ url: 'http://127.0.0.1:9', apiKey: 'k', retries: 0 })
      .history()
      .catch((e: unknown) => e);
    expect((error as WanshiError).code).toBe('NETWORK_ERROR');
  });
});
