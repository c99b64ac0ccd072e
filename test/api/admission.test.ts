// Admission over HTTP: an overloaded service refuses a detect before doing any work on its photo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECT, errorCode, photoBase64, startTestServer, type TestServer } from './harness';

const DETECT_BATCH = `mutation($inputs: [DetectInput!]!) { detectBatch(inputs: $inputs) { id } }`;
const STATS = `query { schedulerStats { artifacts { inFlight queueDepthBulk } } }`;

describe('admission of detect requests', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer('pglite');
    for (let i = 0; i < 150 && (await fetch(`${api.url}/health/ready`)).status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);
  afterAll(() => api?.close());

  it('refuses OVERLOADED, with retryAfterMs, a request that could not start within its timeoutMs, before decoding its photo', async () => {
    const photo = photoBase64('000000000009.jpg');
    expect(errorCode(await api.gql(DETECT, { input: { imageBase64: photo } }))).toBeUndefined(); // measures the pace
    const batch = api.gql(DETECT_BATCH, {
      inputs: Array.from({ length: 32 }, () => ({ imageBase64: photo })), // lasts past the refused request even when idle
    });
    const busy = async () =>
      (await api.gql(STATS)).data.schedulerStats.artifacts.some((a: { inFlight: number }) => a.inFlight > 0);
    for (let i = 0; i < 500 && !(await busy()); i++) await new Promise((r) => setTimeout(r, 5));

    // Not base64 at all: decoding it would have answered BAD_USER_INPUT.
    const refused = await api.gql(DETECT, { input: { imageBase64: '¿not base64?', timeoutMs: 1 } });

    expect(errorCode(refused)).toBe('OVERLOADED');
    expect(refused.errors![0].extensions!.retryAfterMs).toBeGreaterThan(0);
    expect(errorCode(await batch)).toBeUndefined();
  }, 120_000);
});
