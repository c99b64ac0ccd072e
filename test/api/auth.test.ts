// Who may do what: keys by role, over HTTP.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachKind } from '../db/databases';
import { DETECT, errorCode, photoBase64, startTestServer, type TestServer } from './harness';

describeEachKind('API keys and roles', (kind) => {
  let api: TestServer;
  let appKey: string;
  let reviewerKey: string;
  beforeAll(async () => {
    api = await startTestServer(kind);
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id role } } }`;
    appKey = (await api.gql(create, { input: { name: 'mobile app', role: 'APP' } })).data.createApiKey.secret;
    reviewerKey = (await api.gql(create, { input: { name: 'reviewer', role: 'REVIEWER' } })).data.createApiKey.secret;
  });
  afterAll(() => api?.close());

  it('answers UNAUTHENTICATED without a key', async () => {
    expect(errorCode(await api.gql(`query { labelSets { key } }`, {}, null))).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED for an unknown key', async () => {
    const response = await api.gql(`query { labelSets { key } }`, {}, 'wsk_not-a-real-key');
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.status).toBe(401);
  });

  it('lets an app key detect and read its own history', async () => {
    const detected = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000036.jpg') } }, appKey);
    expect(detected.errors).toBeUndefined();
    const history = await api.gql(`query { detections { edges { node { id } } } }`, {}, appKey);
    expect(history.data.detections.edges.map((e: any) => e.node.id)).toEqual([detected.data.detect.id]);
  });

  it('hides other keys’ detections from an app key', async () => {
    const adminDetection = await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000009.jpg') } });
    const response = await api.gql(`query($id: ID!) { detection(id: $id) { id } }`, { id: adminDetection.data.detect.id }, appKey);
    expect(errorCode(response)).toBe('NOT_FOUND');
  });

  it.each([
    ['updateLabel', `mutation { updateLabel(input: { labelSet: "coco80", key: "dog", zh: "狗狗" }) { zh } }`],
    ['publishLabelSet', `mutation { publishLabelSet(key: "coco80") { version } }`],
    ['activateModelVersion', `mutation { activateModelVersion(name: "nanodet-m", version: "1") { id } }`],
    ['createApiKey', `mutation { createApiKey(input: { name: "x", role: ADMIN }) { secret } }`],
    ['apiKeys', `query { apiKeys { id } }`],
  ])('forbids an app key to call %s', async (_, query) => {
    expect(errorCode(await api.gql(query, {}, appKey))).toBe('FORBIDDEN');
  });

  it('lets a reviewer read all history but not edit labels', async () => {
    const history = await api.gql(`query { detections { totalCount } }`, {}, reviewerKey);
    expect(history.data.detections.totalCount).toBeGreaterThanOrEqual(2);
    const edit = await api.gql(`mutation { updateLabel(input: { labelSet: "coco80", key: "dog", zh: "狗狗" }) { zh } }`, {}, reviewerKey);
    expect(errorCode(edit)).toBe('FORBIDDEN');
  });

  it('stops accepting a key once it is revoked', async () => {
    const created = await api.gql(`mutation { createApiKey(input: { name: "temp", role: APP }) { secret apiKey { id } } }`);
    const { secret, apiKey } = created.data.createApiKey;
    expect((await api.gql(`query { me { role } }`, {}, secret)).data.me.role).toBe('APP');
    await api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id });
    expect(errorCode(await api.gql(`query { me { role } }`, {}, secret))).toBe('UNAUTHENTICATED');
  });
});
