// The HTTP edge: one table of routes (routes.ts), each answered after the same steps: request id and CORS
// headers, 404/405, SHUTTING_DOWN while draining, the one authentication step, and one error writer for every
// refusal and failure (error-body.ts).
import http from 'node:http';
import type { Principal } from '../auth/roles';
import { createLogger } from '../logging/logger';
import { requestIdFrom, withRequestId } from '../logging/request-context';
import { InputError, NotFoundError } from '../services/errors';
import { sendError } from './error-body';
import { discardBody } from './read-body';
import { admit, matchRoute, type Route } from './routes';

const log = createLogger('http');

export interface HttpEdge {
  routes: readonly Route[];
  /** The API's one authentication step (RequestGate.authenticate). */
  authenticate(req: http.IncomingMessage): Promise<Principal | null>;
  /** True once shutdown started: every route but the health checks answers SHUTTING_DOWN (503). */
  isShuttingDown(): boolean;
}

/** Refused while draining: the balancer should already be sending this replica nothing. */
class ShuttingDownError extends Error {
  readonly code = 'SHUTTING_DOWN';
}

async function serve(edge: HttpEdge, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  const matched = matchRoute(edge.routes, url.pathname);
  if (!matched) {
    req.resume();
    return sendError(res, new NotFoundError(`No route ${url.pathname}; GraphQL is at /graphql`));
  }
  const { route, rest } = matched;
  const shape = route.errorShape;
  if (!(route.methods as readonly string[]).includes(req.method ?? '')) {
    req.resume();
    res.setHeader('allow', route.methods.join(', '));
    const message = `${route.path} answers ${route.methods.join(', ')}`;
    return sendError(res, new InputError(message), { shape, status: 405 });
  }
  if (edge.isShuttingDown() && !route.duringShutdown) {
    await discardBody(req);
    return sendError(res, new ShuttingDownError('The service is shutting down; retry on another replica.'), {
      shape,
    });
  }
  let principal: Principal | null;
  try {
    principal = await admit(route, req, edge.authenticate);
  } catch (error) {
    req.resume(); // refused from the headers: the body is not needed for the answer
    return sendError(res, error, { shape });
  }
  try {
    await route.handle({ req, res, url, rest, principal });
  } catch (error) {
    if (res.headersSent) {
      log.error(`request ${req.method} ${url.pathname} failed part-way`, error);
      res.end();
      return;
    }
    // Coded errors keep their code (a domain refusal, the database UNAVAILABLE); the rest is logged, masked.
    sendError(res, error, { shape });
  }
}

export function createHttpServer(edge: HttpEdge): http.Server {
  return http.createServer((req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId); // what a user quotes when reporting a failure
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, x-request-id');
    res.setHeader('access-control-expose-headers', 'x-request-id');
    // Inside the request's context, so whatever the request logs carries its id.
    withRequestId(requestId, () =>
      serve(edge, req, res).catch((error: unknown) => {
        log.error(`request ${req.method} ${req.url} failed`, error);
        if (!res.headersSent) sendError(res, error);
        else res.end();
      }),
    );
  });
}
