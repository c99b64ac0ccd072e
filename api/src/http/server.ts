// The HTTP surface: GraphQL plus the plain endpoints operators and load balancers expect
// (KServe v2 health paths, Prometheus metrics) and the stored originals for the dashboard.
import http from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { BodyTooLargeError, readBody } from './read-body';
import { isDatabaseUnavailable } from '../db/unavailable';
import { createLogger } from '../logging/logger';

const log = createLogger('http');

export interface HttpRoutes<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  graphqlContext(req: http.IncomingMessage): Promise<Context>;
  /** The default model is loaded and the database answers. */
  isReady(): Promise<boolean>;
  /**
   * When every model's queue would refuse a new detect: the refusal, so that a request carrying a photo can be
   * refused before its body is parsed (what costs the CPU the admitted work needs under overload).
   */
  refusalAtTheDoor(): { message: string; retryAfterMs?: number } | undefined;
  /** True once shutdown started: every request but liveness is answered SHUTTING_DOWN (503). */
  isShuttingDown(): boolean;
  metrics(): Promise<{ contentType: string; body: string }>;
  /** Returns the stored photo, or a status code explaining why not. */
  image(
    req: http.IncomingMessage,
    sha256: string,
  ): Promise<{ status: number; body?: Buffer; contentType?: string }>;
  /** Writes the whole response itself: an export may be a large archive, streamed. */
  exportFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<void>;
  maxRequestBytes: number;
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function graphqlErrorResponse(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });
}

/** A GraphQL request this large carries a photo (a detect); queries without one are a few kilobytes. */
const PHOTO_SIZED_BODY_BYTES = 64 * 1024;

async function handleGraphql<Context extends BaseContext>(
  routes: HttpRoutes<Context>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  let body: unknown;
  if (req.method === 'POST') {
    const refusal =
      Number(req.headers['content-length'] ?? 0) >= PHOTO_SIZED_BODY_BYTES
        ? routes.refusalAtTheDoor()
        : undefined;
    if (refusal) {
      await discardBody(req);
      const retryAfterMs = refusal.retryAfterMs ?? 1000;
      res.setHeader('retry-after', String(Math.ceil(retryAfterMs / 1000)));
      graphqlErrorResponse(res, 503, 'OVERLOADED', refusal.message, { retryAfterMs });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, routes.maxRequestBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        graphqlErrorResponse(res, 413, 'BAD_USER_INPUT', `${error.message}; send fewer or smaller images`);
        return;
      }
      throw error;
    }
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      graphqlErrorResponse(res, 400, 'BAD_USER_INPUT', 'Request body is not valid JSON');
      return;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const response = await routes.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: () => routes.graphqlContext(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function discardBody(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete) return resolve();
    req
      .once('end', resolve)
      .once('error', () => resolve())
      .resume();
  });
}

export function createHttpServer<Context extends BaseContext>(routes: HttpRoutes<Context>): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    const handle = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
      } else if (path === '/health/live' || path === '/v2/health/live') {
        sendJson(res, 200, { live: true });
      } else if (routes.isShuttingDown()) {
        // Read to the end first: closing a connection with unread request bytes resets it (TCP RST), and the
        // client would see ECONNRESET instead of this answer.
        await discardBody(req);
        if (path === '/health/ready' || path === '/v2/health/ready') sendJson(res, 503, { ready: false });
        else
          graphqlErrorResponse(
            res,
            503,
            'SHUTTING_DOWN',
            'The service is shutting down; retry on another replica.',
          );
      } else if (path === '/graphql') {
        await handleGraphql(routes, req, res);
      } else if (path === '/health/ready' || path === '/v2/health/ready') {
        const ready = await routes.isReady();
        sendJson(res, ready ? 200 : 503, { ready });
      } else if (path === '/metrics') {
        const { contentType, body } = await routes.metrics();
        res.writeHead(200, { 'content-type': contentType }).end(body);
      } else if (path.startsWith('/images/')) {
        const { status, body, contentType } = await routes.image(req, path.slice('/images/'.length));
        if (body)
          res.writeHead(status, { 'content-type': contentType ?? 'application/octet-stream' }).end(body);
        else res.writeHead(status).end();
      } else if (path.startsWith('/exports/') && req.method === 'GET') {
        await routes.exportFile(req, res, path.slice('/exports/'.length));
      } else {
        sendJson(res, 404, { error: `No route ${path}; GraphQL is at /graphql` });
      }
    };
    handle().catch((error) => {
      if (isDatabaseUnavailable(error)) {
        if (!res.headersSent)
          graphqlErrorResponse(res, 503, 'UNAVAILABLE', 'The database is unreachable; retry shortly.');
        else res.end();
        return;
      }
      log.error(`request ${req.method} ${path} failed`, error);
      if (!res.headersSent) graphqlErrorResponse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    });
  });
}
