import type { Server } from 'node:http';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';

import type { Config } from '../config';
import type { Context } from '../modules/request/request.context';
import { createErrorFormatter } from '../errors/format';
import { costLimitPlugin } from './limits/cost';
import { knownOperationTypes, subscriptionsOverWebSocket } from './limits/known-operation-types';
import type { Logger } from '../logger';

/** The GraphQL server, with every protection set explicitly rather than left to defaults. */
export function createApolloServer(config: Config, schema: GraphQLSchema, logger: Logger, httpServer: Server) {
  return new ApolloServer<Context>({
    schema,
    introspection: config.http.introspection,
    // Without introspection, "did you mean …" suggestions would leak the schema all the same.
    hideSchemaDetailsFromClientErrors: !config.http.introspection,
    // GET and simple POST requests must carry a header a browser form or <img> cannot set.
    csrfPrevention: true,
    allowBatchedHttpRequests: config.http.maxBatchOperations > 1,
    includeStacktraceInErrorResponses: config.env === 'development',
    // Screened before Apollo too; this is the parser's own backstop.
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [knownOperationTypes, subscriptionsOverWebSocket],
    formatError: createErrorFormatter(config.env === 'production', logger),
    // main.ts owns SIGTERM/SIGINT: it drains, then closes the driver. Apollo's own handler would
    // re-raise the signal once Apollo has stopped, killing the process before the driver closes.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), costLimitPlugin(schema, config.limits)],
  });
}
