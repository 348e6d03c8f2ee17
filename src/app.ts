import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server, type ServerOptions } from 'node:http';
import type { Driver } from 'neo4j-driver';

import type { Config } from './config';
import { type Authenticate, type ContextDeps, createContext } from './context';
import type { Context } from './modules/request/request.context';
import { Availability } from './db/availability';
import { StartupError } from './errors';
import type { SupervisedStatus } from './db/supervisor';
import { corsFor } from './http/cors';
import { explorerRoutes } from './http/explorer.routes';
import { exportRoutes } from './http/export.routes';
import { createApolloServer } from './http/graphql';
import { healthRoutes } from './http/health.routes';
import { graphqlInBrowser, playgroundRoutes } from './http/playground.routes';
import { createSubscriptionServer } from './http/subscriptions';
import { bodyErrors, graphqlRequestGuards, unexpectedErrors, unknownRoutes } from './http/request-guards';
import { reviewRoutes } from './http/review.routes';
import { vendorRoutes } from './http/vendor.routes';
import type { Logger } from './logger';
import { SYSTEM_USER } from './modules/auth/auth.roles';
import { ChangeFeed } from './modules/history/change.feed';
import { ChangeLogTail } from './modules/history/change.tail';
import { HistoryRepository } from './modules/history/history.repository';

export interface AppDeps {
  readonly config: Config;
  readonly driver: Driver;
  readonly logger: Logger;
  readonly schema: GraphQLSchema;
  /** Resolves the caller of a request; the auth module supplies it. */
  readonly authenticate?: Authenticate;
  /** The embedded Neo4j's state for /health/ready; absent when the API did not start Neo4j itself. */
  readonly embeddedStatus?: () => SupervisedStatus | null;
}

export interface App {
  readonly httpServer: Server;
  readonly apollo: ApolloServer<Context>;
  /** Whether Neo4j is reachable, as the API sees it (backs /health/ready and fail-fast refusals). */
  readonly availability: Availability;
  /** Drains in-flight requests, then stops; the driver is the caller's to close afterwards. */
  stop(): Promise<void>;
}

/**
 * A client that sends its request slowly (a byte at a time, a slow-body attack) holds a socket for
 * as long as it likes; Node cuts it only after 5 minutes. Headers and body must both arrive within
 * `timeoutMs`, else Node answers 408 and closes the connection. The response takes as long as it
 * needs: the timeout ends when the request is read. Node checks the connections every
 * `connectionsCheckingInterval` (30 s by default, too coarse for a 30 s timeout).
 */
export function requestTimeouts(timeoutMs: number): ServerOptions {
  return {
    requestTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(timeoutMs / 10))),
  };
}

/** Builds the HTTP server: GraphQL at /graphql, health probes at /health. Call `listen` yourself. */
export async function createApp(deps: AppDeps): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(requestTimeouts(deps.config.http.requestTimeoutMs), app);
  const availability = new Availability(deps.driver, deps.config.neo4j.database);
  const feed = new ChangeFeed(deps.config.http.maxQueuedChanges);
  const contextDeps = { ...deps, availability, feed };
  const tail = changeLogTail(contextDeps, feed);
  const apollo = createApolloServer(deps.config, deps.schema, deps.logger, httpServer);
  await apollo.start();

  app.use(corsFor(deps.config.http.corsOrigins));
  app.use(healthRoutes(availability, deps.embeddedStatus));
  app.use(
    '/graphql',
    graphqlInBrowser,
    ...graphqlRequestGuards(deps.config),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(contextDeps, deps.authenticate ? await deps.authenticate(req) : null),
    }),
    bodyErrors,
  );
  app.use('/export', exportRoutes(contextDeps));
  app.use(vendorRoutes());
  app.use(playgroundRoutes());
  app.use(explorerRoutes(deps.schema));
  app.use(reviewRoutes());
  app.use(unknownRoutes);
  app.use(unexpectedErrors((error) => deps.logger.error('HTTP request failed', error)));
  const subscriptions = createSubscriptionServer({
    httpServer,
    schema: deps.schema,
    config: deps.config,
    logger: deps.logger,
    context: (user) => createContext(contextDeps, user),
    authenticate: deps.authenticate,
  });

  return {
    httpServer,
    apollo,
    availability,
    async stop() {
      tail?.stop();
      feed.close();
      await subscriptions.close();
      await apollo.stop();
      availability.stop();
    },
  };
}

/** Changes written through other API instances, for this instance's subscribers (docs/deployment.md). */
function changeLogTail(deps: ContextDeps, feed: ChangeFeed): ChangeLogTail | undefined {
  const { changeFeedPollMs } = deps.config.http;
  if (changeFeedPollMs === 0) return undefined;
  const tail = new ChangeLogTail(
    new HistoryRepository(createContext(deps, SYSTEM_USER).db),
    feed,
    { intervalMs: changeFeedPollMs, lookBackMs: 10_000 },
    (error) =>
      deps.logger.warn(
        `reading the change log for the live feed failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
  tail.start();
  return tail;
}

/** Listens, turning "port taken" into a message the user can act on. */
export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      rejectListen(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `Port ${port} on ${host} is already in use. Stop what uses it or set PORT to another port.`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolveListen();
    });
  });
}
