// What an error reply may contain outside development: a code, a short message and our own details; never the
// caller's input echoed back (a detect carries the whole photo) nor a stack trace with server paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECT, errorCode, photoBase64, startTestServer, type TestServer } from './harness';

const PHOTO = '000000000036.jpg'; // 260 KB

describe('error replies', () => {
  let api: TestServer;
  let appKey: string;
  beforeAll(async () => {
    // As under `npm start` (NODE_ENV unset), where Apollo would add stack traces by default; vitest sets `test`.
    const nodeEnv = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    api = await startTestServer('pglite').finally(() => (process.env.NODE_ENV = nodeEnv));
    const created = await api.gql(`mutation { createApiKey(input: { name: "app", role: APP }) { secret } }`);
    appKey = created.data.createApiKey.secret;
  });
  afterAll(() => api?.close());

  async function rawReply(body: unknown, key: string | null = appKey): Promise<string> {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
    return response.text();
  }

  it('answers a validation error on a detect with a big photo in under 2 KB, without the photo or a stack', async () => {
    const image = photoBase64(PHOTO);
    const text = await rawReply({
      query: DETECT,
      variables: { input: { imageBase64: image, inputSize: 300 } },
    });
    const reply = JSON.parse(text);
    expect(errorCode(reply)).toBe('BAD_USER_INPUT');
    expect(text.length).toBeLessThan(2048);
    expect(text).not.toContain(image.slice(0, 64));
    expect(text).not.toMatch(/stacktrace|node_modules|\/api\/src\//);
    expect(reply.errors[0].extensions.validationErrors).toEqual([
      expect.objectContaining({ property: 'inputSize', constraints: expect.any(Object) }),
    ]);
  });

  it('does not echo the photo when a variable has the wrong shape', async () => {
    const image = photoBase64(PHOTO);
    const text = await rawReply({
      query: DETECT,
      variables: { input: { imageBase64: image, colour: 'red' } },
    });
    expect(errorCode(JSON.parse(text))).toBe('BAD_USER_INPUT');
    expect(text.length).toBeLessThan(2048);
    expect(text).not.toContain(image.slice(0, 64));
    expect(text).not.toMatch(/stacktrace/);
  });

  it('says which role is needed when a key may not do something, not type-graphql’s "Access denied!"', async () => {
    const reply = await api.gql(`query { schedulerStats { accepting } }`, {}, appKey);
    expect(errorCode(reply)).toBe('FORBIDDEN');
    expect(reply.errors?.[0].message).toBe('This needs the reviewer role');
    expect(JSON.stringify(reply)).not.toMatch(/Access denied|stacktrace/);
  });
});
