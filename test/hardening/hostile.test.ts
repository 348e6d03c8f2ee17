import { getNamedType, isLeafType } from 'graphql';

import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { matchKey } from '../../src/modules/entity/entity.model';
import { Harness } from '../support/harness';
import { bearer, type HttpAnswer, postGraphQL } from '../support/http';
import {
  argumentStringPaths,
  argumentsWith,
  operationFor,
  requiredArguments,
  type RootField,
  rootFields,
} from '../support/schema-walk';

/** Strings that would do damage if any of them were ever spliced into Cypher (or a Lucene query). */
const INJECTIONS = [
  `'`,
  `"`,
  '\\',
  `'}) DETACH DELETE n //`,
  `"}) DETACH DELETE n //`,
  '}) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  'x` DETACH DELETE n //`',
  `region:kz' OR '1'='1`,
  '$id',
  '{id: $id}',
  '\n}) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //',
  `'); CALL db.clearQueryCaches(); //`,
  '\u0027}) DETACH DELETE n \u002F\u002F',
  'nul\u0000byte',
  '\u202Eright-to-left \uFFFF \uD83D\uDD25',
  '*:* OR name:* AND ~"fuzzy"^2 [a TO z]',
  '%00%27',
];

/** Codes a hostile request may legitimately end in; anything else is a failure of the server. */
const CLEAN_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'REQUEST_TOO_LARGE',
  'BATCH_TOO_LARGE',
  'QUERY_TOO_LARGE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ALIASES',
  'TOO_MANY_ROOT_FIELDS',
  'PAGE_TOO_LARGE',
]);

/** Why an answer is not clean, or undefined when it is: a 4xx/200 with coded errors, or data. */
function uncleanReason(answer: HttpAnswer): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.body === undefined) return `not JSON: ${answer.text.slice(0, 300)}`;
  if (/stacktrace|\bat [\w.<>]+ \(/.test(answer.text)) return `leaks a stack: ${answer.text.slice(0, 300)}`;
  const errors = answer.body.errors ?? [];
  const bad = errors.filter((error) => !CLEAN_CODES.has(String(error.extensions?.code)));
  if (bad.length > 0) return `unexpected errors: ${JSON.stringify(bad).slice(0, 300)}`;
  if (errors.length === 0 && answer.body.data === undefined) return `neither data nor errors: ${answer.text}`;
  return undefined;
}

/** A query's answer to a string that names nothing: null, an empty list, or objects whose lists are all empty. */
function isEmptyAnswer(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return false;
  return Object.entries(value as Record<string, unknown>).every(
    ([key, inner]) => key === '__typename' || (Array.isArray(inner) ? inner.length === 0 : inner === null),
  );
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}

/**
 * Hostile input over real HTTP. Generated: every string argument of every query and mutation
 * (enumerated from the schema) receives Cypher-injection strings. Hand-written: malformed JSON
 * and GraphQL, nesting thousands deep, alias bombs, huge strings and lists, wrong variable types.
 * Each request ends in a clean error or a correct answer, the server stays up, and the graph is
 * unchanged afterwards.
 */
