import type { AuthCheckerFn } from 'type-graphql';

import type { Context } from '../request/request.context';
import { ForbiddenError, UnauthenticatedError } from '../../errors';
import type { User } from './auth.user';
import { isRole, Role, roleSatisfies } from './auth.roles';

/**
 * The one check of a role: no user is UNAUTHENTICATED, a user without any of the roles is
 * FORBIDDEN. Throwing (rather than returning false) keeps those two apart.
 */
export function requireRole(user: User | null, roles: readonly Role[]): void {
  if (!user) throw new UnauthenticatedError();
  if (roles.length === 0 || roles.some((role) => roleSatisfies(user.roles, role))) return;
  throw new ForbiddenError(`This needs the ${roles.join(' or ')} role`);
}

/** Behind every `@Authorized(role)`. */
export const authChecker: AuthCheckerFn<Context> = ({ context }, roles) => {
  requireRole(context.user, roles.filter(isRole));
  return true;
};

/**
 * A read (a root query, a subscription, an export): with REQUIRE_AUTH_FOR_READS it needs a
 * reader, otherwise anyone may read.
 */
export function checkRead(context: Context): void {
  if (context.readsNeedAuth) requireRole(context.user, [Role.Reader]);
}
