import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { Driver } from 'neo4j-driver';

import type { Config } from './config';
import { type Context, createContext, type User } from './context';
import { exportRoutes } from './http/export.routes';
import { playgroundRoutes } from './http/playground.routes';
import { vendorRoutes } from './http/vendor.routes';
import type { Logger } from './logger';

export interface AppDeps {
  readonly config: Config;
  readonly driver: Driver;
  readonly logger: Logger;
  readonly schema: GraphQLSchema;
  /** Resolves the caller of a request; the auth module supplies it. */
  readonly authenticate?: (request: express.Request) => Promise<User | null> | User | null;
}

export interface App {
  readonly httpServer: Server;
  readonly apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

/** Builds the HTTP server: GraphQL at /graphql, health probes at /health. Call `listen` yourself. */
export async function createApp(deps: AppDeps): Promise<App> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: deps.schema,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/health/live', (_request, response) => {
    response.json({ status: 'live' });
  });
  app.get('/health/ready', async (_request, response) => {
    try {
      await deps.driver.verifyConnectivity({ database: deps.config.neo4j.database });
      response.json({ status: 'ready' });
    } catch {
      response.status(503).json({ status: 'not ready', reason: 'Neo4j is unreachable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(deps, deps.authenticate ? await deps.authenticate(req) : null),
    }),
  );
  app.use(vendorRoutes());
  app.use(playgroundRoutes());
  app.use('/export', exportRoutes(deps));

  return {
    httpServer,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}

/** Listens, turning "port taken" into a message the user can act on. */
export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      rejectListen(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is already in use. Stop what uses it or set PORT to another port.`)
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
