import 'reflect-metadata';

import { getIntrospectionQuery, type GraphQLSchema, parse } from 'graphql';

import type { Limits } from '../config';
import { costLimitPlugin, estimate } from './cost';
import { createSchema } from './schema';

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