describe('hostile input', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  const editorKey = generateKey();
  const editor = bearer(editorKey);

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    server = await harness.serve({ API_KEYS: `hostile:editor:${hashKey(editorKey)}` });
  });

  afterAll(async () => {
    await server.close();
    await harness.close();
  });

  const send = (body: unknown, headers: Record<string, string> = {}) => postGraphQL(server.url, body, headers);

  async function expectAlive(): Promise<void> {
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    expect((await send({ query: '{ region(id: "region:kz") { name } }' })).body).toEqual({
      data: { region: { name: 'Kazakhstan' } },
    });
  }

  /** Every (root field, string position, injection) to try: each position with `perPosition` strings in turn. */
  function cases(
    roots: RootField[],
    perPosition = 3,
  ): { root: RootField; path: readonly (string | number)[]; text: string }[] {
    let turn = 0;
    return roots.flatMap((root) =>
      argumentStringPaths(root.field).flatMap((path) =>
        Array.from({ length: perPosition }, () => ({
          root,
          path,
          text: INJECTIONS[turn++ % INJECTIONS.length] as string,
        })),
      ),
    );
  }

  /** For each root field and injection, one request with the injection in every string position at once. */
  function everywhere(roots: RootField[]): { root: RootField; variables: Record<string, unknown>; text: string }[] {
    return roots.flatMap((root) =>
      INJECTIONS.map((text) => ({
        root,
        text,
        variables: argumentStringPaths(root.field).reduce<Record<string, unknown>>(
          (variables, path) => mergeDeep(variables, argumentsWith(root.field, path, text)),
          requiredArguments(root.field),
        ),
      })),
    );
  }

  it('answers injection strings in every query argument with a clean error or an empty answer, writing nothing', async () => {
    const before = await harness.fingerprint();
    const queries = rootFields(harness.schema).filter((root) => root.operation === 'query');
    const problems: string[] = [];
    const check = async (root: RootField, variables: Record<string, unknown>, where: string, injected: string[]) => {
      const answer = await send({ query: operationFor(root), variables });
      const reason = uncleanReason(answer);
      if (reason) {
        problems.push(`${root.field.name} ${where}: ${reason}`);
        return;
      }
      const value = answer.body?.data?.[root.field.name];
      const leaf = isLeafType(getNamedType(root.field.type));
      // A string without a letter or digit folds to an empty key, which a text filter matches
      // everywhere: a full list is the correct answer to it.
      const namesNothing = injected.every((text) => matchKey(text) === '');
      if (answer.body?.errors === undefined && !leaf && !namesNothing && !isEmptyAnswer(value)) {
        problems.push(`${root.field.name} ${where}: non-empty answer ${JSON.stringify(value).slice(0, 200)}`);
      }
    };
    await inBatches(cases(queries), 8, ({ root, path, text }) =>
      check(root, argumentsWith(root.field, path, text), `${path.join('.')}=${JSON.stringify(text)}`, [text]),
    );
    await inBatches(everywhere(queries), 8, ({ root, variables, text }) =>
      check(root, variables, `everywhere=${JSON.stringify(text)}`, [text]),
    );
    expect(problems).toEqual([]);
    await expectAlive();
    expect(await harness.fingerprint()).toEqual(before);
  });

  it('refuses every mutation with injection strings to a caller without a credential, writing nothing', async () => {
    const before = await harness.fingerprint();
    const mutations = rootFields(harness.schema).filter((root) => root.operation === 'mutation');
    const problems: string[] = [];
    // Refused before any argument is read, so one string per position is enough.
    await inBatches(cases(mutations, 1), 8, async ({ root, path, text }) => {
      const answer = await send({ query: operationFor(root), variables: argumentsWith(root.field, path, text) });
      const codes = answer.body?.errors?.map((error) => error.extensions?.code);
      if (JSON.stringify(codes) !== '["UNAUTHENTICATED"]')
        problems.push(`${root.field.name} ${path.join('.')}: ${answer.text}`);
    });
    expect(problems).toEqual([]);
    expect(await harness.fingerprint()).toEqual(before);
  });

  it("stores injection strings as an editor's data, verbatim, and touches nothing else", async () => {
    const before = await harness.fingerprint();
    // Entities by id, their resolution keys (NameKey nodes) by key.
    const existing = (
      await harness.cypher<{ id: string }>(
        'MATCH (n) WHERE coalesce(n.id, n.key) IS NOT NULL RETURN coalesce(n.id, n.key) AS id',
      )
    ).map((row) => row.id);
    const mutations = rootFields(harness.schema).filter((root) => root.operation === 'mutation');
    const problems: string[] = [];
    const check = async (root: RootField, variables: Record<string, unknown>, where: string) => {
      const reason = uncleanReason(await send({ query: operationFor(root), variables }, editor));
      if (reason) problems.push(`${root.field.name} ${where}: ${reason}`);
    };
    await inBatches(cases(mutations), 4, ({ root, path, text }) =>
      check(root, argumentsWith(root.field, path, text), `${path.join('.')}=${JSON.stringify(text)}`),
    );
    await inBatches(everywhere(mutations), 4, ({ root, variables, text }) =>
      check(root, variables, `everywhere=${JSON.stringify(text)}`),
    );
    expect(problems).toEqual([]);

    // A name is data: it goes in and comes back exactly as sent.
    for (const [index, text] of INJECTIONS.entries()) {
      const name = `${text} #${index}`;
      const created = await send(
        {
          query: 'mutation ($name: String!) { createSector(input: { name: $name }) { id name } }',
          variables: { name },
        },
        editor,
      );
      const sector = (created.body?.data as { createSector?: { id: string; name: string } } | undefined)?.createSector;
      if (!sector) {
        expect(uncleanReason(created)).toBeUndefined();
        continue;
      }
      expect(sector.name).toBe(name);
      const read = await send({ query: 'query ($id: ID!) { sector(id: $id) { name } }', variables: { id: sector.id } });
      expect(read.body).toEqual({ data: { sector: { name } } });
    }
    await expectAlive();

    // Remove what the editor created; what was there before must be exactly as it was.
    await harness.cypher(
      'MATCH (n) WHERE NOT n:SchemaMigration AND NOT coalesce(n.id, n.key) IN $existing DETACH DELETE n',
      { existing },
    );
    expect(await harness.fingerprint()).toEqual(before);
  });

  it('answers malformed JSON, malformed GraphQL and wrong variable types with clean errors', async () => {
    const before = await harness.fingerprint();
    const bodies: unknown[] = [
      '{',
      '[',
      '{"query": ',
      'null',
      '"just a string"',
      '123',
      '[]',
      '{}',
      '{"query": 1}',
      '{"query": null}',
      '{"query": ["{ __typename }"]}',
      '{"query": "{ __typename }", "variables": "not an object"}',
      '{"query": "{ __typename }", "variables": [1, 2]}',
      '{"query": "{ __typename }", "operationName": 5}',
      '{"query": "{ __typename }", "extensions": "x"}',
      '\uFEFF{"query": "{ __typename }"}',
      `{"query": "{ __typename }", "variables": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
      `{"query": "{ __typename }", "variables": {"a": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}}`,
      { query: '{' },
      { query: '}' },
      { query: 'query {' },
      { query: '{ region(id: ) { name } }' },
      { query: '{ region(id: "unterminated) { name } }' },
      { query: '{ region(id: """block) { name } }' },
      { query: '{ ...A } fragment A on Query { ...A }' },
      { query: '{ ...Missing }' },
      { query: 'query A { __typename } query A { __typename }' },
      { query: '{ __typename } { __typename }' },
      { query: 'query A { __typename } query B { __typename }', operationName: 'C' },
      { query: 'subscription { region(id: "x") { name } }' },
      { query: 'query ($a: NoSuchType) { __typename }' },
      { query: '{ region(id: "x") @nope { name } }' },
      { query: '{ region(id: "x") @include { name } }' },
      { query: '{ region(id: "x") { name(arg: 1) } }' },
      { query: '{ regions(first: "ten") { nodes { id } } }' },
      { query: '{ regions(first: 99999999999) { nodes { id } } }' },
      { query: '\u0000{ __typename }' },
      { query: '{ region(id: "\\u0027}) DETACH DELETE n \\u002F\\u002F") { name } }' },
      { query: '{ region(id: "\\uD800") { name } }' },
    ];
    const typed = (type: string, value: unknown) => ({
      query: `query ($v: ${type}) { regions(first: 1, filter: { region: $v }) { nodes { id } } }`,
      variables: { v: value },
    });
    bodies.push(
      { query: 'query ($id: ID!) { region(id: $id) { name } }', variables: {} },
      { query: 'query ($id: ID!) { region(id: $id) { name } }', variables: { id: null } },
      { query: 'query ($id: ID!) { region(id: $id) { name } }', variables: { id: { $ne: null } } },
      { query: 'query ($id: ID!) { region(id: $id) { name } }', variables: { id: ['region:kz'] } },
      { query: 'query ($id: ID!) { region(id: $id) { name } }', variables: { id: true } },
      { query: 'query ($id: ID!) { region(id: $id) { name } }', variables: { id: 1.5 } },
      { query: 'query ($n: Int!) { regions(first: $n) { nodes { id } } }', variables: { n: '10' } },
      { query: 'query ($n: Int!) { regions(first: $n) { nodes { id } } }', variables: { n: 1e100 } },
      { query: 'query ($n: Int!) { regions(first: $n) { nodes { id } } }', variables: { n: 2 ** 31 } },
      { query: 'query ($n: Int!) { regions(first: $n) { nodes { id } } }', variables: { n: -1 } },
      { query: 'query ($o: ListOrder!) { regions(orderBy: $o) { nodes { id } } }', variables: { o: 'DROP' } },
      typed('ID', { nested: { deeper: 1 } }),
      typed('ID', 'x'.repeat(100)),
      {
        query: 'mutation ($i: SectorInput!) { createSector(input: $i) { id } }',
        variables: { i: { name: 'x', unknownField: 1 } },
      },
    );
    const problems: string[] = [];
    for (const body of bodies) {
      for (const headers of [{}, editor]) {
        const answer = await send(body, headers);
        const reason = uncleanReason(answer);
        if (reason) problems.push(`${JSON.stringify(body).slice(0, 120)}: ${reason}`);
      }
    }
    const binary = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x80, 0x7d]),
    });
    expect(binary.status).toBeLessThan(500);
    expect(problems).toEqual([]);
    await expectAlive();
    expect(await harness.fingerprint()).toEqual(before);
  });

  it('refuses nesting thousands deep, alias bombs, and huge strings and lists, and stays up', async () => {
    const before = await harness.fingerprint();
    const deepSelection = `{ ${'forum(id: "x") { series { '.repeat(1)}${'series { '.repeat(3000)} id ${'} '.repeat(3002)}}`;
    const deepList = `{ regions(filter: { text: ${'['.repeat(3000)}"x"${']'.repeat(3000)} }) { nodes { id } } }`;
    const fragmentBomb = [
      '{ forum(id: "forum:kz-xuar-cross-border-dialogue-2") { ...F0 } }',
      ...Array.from(
        { length: 30 },
        (_, level) => `fragment F${level} on Forum { a: series { ...F${level + 1} } b: series { ...F${level + 1} } }`,
      ),
      'fragment F30 on Forum { name }',
    ].join(' ');
    const cases: [string, unknown, string][] = [
      ['selection 3000 deep', { query: deepSelection }, 'QUERY_TOO_LARGE'],
      [
        'selection 40 deep',
        { query: `{ ${'forum(id: "x") { series { '.repeat(20)} id ${'} } '.repeat(20)}}` },
        'QUERY_TOO_DEEP',
      ],
      ['list literal 3000 deep', { query: deepList }, 'QUERY_TOO_LARGE'],
      [
        '1000 aliases',
        { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }` },
        'TOO_MANY_ALIASES',
      ],
      [
        'aliases of a costly field',
        {
          query: `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: forums(first: 100) { nodes { documents { sectors { name } } } }`).join(' ')} }`,
        },
        'TOO_MANY_ROOT_FIELDS',
      ],
      [
        'costly fields under the root limit',
        {
          query: `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: forums(first: 100) { nodes { documents { sectors { name } } } }`).join(' ')} }`,
        },
        'QUERY_TOO_COMPLEX',
      ],
      ['fragment doubling 2^30', { query: fragmentBomb }, 'QUERY_TOO_DEEP'],
      // graphql-js gives up on merging this many same-named fields ("Validation aborted.").
      [
        '4000 duplicate fields',
        { query: `{ region(id: "region:kz") { ${'name '.repeat(4000)} } }` },
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        '5000 duplicate fields',
        { query: `{ region(id: "region:kz") { ${'name '.repeat(5000)} } }` },
        'QUERY_TOO_LARGE',
      ],
      ['100 duplicate root fields', { query: `{ ${'__typename '.repeat(100)} }` }, 'TOO_MANY_ROOT_FIELDS'],
      ['a 2 MB string', { query: '{ __typename }', variables: { s: 'x'.repeat(2_000_000) } }, 'REQUEST_TOO_LARGE'],
      ['a batch of 1000', Array.from({ length: 1000 }, () => ({ query: '{ __typename }' })), 'BATCH_TOO_LARGE'],
    ];
    for (const [name, body, code] of cases) {
      const answer = await send(body);
      expect({
        name,
        reason: uncleanReason(answer),
        codes: answer.body?.errors?.map((error) => error.extensions?.code),
      }).toEqual({
        name,
        reason: undefined,
        codes: [code],
      });
    }

    // Within the body limit, a huge id is no id (refused, without echoing it); a huge filter is
    // just data that matches nothing.
    const hugeId = await send({
      query: 'query ($id: ID!) { region(id: $id) { name } }',
      variables: { id: `region:${'x'.repeat(900_000)}` },
    });
    expect(hugeId.body?.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(hugeId.text.length).toBeLessThan(2_000);
    const hugeText = await send({
      query: 'query ($t: String) { regions(filter: { text: $t }) { nodes { id } } }',
      variables: { t: `}) DETACH DELETE n // ${'y'.repeat(500_000)}` },
    });
    expect(uncleanReason(hugeText)).toBeUndefined();
    const hugeList = await send(
      {
        query: 'mutation ($i: SectorInput!) { createSector(input: $i) { id } }',
        variables: { i: { name: 'Listful', aliases: Array.from({ length: 50_000 }, (_, i) => `alias ${i}`) } },
      },
      editor,
    );
    expect(hugeList.body?.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const longName = await send(
      {
        query: 'mutation ($n: String!) { createSector(input: { name: $n }) { id } }',
        variables: { n: 'z'.repeat(500_000) },
      },
      editor,
    );
    expect(longName.body?.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    await expectAlive();
    expect(await harness.fingerprint()).toEqual(before);
  });
});

/** Merges two argument objects built for the same field, lists element-wise. */
function mergeDeep(a: unknown, b: unknown): Record<string, unknown> {
  const merge = (left: unknown, right: unknown): unknown => {
    if (Array.isArray(left) && Array.isArray(right)) {
      return right.map((item, index) => merge(left[index], item));
    }
    if (left && right && typeof left === 'object' && typeof right === 'object') {
      const merged: Record<string, unknown> = { ...(left as Record<string, unknown>) };
      for (const [key, value] of Object.entries(right as Record<string, unknown>)) {
        merged[key] = key in merged ? merge(merged[key], value) : value;
      }
      return merged;
    }
    // A string put there on purpose wins over the sample it replaced.
    return typeof right === 'string' && INJECTIONS.includes(right) ? right : (left ?? right);
  };
  return merge(a, b) as Record<string, unknown>;
}
