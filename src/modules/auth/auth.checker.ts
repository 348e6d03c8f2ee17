import type { AuthCheckerFn } from 'type-graphql';

import type { Context } from '../request/request.context';
import { ForbiddenError, UnauthenticatedError } from '../../errors';
import { isRole, roleSatisfies } from './auth.roles';

/**
 * The one check behind every `@Authorized(role)`: no user is UNAUTHENTICATED, a user without
 * the role is FORBIDDEN. Throwing (rather than returning false) keeps those two apart.
 */
export const authChecker: AuthCheckerFn<Context> = ({ context }, roles) => {
  if (!context.user) throw new UnauthenticatedError();
  const needed = roles.filter(isRole);
  if (needed.length === 0 || needed.some((role) => roleSatisfies(context.user?.roles ?? [], role))) return true;
  throw new ForbiddenError(`This needs the ${needed.join(' or ')} role`);
};
