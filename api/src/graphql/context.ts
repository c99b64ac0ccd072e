// Per-request context: who is calling (the HTTP edge authenticated the request: api/src/http/routes.ts) and the
// services resolvers call.
import type { AuthChecker } from 'type-graphql';
import { AuthenticationError } from 'type-graphql';
import { roleAllows, type Principal, type RoleName } from '../auth/roles';
import { ForbiddenError } from '../services/errors';
import type { Services } from '../server/services';

export interface GraphQLContext {
  principal: Principal | null;
  services: Services;
}

/** `@Authorized()` needs any key; `@Authorized('reviewer')` a reviewer or admin; `@Authorized('admin')` an admin. */
export const authChecker: AuthChecker<GraphQLContext, RoleName> = ({ context }, roles) => {
  if (!context.principal) throw new AuthenticationError('An API key is required (Authorization: Bearer <key>)');
  const missing = roles.find((role) => !roleAllows(context.principal!.role, role));
  // Our FORBIDDEN message (the one services give), not type-graphql's "Access denied! …".
  if (missing) throw new ForbiddenError(`This needs the ${missing} role`);
  return true;
};
