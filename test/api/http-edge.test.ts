// The HTTP edge: every registered route authenticates the same way and refuses with the same error body, so a
// client handles a refusal from /images, /bundles, /exports, /v1/detect, /metrics or /graphql alike.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../api/src/http/routes';
import { ADMIN_KEY, startTestServer, type TestServer } from './harness';

const METRICS_TOKEN = 'metrics-token-0123456789';
const AUTH_FAILURES_PER_MINUTE = 3;

/** A URL the route answers: a wildcard path gets a tail (the edge refuses before the handler reads it). */
const pathOf = (route: Route) => route.path.replace(/\*$/, 'probe');

let requests = 0;

/** Each request from its own client address unless one is given: the failed-auth throttle counts per address. */
async function call(api: TestServer, route: Route, authorization?: string, address = `10.9.0.${++requests}`) {
  const method = route.methods.includes('POST') ? 'POST' : route.methods[0];
  const response = await fetch(`${api.url}${pathOf(route)}`, {
    method,
    headers: {
      'x-forwarded-for': address,
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
    },
    ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** The code and message of either body the edge writes: REST `{ error }`, or GraphQL `{ errors: [...] }`. */
function refusal(route: Route, body: any): { code: string; message: string } {
  if (route.errorShape === 'graphql') {
    expect(Object.keys(body)).toEqual(['errors']);
    return { code: body.errors[0].extensions.code, message: body.errors[0].message };
  }
  expect(Object.keys(body)).toEqual(['error']);
  return body.error;
}

describe('one HTTP edge', () => {
  let api: TestServer;
  let routes: readonly Route[];
  let appKey: string;
  beforeAll(async () => {
    api = await startTestServer('pglite', {
      WANSHI_METRICS_TOKEN: METRICS_TOKEN,
      WANSHI_AUTH_FAILURES_PER_MINUTE: String(AUTH_FAILURES_PER_MINUTE),
    });
    routes = api.server.routes;
    const create = `mutation { createApiKey(input: { name: "edge app", role: APP }) { secret } }`;
    appKey = (await api.gql(create)).data.createApiKey.secret;
  });
  afterAll(() => api?.close());

  const guarded = () => routes.filter((route) => route.auth !== 'none' && route.auth !== 'optional');
  const keyed = () => routes.filter((route) => route.auth !== 'none' && typeof route.auth !== 'object');

  it('registers every endpoint in the one table', () => {
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/graphql', '/v1/detect', '/images/*', '/bundles/*', '/exports/*', '/metrics']),
    );
  });

  it('answers a request without a key on every route that needs one with 401 and the same UNAUTHENTICATED body', async () => {
    expect(guarded().length).toBeGreaterThanOrEqual(5);
    for (const route of guarded()) {
      const { status, headers, body } = await call(api, route);
      expect({ path: route.path, status, authenticate: headers.get('www-authenticate') }).toEqual({
        path: route.path,
        status: 401,
        authenticate: 'Bearer',
      });
      expect(Object.keys(body)).toEqual(['error']);
      expect(Object.keys(body.error)).toEqual(['code', 'message']);
      expect(body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers an unknown key on every route that takes keys with 401 UNAUTHENTICATED and one message, GraphQL included', async () => {
    const messages = new Set<string>();
    for (const route of keyed()) {
      const { status, body } = await call(api, route, `Bearer wsk_unknown-${randomUUID()}`);
      const { code, message } = refusal(route, body);
      expect({ path: route.path, status, code }).toEqual({
        path: route.path,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      messages.add(message);
    }
    expect([...messages]).toEqual(['The API key is invalid or revoked']);
  });

  it('answers an app key on a reviewer route with 403 and the same FORBIDDEN body', async () => {
    const reviewerRoutes = routes.filter((route) => route.auth === 'reviewer');
    expect(reviewerRoutes.map((route) => route.path).sort()).toEqual(['/exports/*', '/images/*']);
    for (const route of reviewerRoutes) {
      const { status, body } = await call(api, route, `Bearer ${appKey}`);
      expect([status, body]).toEqual([
        403,
        { error: { code: 'FORBIDDEN', message: 'This needs the reviewer role' } },
      ]);
    }
  });

  it('counts bad keys sent to any route toward one failed-auth throttle per address', async () => {
    const images = routes.find((route) => route.path === '/images/*')!;
    const graphql = routes.find((route) => route.path === '/graphql')!;
    const address = '10.8.0.1';
    for (let i = 0; i < AUTH_FAILURES_PER_MINUTE; i++) {
      expect((await call(api, images, `Bearer wsk_guess-${i}`, address)).status).toBe(401);
    }
    expect((await call(api, images, 'Bearer wsk_guess-again', address)).status).toBe(429);
    // Blocked on every route, a right key included, or the throttle would not slow guessing.
    const blocked = await call(api, graphql, `Bearer ${ADMIN_KEY}`, address);
    expect([blocked.status, refusal(graphql, blocked.body).code]).toEqual([429, 'RATE_LIMITED']);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    const elsewhere = await call(api, images, `Bearer ${ADMIN_KEY}`, '10.8.0.2');
    expect(elsewhere.body.error.code).toBe('BAD_USER_INPUT'); // admitted: /images/probe is not a sha256
  });

  it('answers an unknown path with 404 NOT_FOUND and a method a route does not take with 405 and Allow', async () => {
    const unknown = await fetch(`${api.url}/nowhere`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.code).toBe('NOT_FOUND');
    const wrongMethod = await fetch(`${api.url}/v1/detect`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    expect(((await wrongMethod.json()) as any).error.code).toBe('BAD_USER_INPUT');
  });
});
