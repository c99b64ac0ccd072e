import { roleAllows, type Principal, type RoleName } from '../auth/roles';
import { ForbiddenError, UnauthenticatedError } from './errors';

/**
 * Services check roles themselves as well as the GraphQL layer, so no other caller (a script, a future REST
 * route) can skip the check.
 */
export function requireRole(actor: Principal | null, role: RoleName): Principal {
  if (!actor) throw new UnauthenticatedError('An API key is required');
  if (!roleAllows(actor.role, role)) throw new ForbiddenError(`This needs the ${role} role`);
  return actor;
}
