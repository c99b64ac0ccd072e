// How a route is registered at the HTTP edge: which methods and path it answers, who may call it, and its
// handler. The server (server.ts) matches the table, answers 404/405, authenticates once for every route
// (RequestGate: the failed-auth throttle, the key, its request rate) and answers every refusal and failure with
// the one error writer (error-body.ts), so no route authenticates or shapes an error of its own.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBearer, type Principal, type RoleName } from '../auth/roles';
import { requireRole } from '../services/authorization';
import { UnauthenticatedError } from '../services/errors';
import type { ErrorShape } from './error-body';

export type Method = 'GET' | 'HEAD' | 'POST';

export type RouteAuth =
  /** Anyone: health checks. */
  | 'none'
  /** A key if one is given, checked like any other; anonymous otherwise (GraphQL: each field checks its role). */
  | 'optional'
  /** A key with at least this role. */
  | RoleName
  /** An operator's static bearer token, not an API key (Prometheus scrapers); open while unset. */
  | { token: string | undefined };

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** What follows the prefix of a `/prefix/*` path, undecoded; empty for an exact path. */
  rest: string;
  /** Null only on routes whose auth is 'none', 'optional' or a token. */
  principal: Principal | null;
}

export interface Route {
  methods: readonly Method[];
  /** An exact path, or `/prefix/*` for everything below the prefix. */
  path: string;
  auth: RouteAuth;
  /** How this route's errors are written: /graphql answers as GraphQL does. */
  errorShape?: ErrorShape;
  /** Answered while the server drains instead of SHUTTING_DOWN: the health checks the balancer reads. */
  duringShutdown?: boolean;
  handle(context: RouteContext): Promise<void>;
}

/** The route for a path, and what follows its prefix. */
export function matchRoute(
  routes: readonly Route[],
  path: string,
): { route: Route; rest: string } | undefined {
  for (const route of routes) {
    if (route.path.endsWith('/*')) {
      const prefix = route.path.slice(0, -1);
      if (path.startsWith(prefix)) return { route, rest: path.slice(prefix.length) };
    } else if (route.path === path) {
      return { route, rest: '' };
    }
  }
  return undefined;
}

/** Compared in constant time, so the response time does not reveal the token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = createHash('sha256')
    .update(parseBearer(header) ?? '')
    .digest();
  return timingSafeEqual(given, createHash('sha256').update(token).digest());
}

/**
 * Who the caller is, as the route's auth demands; throws UNAUTHENTICATED, FORBIDDEN or RATE_LIMITED.
 * `authenticate` is the API's one authentication step (RequestGate.authenticate).
 */
export async function admit(
  route: Route,
  req: IncomingMessage,
  authenticate: (req: IncomingMessage) => Promise<Principal | null>,
): Promise<Principal | null> {
  const { auth } = route;
  if (auth === 'none') return null;
  if (typeof auth === 'object') {
    if (auth.token !== undefined && !bearerMatches(req.headers.authorization, auth.token))
      throw new UnauthenticatedError('This needs the operator token (Authorization: Bearer <token>)');
    return null;
  }
  const principal = await authenticate(req);
  if (auth !== 'optional') requireRole(principal, auth);
  return principal;
}
