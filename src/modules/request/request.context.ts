import type { Executor } from '../../db/executor';
import type { Loaders } from '../../graphql/loaders';
import type { User } from '../auth/auth.user';
import type { Services } from './request.services';

/**
 * Everything one request needs; built fresh per request (root `context.ts`) so loaders never leak
 * between users. Resolvers read it; they do not know how it is made.
 */
export interface Context {
  readonly user: User | null;
  /** Whether root query fields need a reader credential (REQUIRE_AUTH_FOR_READS). */
  readonly readsNeedAuth: boolean;
  readonly db: Executor;
  readonly loaders: Loaders;
  readonly services: Services;
}
