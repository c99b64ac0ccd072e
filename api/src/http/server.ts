// The HTTP surface: GraphQL plus the plain endpoints operators and load balancers expect
// (KServe v2 health paths, Prometheus metrics) and the stored originals for the dashboard.
import http from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { processRequest } from 'graphql-upload-minimal';
import { BodyTooLargeError, readBody } from './read-body';
import { createLogger } from '../logging/logger';

const log = createLogger('http');

export interface HttpRoutes<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  graphqlContext(req: http.IncomingMessage): Promise<Context>;
  isReady(): boolean;
  metrics(): Promise<{ contentType: string; body: string }>;
  /** Returns the stored photo, or a status code explaining why not. */
  image(req: http.IncomingMessage, sha256: string): Promise<{ status: number; body?: Buffer; contentType?: string }>;
  /** Writes the whole response itself: an export may be a large archive, streamed. */
  exportFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<void>;
  maxRequestBytes: number;
  /** Largest file in a multipart (upload) request: the model import's cap. */
  maxUploadBytes: number;
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function graphqlErrorResponse(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

async function handleGraphql<Context extends BaseContext>(
  routes: HttpRoutes<Context>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  let body: unknown;
  const multipart = req.method === 'POST' && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
  if (multipart) {
    // The GraphQL multipart request spec: operations and map parsed here, each file part left streaming
    // into the resolver that reads it (the import writes it to disk), with busboy cutting off at the cap.
    try {
      body = await processRequest(req, res, { maxFileSize: routes.maxUploadBytes + 1, maxFiles: 1 });
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
  // Apollo only executes JSON bodies; a parsed multipart one is that. (Its CSRF guard against form posts is
  // moot here: every operation needs an Authorization header, which a cross-site form cannot send.)
  if (multipart) headers.set('content-type', 'application/json');
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

export function createHttpServer<Context extends BaseContext>(routes: HttpRoutes<Context>): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    const handle = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
      } else if (path === '/graphql') {
        await handleGraphql(routes, req, res);
      } else if (path === '/health/live' || path === '/v2/health/live') {
        sendJson(res, 200, { live: true });
      } else if (path === '/health/ready' || path === '/v2/health/ready') {
        const ready = routes.isReady();
        sendJson(res, ready ? 200 : 503, { ready });
      } else if (path === '/metrics') {
        const { contentType, body } = await routes.metrics();
        res.writeHead(200, { 'content-type': contentType }).end(body);
      } else if (path.startsWith('/images/')) {
        const { status, body, contentType } = await routes.image(req, path.slice('/images/'.length));
        if (body) res.writeHead(status, { 'content-type': contentType ?? 'application/octet-stream' }).end(body);
        else res.writeHead(status).end();
      } else if (path.startsWith('/exports/') && req.method === 'GET') {
        await routes.exportFile(req, res, path.slice('/exports/'.length));
      } else {
        sendJson(res, 404, { error: `No route ${path}; GraphQL is at /graphql` });
      }
    };
    handle().catch((error) => {
      log.error(`request ${req.method} ${path} failed`, error);
      if (!res.headersSent) graphqlErrorResponse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    });
  });
}
