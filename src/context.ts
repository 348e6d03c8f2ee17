import type { Driver } from 'neo4j-driver';

import type { Config } from './config';
import { Executor } from './db/executor';
import { Loaders } from './graphql/loaders';
import type { Logger } from './logger';
import { createServices, type Services } from './services';

export interface User {
  readonly id: string;
  readonly roles: readonly string[];
}

/** Everything one request needs; built fresh per request so loaders never leak between users. */
export interface Context {
  readonly user: User | null;
  readonly db: Executor;
  readonly loaders: Loaders;
  readonly services: Services;
}

export interface ContextDeps {
  readonly config: Config;
  readonly driver: Driver;
  readonly logger: Logger;
}

/** The one place a request context is made. */
export function createContext(deps: ContextDeps, user: User | null = null): Context {
  const db = new Executor(deps.driver, {
    database: deps.config.neo4j.database,
    txTimeoutMs: deps.config.neo4j.txTimeoutMs,
    onInternalError: (error, queryName) => deps.logger.error(`query ${queryName} failed`, error),
  });
  const loaders = new Loaders(db);
  return { user, db, loaders, services: createServices(db, loaders) };
}
