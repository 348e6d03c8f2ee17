import type { IncomingHttpHeaders } from 'node:http';

import type { Driver } from 'neo4j-driver';

import type { Config } from './config';
import type { AvailabilityGate } from './db/availability';
import { Executor } from './db/executor';
import { Loaders } from './graphql/loaders';
import type { Logger } from './logger';
import type { ChangeFeed } from './modules/history/change.feed';
import type { User } from './modules/auth/auth.user';
import type { Context } from './modules/request/request.context';
import { createServices } from './modules/request/request.services';

export interface ContextDeps {
  readonly config: Config;
  readonly driver: Driver;
  readonly logger: Logger;
  /** The HTTP server's view of Neo4j's reachability; absent for in-process jobs. */
  readonly availability?: AvailabilityGate;
  /** The live feed of changes of the HTTP server (subscriptions); absent for in-process jobs. */
  readonly feed?: ChangeFeed;
}

/** Who sends a request, from its headers (the auth module supplies it); null for anonymous. */
export type Authenticate = (request: { readonly headers: IncomingHttpHeaders }) => Promise<User | null> | User | null;

export interface ContextOptions {
  /** Load each root field's selection ahead in one statement (default); off only to compare both ways in tests. */
  readonly prefetch?: boolean;
}

/** The one place a request context is made. */
export function createContext(deps: ContextDeps, user: User | null = null, options: ContextOptions = {}): Context {
  const db = new Executor(deps.driver, {
    database: deps.config.neo4j.database,
    txTimeoutMs: deps.config.neo4j.txTimeoutMs,
    maxRetryMs: deps.config.neo4j.maxRetryMs,
    onInternalError: (error, queryName) => deps.logger.error(`query ${queryName} failed`, error),
    availability: deps.availability,
  });
  const loaders = new Loaders(db, options.prefetch ?? true);
  return {
    user,
    readsNeedAuth: deps.config.auth.requireAuthForReads,
    db,
    loaders,
    services: createServices(db, loaders, user?.id ?? 'anonymous', deps.config.analysis, deps.feed),
  };
}
