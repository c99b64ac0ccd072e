// Per-request context: who is calling (from `Authorization: Bearer <key>`) and the services resolvers call.
import type { IncomingMessage } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { AuthenticationError } from 'type-graphql';
import { parseBearer, roleAllows, type Principal, type RoleName } from '../auth/roles';
import { ForbiddenError } from '../services/errors';
import { RateLimitedError } from '../limits/errors';
import type { Services } from '../server/services';

export interface GraphQLContext {
  principal: Principal | null;
  services: Services;
}

export async function contextFor(req: IncomingMessage, services: Services): Promise<GraphQLContext> {
  const secret = parseBearer(req.headers.authorization);
  if (!secret) return { principal: null, services };
  const principal = await services.requestGate.authenticate(req, secret).catch(asRateLimitResponse);
  if (!principal) {
    throw new GraphQLError('The API key is invalid or revoked', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return { principal, services };
}

/** Over a limit: HTTP 429 with Retry-After, and RATE_LIMITED + retryAfterMs in the body (formatError). */
function asRateLimitResponse(error: unknown): never {
  if (!(error instanceof RateLimitedError)) throw error;
  const headers = new HeaderMap([['retry-after', String(Math.ceil(error.retryAfterMs / 1000))]]);
  throw new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: 429, headers } },
  });
}

/** `@Authorized()` needs any key; `@Authorized('reviewer')` a reviewer or admin; `@Authorized('admin')` an admin. */
export const authChecker: AuthChecker<GraphQLContext, RoleName> = ({ context }, roles) => {
  if (!context.principal) throw new AuthenticationError('An API key is required (Authorization: Bearer <key>)');
  const missing = roles.find((role) => !roleAllows(context.principal!.role, role));
  // Our FORBIDDEN message (the one services give), not type-graphql's "Access denied! …".
  if (missing) throw new ForbiddenError(`This needs the ${missing} role`);
  return true;
};
