import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import type { Config } from '../config';
import type { Authenticate } from '../context';
import type { User } from '../modules/auth/auth.user';
import type { Context } from '../modules/request/request.context';
import { ErrorCode } from '../errors';
import { estimate, overLimit } from './limits/cost';
import { screenDocument } from './limits/screen';
import type { Logger } from '../logger';

export interface SubscriptionServerDeps {
  readonly httpServer: Server;
  readonly schema: GraphQLSchema;
  readonly config: Config;
  readonly logger: Logger;
  readonly context: (user: User | null) => Context;
  readonly authenticate?: Authenticate;
}

export interface SubscriptionServer {
  /** Ends every subscription and closes the sockets (shutdown). */
  close(): Promise<void>;
}

/** The credential of a connection, from its init payload: as the HTTP headers carry it. */
function headersOf(params: Readonly<Record<string, unknown>> | undefined): Record<string, string | undefined> {
  const pick = (...names: string[]) => {
    for (const name of names) {
      const value = params?.[name];
      if (typeof value === 'string') return value;
    }
    return undefined;
  };
  return { authorization: pick('authorization', 'Authorization'), 'x-api-key': pick('x-api-key', 'apiKey') };
}

/** Why an operation may not run: the same limits as on HTTP (size, depth, aliases, cost, pages). */
function limitProblems(schema: GraphQLSchema, config: Config, query: string, variables: Record<string, unknown>) {
  const screened = screenDocument(query, config.limits);
  if (screened) return [screened];
  let document;
  try {
    document = parse(query, { maxTokens: config.limits.maxTokens });
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  const invalid = validate(schema, document, specifiedRules);
  if (invalid.length > 0) return invalid;
  let estimated;
  try {
    estimated = estimate({ schema, query: document, variables });
  } catch {
    // Too many fields to estimate, or variables of the wrong type: refused either way.
    return [
      new GraphQLError('The subscription could not be estimated within the limits', {
        extensions: { code: ErrorCode.QueryTooComplex },
      }),
    ];
  }
  const refused = overLimit(estimated, config.limits);
  return refused ? [refused] : undefined;
}

/**
 * GraphQL subscriptions over graphql-ws, on the same port and path as HTTP (`/graphql`). A
 * connection authenticates with its init payload (`{ "authorization": "Bearer <key or token>" }`
 * or `{ "x-api-key": "<key>" }`), as a request does with its headers, and is closed with 4403 when
 * the credential does not check out; each operation passes the same limits as on HTTP.
 */
export function createSubscriptionServer(deps: SubscriptionServerDeps): SubscriptionServer {
  // Not attached to the HTTP server (`server:`), which would re-emit its errors ("port in use") as
  // the WebSocket server's: upgrades to /graphql are handed over here, others are refused.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: deps.config.http.maxBodyBytes });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
  };
  deps.httpServer.on('upgrade', onUpgrade);
  const users = new WeakMap<object, User | null>();
  const server = useServer<Record<string, unknown>>(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        try {
          const user = deps.authenticate ? await deps.authenticate({ headers: headersOf(ctx.connectionParams) }) : null;
          users.set(ctx, user);
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => deps.context(users.get(ctx) ?? null),
      onSubscribe: (_ctx, _id, payload) =>
        limitProblems(deps.schema, deps.config, payload.query, payload.variables ?? {}),
      onError: (_ctx, _id, _payload, errors) => {
        for (const error of errors) if (!error.extensions.code) deps.logger.error('subscription failed', error);
      },
    },
    sockets,
  );
  return {
    async close() {
      deps.httpServer.off('upgrade', onUpgrade);
      await server.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
