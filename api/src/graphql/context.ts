// Per-request context: who is calling (from `Authorization: Bearer <key>`) and the services resolvers call.
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { AuthenticationError } from 'type-graphql';
import { parseBearer, roleAllows, type Principal, type RoleName } from '../auth/roles';
import type { Services } from '../server/services';

export interface GraphQLContext {
  principal: Principal | null;
  services: Services;
}

export async function contextFor(req: IncomingMessage, services: Services): Promise<GraphQLContext> {
  const secret = parseBearer(req.headers.authorization);
  if (!secret) return { principal: null, services };
  const principal = await services.keys.authenticate(secret);
  if (!principal) {
    throw new GraphQLError('The API key is invalid or revoked', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return { principal, services };
}

/** `@Authorized()` needs any key; `@Authorized('reviewer')` a reviewer or admin; `@Authorized('admin')` an admin. */
export const authChecker: AuthChecker<GraphQLContext, RoleName> = ({ context }, roles) => {
  if (!context.principal)
    throw new AuthenticationError('An API key is required (Authorization: Bearer <key>)');
  return roles.every((role) => roleAllows(context.principal!.role, role));
};
