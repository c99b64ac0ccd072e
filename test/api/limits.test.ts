// Per-key limits and usage over HTTP, on both databases: request rate, image quota, usage per day, admin
// overrides, who sees whose usage, the failed-auth throttle per client address, and the /metrics token.
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachKind } from '../db/databases';
import {
  ADMIN_KEY,
  errorCode,
  photoBase64,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from './harness';

const METRICS_TOKEN = 'metrics-token-0123456789';
const AUTH_FAILURES_PER_MINUTE = 3;

const CREATE_KEY = `mutation($name: String!) { createApiKey(input: { name: $name, role: APP }) { secret apiKey { id } } }`;
const SET_LIMITS = `mutation($id: ID!, $input: ApiKeyLimitsInput!) {
  setApiKeyLimits(id: $id, input: $input) { effective { requestsPerSecond burst imagesPerDay } overrides { imagesPerDay } }
}`;
const USAGE = `query($keyId: ID) { usage(keyId: $keyId) { keyId day detections images objects errors rateLimited } }`;
const DETECT_OBJECTS = `mutation($input: DetectInput!) { detect(input: $input) { id objects { score } } }`;
const DETECT_BATCH = `mutation($inputs: [DetectInput!]!) { detectBatch(inputs: $inputs) { id objects { score } } }`;

const photo = (file: string) => ({ imageBase64: photoBase64(file) });

/** A GraphQL request sent from a given local address (127.0.0.0/8 is all loopback), to be another client. */
function gqlFrom(
  url: string,
  localAddress: string,
  key: string,
  query: string,
): Promise<GraphQLResponse & { retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            ...JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describeEachKind('per-key limits and usage', (kind) => {
  let api: TestServer;
  const newKey = async (name: string) => {
    const created = (await api.gql(CREATE_KEY, { name })).data.createApiKey;
    return { id: created.apiKey.id as string, secret: created.secret as string };
  };
  const usageOf = async (keyId: string, key = ADMIN_KEY) => (await api.gql(USAGE, { keyId }, key)).data.usage;

  beforeAll(async () => {
    api = await startTestServer(kind, {
      WANSHI_AUTH_FAILURES_PER_MINUTE: String(AUTH_FAILURES_PER_MINUTE),
      WANSHI_METRICS_TOKEN: METRICS_TOKEN,
    });
  });
  afterAll(() => api?.close());

  it('counts detections, images, objects and errors per key per day after real detects', async () => {
    const app = await newKey('usage counter');
    const one = await api.gql(DETECT_OBJECTS, { input: photo('000000000036.jpg') }, app.secret);
    const batch = await api.gql(
      DETECT_BATCH,
      { inputs: [photo('000000000009.jpg'), photo('000000000030.jpg')] },
      app.secret,
    );
    const bad = await api.gql(DETECT_OBJECTS, { input: { imageBase64: 'bm90IGFuIGltYWdl' } }, app.secret);
    expect(one.errors).toBeUndefined();
    expect(batch.errors).toBeUndefined();
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');

    const objects = [one.data.detect, ...batch.data.detectBatch].reduce((n, d) => n + d.objects.length, 0);
    expect(objects).toBeGreaterThan(0);
    expect(await usageOf(app.id)).toEqual([
      {
        keyId: app.id,
        day: new Date().toISOString().slice(0, 10),
        detections: 2,
        images: 3,
        objects,
        errors: 1,
        rateLimited: 0,
      },
    ]);
  });

  it("shows an app key its own usage only, and refuses it another key's", async () => {
    const app = await newKey('nosy app');
    await api.gql(DETECT_OBJECTS, { input: photo('000000000049.jpg') }, app.secret);
    await api.gql(DETECT_OBJECTS, { input: photo('000000000049.jpg') }); // the admin's own use
    const own = (await api.gql(USAGE, {}, app.secret)).data.usage;
    expect(own.map((row: { keyId: string }) => row.keyId)).toEqual([app.id]);

    const adminId = (await api.gql(`query { me { id } }`)).data.me.id;
    expect(errorCode(await api.gql(USAGE, { keyId: adminId }, app.secret))).toBe('FORBIDDEN');
    expect((await usageOf(adminId)).length).toBe(1); // an admin sees it
  });

  it('refuses requests over the rate with RATE_LIMITED, retryAfterMs, HTTP 429 and Retry-After, and counts them', async () => {
    const app = await newKey('fast app');
    const set = await api.gql(SET_LIMITS, { id: app.id, input: { requestsPerSecond: 1, burst: 0 } });
    expect(set.data.setApiKeyLimits.effective).toEqual({ requestsPerSecond: 1, burst: 0, imagesPerDay: 0 });

    const answers = await Promise.all(
      Array.from({ length: 8 }, () => gqlFrom(api.url, '127.0.0.1', app.secret, 'query { me { id } }')),
    );
    const refused = answers.filter((a) => errorCode(a) === 'RATE_LIMITED');
    // 8 at once at 1 per second: however the calls straddle a window, most are refused.
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(answer.errors![0]!.extensions!.retryAfterMs).toBeGreaterThan(0);
      expect(answer.errors![0]!.extensions!.retryAfterMs).toBeLessThanOrEqual(1000);
      expect(answer.retryAfter).toBe('1');
    }
    const [today] = await usageOf(app.id);
    expect(today.rateLimited).toBe(refused.length);
  });

  it('keeps a key within its images per day: a batch that does not fit is refused whole and costs nothing', async () => {
    const app = await newKey('quota app');
    await api.gql(SET_LIMITS, { id: app.id, input: { imagesPerDay: 3 } });
    const first = await api.gql(
      DETECT_BATCH,
      { inputs: [photo('000000000064.jpg'), photo('000000000009.jpg')] },
      app.secret,
    );
    expect(first.errors).toBeUndefined();

    const tooMany = await api.gql(
      DETECT_BATCH,
      { inputs: [photo('000000000036.jpg'), photo('000000000030.jpg')] },
      app.secret,
    );
    expect(errorCode(tooMany)).toBe('RATE_LIMITED');
    const retryAfterMs = tooMany.errors![0]!.extensions!.retryAfterMs as number;
    const midnight = new Date().setUTCHours(24, 0, 0, 0);
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(midnight - Date.now() + 1000);

    expect(
      (await api.gql(DETECT_OBJECTS, { input: photo('000000000036.jpg') }, app.secret)).errors,
    ).toBeUndefined();
    expect(errorCode(await api.gql(DETECT_OBJECTS, { input: photo('000000000030.jpg') }, app.secret))).toBe(
      'RATE_LIMITED',
    );
    const stored = await api.gql(`query { detections { totalCount } }`, {}, app.secret);
    expect(stored.data.detections.totalCount).toBe(3);
    expect(await usageOf(app.id)).toMatchObject([{ detections: 2, images: 3, errors: 2, rateLimited: 2 }]);
  });

  it("lets only admins override a key's limits, audit-logged, and back to the default with null", async () => {
    const app = await newKey('overridden app');
    expect(errorCode(await api.gql(SET_LIMITS, { id: app.id, input: { imagesPerDay: 9 } }, app.secret))).toBe(
      'FORBIDDEN',
    );
    await api.gql(SET_LIMITS, { id: app.id, input: { imagesPerDay: 9 } });
    const reset = await api.gql(SET_LIMITS, { id: app.id, input: { imagesPerDay: null } });
    expect(reset.data.setApiKeyLimits.overrides.imagesPerDay).toBeNull();

    const audit = await api.gql(
      `query($entity: String) { auditLog(entity: $entity) { edges { node { action before after } } } }`,
      { entity: `apiKey:${app.id}` },
    );
    const changes = audit.data.auditLog.edges.map((e: any) => e.node);
    expect(changes.filter((c: any) => c.action === 'apiKey.setLimits')).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ imagesPerDay: 9 }),
        after: expect.objectContaining({ imagesPerDay: null }),
      }),
      expect.objectContaining({
        before: expect.objectContaining({ imagesPerDay: null }),
        after: expect.objectContaining({ imagesPerDay: 9 }),
      }),
    ]);
    const listed = await api.gql(`query { apiKeys { id limits { effective { imagesPerDay } } } }`);
    expect(listed.data.apiKeys.find((k: any) => k.id === app.id).limits.effective.imagesPerDay).toBe(0);
  });

  it('throttles an address that sends bad keys, its valid keys too, but not other addresses', async () => {
    const app = await newKey('neighbour');
    const noisy = '127.0.0.3';
    for (let i = 0; i < AUTH_FAILURES_PER_MINUTE; i++) {
      expect(errorCode(await gqlFrom(api.url, noisy, `wsk_guess-${i}`, 'query { me { id } }'))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const blocked = await gqlFrom(api.url, noisy, 'wsk_guess-again', 'query { me { id } }');
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0]!.extensions!.retryAfterMs).toBeGreaterThan(0);
    expect(errorCode(await gqlFrom(api.url, noisy, app.secret, 'query { me { id } }'))).toBe('RATE_LIMITED');

    const elsewhere = await gqlFrom(api.url, '127.0.0.4', app.secret, 'query { me { id } }');
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data).toEqual({ me: { id: app.id } });
  });

  it('answers /metrics only with its bearer token when one is set', async () => {
    const metrics = (authorization?: string) =>
      fetch(`${api.url}/metrics`, { headers: authorization ? { authorization } : {} });
    expect((await metrics()).status).toBe(401);
    expect((await metrics('Bearer wrong-token-0123456789')).status).toBe(401);
    const allowed = await metrics(`Bearer ${METRICS_TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('# TYPE');
  });
});
