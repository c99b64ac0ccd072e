// The HTTP surface: GraphQL plus the plain endpoints operators and load balancers expect
// (KServe v2 health paths, Prometheus metrics) and the stored originals for the dashboard.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { parseBearer } from '../auth/roles';
import { processRequest } from 'graphql-upload-minimal';
import { BodyTooLargeError, readBody } from './read-body';
import { mostTokens } from '../graphql/limits/tokens';
import { isDatabaseUnavailable } from '../db/unavailable';
import { createLogger } from '../logging/logger';

const log = createLogger('http');

export interface HttpRoutes<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** Authenticates from the headers alone; rejects for a key that is invalid. */
  graphqlContext(req: http.IncomingMessage): Promise<Context>;
  hasKey(context: Context): boolean;
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
  maxAnonymousRequestBytes: number;
  /** Operations in one batched (JSON array) request. */
  maxBatchOperations: number;
  maxQueryTokens: number;
  /** When set, /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Writes the whole response itself: a device bundle (GET /bundles/<model>/<version>/<file>). */
  bundleFile(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void>;
  /** Writes the whole response itself: POST /v1/detect, the photo as the raw body. */
  detectRest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** Largest file in a multipart (upload) request: the model import's cap (detect reads at most its own). */
  maxUploadBytes: number;
  /** Files in one multipart request: the photos of a detectBatch. */
  maxUploadFiles: number;
}

/** No token configured: open. Compared in constant time, so the response time does not reveal the token. */
function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = createHash('sha256')
    .update(parseBearer(header) ?? '')
    .digest();
  return timingSafeEqual(given, createHash('sha256').update(token).digest());
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

/** The same shape as the GraphQL operation limits' refusals (api/src/graphql/limits/plugin.ts). */
function overLimit(
  res: http.ServerResponse,
  limit: string,
  max: number,
  actual: number,
  message: string,
): void {
  graphqlErrorResponse(res, 400, 'BAD_USER_INPUT', message, { details: { limit, max, actual } });
}

/** A GraphQL request this large carries a photo (a detect); queries without one are a few kilobytes. */
const PHOTO_SIZED_BODY_BYTES = 64 * 1024;

async function handleGraphql<Context extends BaseContext>(
  routes: HttpRoutes<Context>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  // Authenticate from the headers before reading the body: a caller without a valid key gets a small body
  // limit, so nobody can make the server read and parse megabytes before it knows who is asking.
  const context = routes.graphqlContext(req);
  const caller = await context.then(
    (value) => (routes.hasKey(value) ? 'key' : 'anonymous'),
    () => 'refused' as const,
  );
  let body: unknown;
  if (req.method === 'POST' && caller !== 'refused') {
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
  }
  const multipart = req.method === 'POST' && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
  if (req.method === 'POST' && caller === 'refused') {
    req.resume(); // Apollo answers with the authentication error; the body is not needed for that
  } else if (multipart && caller === 'anonymous') {
    // Every operation that takes a file needs a key: answered as such rather than as a body too large.
    await discardBody(req);
    graphqlErrorResponse(res, 401, 'UNAUTHENTICATED', 'An API key is required (Authorization: Bearer <key>)');
    return;
  } else if (multipart && caller === 'key') {
    // The GraphQL multipart request spec: operations and map parsed here, each file part left streaming
    // into the resolver that reads it (the import writes it to disk), with busboy cutting off at the cap.
    try {
      body = await processRequest(req, res, {
        maxFileSize: routes.maxUploadBytes + 1,
        maxFiles: routes.maxUploadFiles,
      });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      graphqlErrorResponse(
        res,
        status,
        'BAD_USER_INPUT',
        `Invalid multipart request: ${(error as Error).message}`,
      );
      return;
    }
  } else if (req.method === 'POST') {
    const limit = caller === 'key' ? routes.maxRequestBytes : routes.maxAnonymousRequestBytes;
    let raw: Buffer;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        const hint =
          caller === 'key' ? 'send fewer or smaller images' : 'requests without an API key are small';
        graphqlErrorResponse(res, 413, 'BAD_USER_INPUT', `${error.message}; ${hint}`);
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
    const max = routes.maxBatchOperations;
    if (Array.isArray(body) && body.length > max) {
      return overLimit(res, 'batch', max, body.length, `A batch holds at most ${max} operations`);
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const documents = req.method === 'POST' ? [body].flat() : [{ query: url.searchParams.get('query') }];
  // Counted here, before Apollo parses: a plugin could only refuse after parsing, or with a 500.
  const tokens = mostTokens(documents, routes.maxQueryTokens);
  if (tokens > routes.maxQueryTokens) {
    const max = routes.maxQueryTokens;
    return overLimit(res, 'tokens', max, tokens, `A query document holds at most ${max} tokens`);
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  // Apollo only executes JSON bodies; a parsed multipart one is that. (Its CSRF guard against form posts is
  // moot here: every operation needs an Authorization header, which a cross-site form cannot send.)
  if (multipart) headers.set('content-type', 'application/json');
  const response = await routes.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: () => context,
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
      } else if (path === '/v1/detect') {
        await routes.detectRest(req, res);
      } else if (path === '/health/ready' || path === '/v2/health/ready') {
        const ready = await routes.isReady();
        sendJson(res, ready ? 200 : 503, { ready });
      } else if (path === '/metrics') {
        if (!bearerMatches(req.headers.authorization, routes.metricsToken)) {
          res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
          return;
        }
        const { contentType, body } = await routes.metrics();
        res.writeHead(200, { 'content-type': contentType }).end(body);
      } else if (path.startsWith('/images/')) {
        const { status, body, contentType } = await routes.image(req, path.slice('/images/'.length));
        if (body)
          res.writeHead(status, { 'content-type': contentType ?? 'application/octet-stream' }).end(body);
        else res.writeHead(status).end();
      } else if (path.startsWith('/bundles/') && (req.method === 'GET' || req.method === 'HEAD')) {
        await routes.bundleFile(req, res, path.slice('/bundles/'.length));
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
