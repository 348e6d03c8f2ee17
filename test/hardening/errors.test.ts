import type { AddressInfo } from 'node:net';

import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { z } from 'zod';

import { createApp, listen } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Context } from '../../src/modules/request/request.context';
import { defineQuery } from '../../src/db/query';
import { createLogger } from '../../src/logger';
import { authenticateRequest } from '../../src/modules/auth/auth.http';
import { Harness } from '../support/harness';
import { postGraphQL } from '../support/http';

/** Resolvers that fail the ways real code can: bad Cypher, a row of the wrong shape, a plain bug. */
const failing = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Context>({
    name: 'Query',
    fields: {
      badCypher: {
        type: GraphQLInt,
        resolve: (_root, _args, context) =>
          context.db.read(defineQuery('brokenStatement', 'MATCH (secret:Secret) RETURN secret.id +', z.object({}))),
      },
      badRow: {
        type: GraphQLString,
        resolve: async (_root, _args, context) =>
          (await context.db.read(defineQuery('wrongShape', 'RETURN 1 AS n', z.object({ n: z.string() }))))[0]?.n,
      },
      bug: {
        type: GraphQLString,
        resolve: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'MATCH (n:Secret)')");
        },
      },
    },
  }),
});

/**
 * In production nothing internal reaches a client: no stack, no Cypher, no driver message; every
 * error still has its stable code. Outside production the details stay, for debugging.
 */
describe('errors reaching clients', () => {
  let harness: Harness;
  const servers: { url: string; close(): Promise<void> }[] = [];

  async function serve(nodeEnv: string, schema: GraphQLSchema) {
    const config = loadConfig({ ...process.env, NODE_ENV: nodeEnv });
    const app = await createApp({
      config,
      driver: harness.driver,
      logger: createLogger(true),
      schema,
      authenticate: authenticateRequest(config),
    });
    await listen(app.httpServer, '127.0.0.1', 0);
    const server = {
      url: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`,
      close: () => app.stop(),
    };
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    harness = await Harness.open();
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await harness.close();
  });

  it('answers a route nothing serves in JSON, like every other error, never an HTML page', async () => {
    const server = await serve('production', harness.schema);
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/export/pdf'],
      ['POST', '/export/graphml'],
      ['DELETE', '/health/live'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { method });
      expect([method, path, response.status]).toEqual([method, path, 404]);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
      expect(body.errors[0]?.message).toMatch(new RegExp(`^No route for ${method} ${path}: the API serves /graphql`));
    }
    // The other refusals made outside GraphQL keep their statuses, in the same shape.
    const notJson = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    const badFilter = await fetch(`${server.url}/export/json?from=2023-13`);
    expect(badFilter.status).toBe(400);
    expect(
      ((await badFilter.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('in production, shows failures as INTERNAL_SERVER_ERROR with a generic message only', async () => {
    const server = await serve('production', failing);
    for (const field of ['badCypher', 'badRow', 'bug']) {
      const { text, body } = await postGraphQL(server.url, { query: `{ ${field} }` });
      expect(body?.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: [field],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(text).not.toMatch(/MATCH|Secret|Neo\.|brokenStatement|wrongShape|stacktrace|TypeError/);
    }
  });

  it('in production, keeps the messages written for clients, without stacks', async () => {
    const server = await serve('production', harness.schema);
    const cases: [unknown, string][] = [
      [{ query: '{ region(id: ' }, 'GRAPHQL_PARSE_FAILED'],
      [{ query: '{ region(id: "x") { nope } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      [{ query: 'query ($id: ID!) { region(id: $id) { name } }', variables: { id: { $ne: 1 } } }, 'BAD_USER_INPUT'],
      [{ query: '{ regions(first: 0) { nodes { id } } }' }, 'BAD_USER_INPUT'],
      [{ query: 'mutation { deleteSector(id: "sector:x") }' }, 'UNAUTHENTICATED'],
      ['{"query": ', 'BAD_REQUEST'],
    ];
    for (const [request, code] of cases) {
      const { text, body } = await postGraphQL(server.url, request);
      expect({ request, codes: body?.errors?.map((error) => error.extensions?.code) }).toEqual({
        request,
        codes: [code],
      });
      expect(body?.errors?.[0]?.message).not.toBe('Internal server error');
      expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(/);
    }
  });

  it('outside production, gives the details and the stack, still with a code', async () => {
    const server = await serve('development', failing);
    const { body } = await postGraphQL(server.url, { query: '{ badRow }' });
    const [error] = body?.errors ?? [];
    expect(error?.message).toMatch(/wrongShape returned an unexpected row/);
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((error?.extensions as { stacktrace?: unknown }).stacktrace).toBeDefined();
  });
});
