import { connect } from 'node:net';

import { z } from 'zod';

import { Executor } from '../../src/db/executor';
import { defineQuery } from '../../src/db/query';
import { Harness } from '../support/harness';
import { answer, postGraphQL } from '../support/http';

/**
 * The request limits and browser protections, over real HTTP, with limits set low so that each
 * is easy to break: every refusal names its limit, the amount, and comes before any work.
 */
describe('request limits, CORS, CSRF and introspection', () => {
  let harness: Harness;
  let tight: Awaited<ReturnType<Harness['serve']>>;
  let defaults: Awaited<ReturnType<Harness['serve']>>;
  const LIMITS = {
    MAX_QUERY_DEPTH: '3',
    MAX_ALIASES: '2',
    MAX_ROOT_FIELDS: '2',
    MAX_QUERY_COST: '60',
    MAX_PAGE_SIZE: '10',
    MAX_BODY_BYTES: '2000',
    MAX_BATCH_OPERATIONS: '2',
    MAX_QUERY_TOKENS: '60',
    CORS_ORIGINS: 'https://app.example',
  };

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    tight = await harness.serve(LIMITS);
    defaults = await harness.serve();
  });

  afterAll(async () => {
    await tight.close();
    await defaults.close();
    await harness.close();
  });

  const refusal = async (body: unknown) => {
    const { status, body: json } = await postGraphQL(tight.url, body);
    const [error] = json?.errors ?? [];
    return { status, message: error?.message, extensions: error?.extensions, data: json?.data };
  };

  it.each([
    [
      'depth',
      '{ forum(id: "x") { series { series { name } } } }',
      'QUERY_TOO_DEEP',
      'Query depth 4 exceeds the limit of 3',
    ],
    [
      'aliases',
      '{ a: region(id: "x") { b: name c: iso2 } }',
      'TOO_MANY_ALIASES',
      'Alias count 3 exceeds the limit of 2',
    ],
    [
      'root fields',
      '{ region(id: "x") { name } forum(id: "y") { name } node(id: "z") { id } }',
      'TOO_MANY_ROOT_FIELDS',
      'Root field count 3 exceeds the limit of 2',
    ],
    [
      'tokens',
      `{ region(id: "x") { ${'name '.repeat(60)} } }`,
      'QUERY_TOO_LARGE',
      'Token count 70 exceeds the limit of 60',
    ],
    [
      'cost',
      '{ forums(first: 10) { nodes { id name description aliases } pageInfo { hasNextPage } } }',
      'QUERY_TOO_COMPLEX',
      'Query cost 71 exceeds the limit of 60',
    ],
    ['page size', '{ forums(first: 11) { nodes { id } } }', 'PAGE_TOO_LARGE', 'Page size 11 exceeds the limit of 10'],
  ])('refuses a query over the %s limit, saying which and by how much', async (_name, query, code, message) => {
    const result = await refusal({ query });
    expect(result).toMatchObject({ status: 400, message, extensions: { code } });
    expect(result.extensions).toMatchObject({
      limit: expect.any(Number) as unknown,
      actual: expect.any(Number) as unknown,
    });
    expect(result.data).toBeUndefined();
  });

  it('judges every request: a document refused once is refused again, one let through is answered again', async () => {
    const deep = '{ forum(id: "x") { series { series { name } } } }';
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await refusal({ query: deep })).toMatchObject({ status: 400, extensions: { code: 'QUERY_TOO_DEEP' } });
    }
    // within the document limits, and then refused or not by its variables each time
    const query = 'query ($n: Int!) { forums(first: $n) { nodes { id } } }';
    for (const [n, status] of [
      [5, 200],
      [50, 400],
      [5, 200],
    ] as const) {
      expect((await postGraphQL(tight.url, { query, variables: { n } })).status).toBe(status);
    }
  });

  it('reads page sizes from variables too', async () => {
    const result = await refusal({
      query: 'query ($n: Int!) { forums(first: $n) { nodes { id } } }',
      variables: { n: 50 },
    });
    expect(result).toMatchObject({ status: 400, message: 'Page size 50 exceeds the limit of 10' });
  });

  it('refuses an oversized body with 413 and a batch over the limit with 400', async () => {
    const big = await refusal({ query: '{ __typename }', variables: { padding: 'x'.repeat(3000) } });
    expect(big).toMatchObject({ status: 413, extensions: { code: 'REQUEST_TOO_LARGE', limit: 2000 } });
    expect(big.message).toMatch(/^Request body size \d+ exceeds the limit of 2000$/);
    const batch = await refusal([
      { query: '{ __typename }' },
      { query: '{ __typename }' },
      { query: '{ __typename }' },
    ]);
    expect(batch).toMatchObject({
      status: 400,
      message: 'Batch size 3 exceeds the limit of 2',
      extensions: { code: 'BATCH_TOO_LARGE' },
    });
  });

  it('answers a batch within the limit, one result per operation', async () => {
    const { status, text } = await postGraphQL(tight.url, [
      { query: '{ region(id: "region:kz") { name } }' },
      { query: '{ __typename }' },
    ]);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual([{ data: { region: { name: 'Kazakhstan' } } }, { data: { __typename: 'Query' } }]);
  });

  it('accepts what the defaults allow: the README queries and the standard introspection query', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const introspection = await postGraphQL(defaults.url, { query: getIntrospectionQuery() });
    expect(introspection.body?.errors).toBeUndefined();
    const attendance = await postGraphQL(defaults.url, {
      query: `{ forum(id: "forum:kz-xuar-cross-border-dialogue-2") {
        attendance { role from { name ... on Official { positions { title to { name } } } } onBehalfOf { ... on Region { name } } }
      } }`,
    });
    expect(attendance.body?.errors).toBeUndefined();
  });

  it('cuts a request whose body trickles in with 408, and answers one sent at once', async () => {
    const server = await harness.serve({ REQUEST_BODY_TIMEOUT_MS: '500' });
    try {
      const body = JSON.stringify({ query: '{ __typename }' });
      // A byte every 200 ms: the whole body would take 5 s, ten times the timeout.
      const outcome = await new Promise<{ statusLine: string; sent: number }>((resolveOutcome) => {
        const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
        let sent = 0;
        let received = '';
        socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
        // Writing after the server has cut the connection fails; the status line tells what happened.
        socket.on('error', () => undefined);
        socket.on('connect', () => {
          socket.write(
            `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
          );
          const trickle = setInterval(() => {
            if (socket.destroyed) return;
            socket.write(body.charAt(sent));
            sent += 1;
            if (sent === body.length) {
              clearInterval(trickle);
              socket.end();
            }
          }, 200);
          socket.on('close', () => {
            clearInterval(trickle);
            resolveOutcome({ statusLine: received.split('\r\n')[0] ?? '', sent });
          });
        });
      });
      expect(outcome.statusLine).toBe('HTTP/1.1 408 Request Timeout');
      expect(outcome.sent).toBeLessThan(body.length);
      const prompt = await postGraphQL(server.url, { query: '{ __typename }' });
      expect(prompt.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('stops a transaction that runs past the timeout with TIMEOUT', async () => {
    const executor = new Executor(harness.driver, { database: harness.config.neo4j.database, txTimeoutMs: 200 });
    const slow = defineQuery(
      'slowCount',
      'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x) AS n',
      z.object({ n: z.number() }),
    );
    await expect(executor.read(slow)).rejects.toMatchObject({ extensions: { code: 'TIMEOUT', limitMs: 200 } });
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight(tight.url, 'https://app.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight(tight.url, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const sameOriginOnly = await preflight(defaults.url, 'https://app.example');
    expect(sameOriginOnly.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ __typename }');
    const simple: [string, RequestInit][] = [
      [
        'POST text/plain',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' },
      ],
      [
        'POST form',
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=x' },
      ],
      ['GET without header', { method: 'GET' }],
    ];
    for (const [name, init] of simple) {
      const result = await answer(await fetch(`${defaults.url}/graphql?query=${query}`, init));
      expect({ name, status: result.status, code: result.body?.errors?.[0]?.extensions?.code }).toEqual({
        name,
        status: 400,
        code: 'BAD_REQUEST',
      });
      expect(result.body?.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    }
    const withHeader = await answer(
      await fetch(`${defaults.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } }),
    );
    expect(withHeader.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves introspection where configured, and hides the schema in errors where not', async () => {
    const query = { query: '{ __schema { queryType { name } } }' };
    expect((await postGraphQL(defaults.url, query)).body).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    for (const env of [{ INTROSPECTION: 'false' }, { NODE_ENV: 'production' }]) {
      const server = await harness.serve(env);
      try {
        const refused = await postGraphQL(server.url, query);
        expect(refused.body?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        const typo = await postGraphQL(server.url, { query: '{ regoin(id: "x") { name } }' });
        expect(typo.body?.errors?.[0]?.message).not.toMatch(/Did you mean/);
      } finally {
        await server.close();
      }
    }
    const typo = await postGraphQL(defaults.url, { query: '{ regoin(id: "x") { name } }' });
    expect(typo.body?.errors?.[0]?.message).toMatch(/Did you mean "region"/);
  });
});
