import 'reflect-metadata';

import { getIntrospectionQuery, type GraphQLSchema, parse } from 'graphql';

import type { Limits } from '../../config';
import { costLimitPlugin, estimate } from './cost';
import { createSchema } from '../../schema/schema';

describe('query cost', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    estimate({ schema, query: parse(query), variables });

  it('costs one per field, and a connection its page size times what each item selects', () => {
    // 1 (forums) + 20 (default first) × (1 nodes + 1 id + 1 name)
    expect(cost('{ forums { nodes { id name } } }').cost).toBe(61);
    expect(cost('{ forums(first: 5) { nodes { id name } } }').cost).toBe(16);
  });

  it('multiplies lists without a page size by 10', () => {
    // 1 (forum) + 1 (documents) × … : documents = 1 + 10 × (1 kind)
    expect(cost('{ forum(id: "x") { documents { kind } } }').cost).toBe(12);
  });

  it('reads page sizes from variables and reports the largest', () => {
    const result = cost('query ($n: Int!) { forums(first: $n) { nodes { id } } regions(first: 3) { nodes { id } } }', {
      n: 50,
    });
    expect(result.largestPage).toBe(50);
    expect(result.cost).toBe(1 + 50 * 2 + 1 + 3 * 2);
  });

  it('counts the connections `ties(limit)` lists in each kind, one group per kind', () => {
    const ties = (args: string) => `{ ties(a: "a", b: "b"${args}) { groups { connections { via { name } } } } }`;
    // 1 (ties) + 1 (groups) + 9 kinds × (1 connections + limit × (1 via + 1 name))
    expect(cost(ties(', limit: 2')).cost).toBe(2 + 9 * (1 + 2 * 2));
    expect(cost(ties(', limit: 1')).cost).toBeLessThan(cost(ties(', limit: 5')).cost);
    // The default limit, 20, when none is given.
    expect(cost(ties('')).cost).toBe(2 + 9 * (1 + 20 * 2));
  });

  it('reads a bounding limit from variables, their defaults and fragments', () => {
    const selection = 'ties(a: "a", b: "b", limit: $n) { groups { connections { via { name } } } }';
    const expected = 2 + 9 * (1 + 2 * 2);
    expect(cost(`query ($n: Int!) { ${selection} }`, { n: 2 }).cost).toBe(expected);
    // A variable left out takes its default, as execution does; the estimate is not skipped.
    expect(cost(`query ($n: Int! = 2) { ${selection} }`).cost).toBe(expected);
    expect(cost(`query ($n: Int!) { ...F } fragment F on Query { ${selection} }`, { n: 2 }).cost).toBe(expected);
  });

  it('counts `path(limit)` paths and `neighborhood(limit)` entities and ties', () => {
    // 1 (path) + 1 (paths) + 3 paths × (1 nodes + 10 × 1 name)
    expect(cost('{ path(from: "a", to: "b", limit: 3) { paths { nodes { name } } } }').cost).toBe(2 + 3 * 11);
    // 1 (neighborhood) + 2 lists of (4 + the center) × 1 id
    expect(cost('{ neighborhood(id: "x", limit: 4) { nodes { id } edges { id } } }').cost).toBe(1 + 2 * (1 + 5));
  });

  it('refuses fragments spread twice at every level without walking all 2^40 spreads', async () => {
    const fragments = Array.from(
      { length: 40 },
      (_, level) => `fragment F${level} on Forum { ...F${level + 1} ...F${level + 1} }`,
    );
    const document = parse(
      `{ ties(a: "a", b: "b") { a { ... on Forum { ...F0 } } } } ${fragments.join(' ')} fragment F40 on Forum { name }`,
    );
    const hooks = await costLimitPlugin(schema, { maxPageSize: 100, maxCost: 10_000 } as Limits).requestDidStart!(
      {} as never,
    );
    const check = async () =>
      hooks!.didResolveOperation!({ document, request: { variables: {} }, operationName: undefined } as never);
    await expect(check()).rejects.toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });

  it('lets the standard introspection query through the default limit', () => {
    expect(cost(getIntrospectionQuery()).cost).toBeLessThan(10_000);
  });

  it('keeps an estimate per document and variables, so other variables are judged on their own', async () => {
    const limits = { maxPageSize: 100, maxCost: 10_000 } as Limits;
    const hooks = await costLimitPlugin(schema, limits).requestDidStart!({} as never);
    const document = parse('query ($n: Int!) { forums(first: $n) { nodes { id } } }');
    const check = async (n: number) =>
      hooks!.didResolveOperation!({ document, request: { variables: { n } }, operationName: undefined } as never);
    await expect(check(10)).resolves.toBeUndefined();
    await expect(check(500)).rejects.toMatchObject({ extensions: { code: 'PAGE_TOO_LARGE' } });
    await expect(check(10)).resolves.toBeUndefined();
    await expect(check(500)).rejects.toMatchObject({ extensions: { code: 'PAGE_TOO_LARGE' } });
  });
});
