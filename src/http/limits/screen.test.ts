import { parse } from 'graphql';

import type { Limits } from '../../config';
import { countTokens, measureOperations, screenDocument } from './screen';

const LIMITS: Limits = {
  maxTokens: 200,
  maxDepth: 4,
  maxCost: 1000,
  maxAliases: 3,
  maxRootFields: 2,
  maxPageSize: 100,
};

describe('document limits', () => {
  it('measures depth, aliases and root fields per operation, fragments expanded', () => {
    const [shape] = measureOperations(
      parse(`
        query { a: forum(id: "x") { ...F } region(id: "y") { name } }
        fragment F on Forum { b: name series { ... on Forum { c: name series { name } } } }
      `),
    );
    expect(shape).toEqual({ depth: 4, aliases: 3, rootFields: 2 });
  });

  it('counts a fragment as often as it is spread, in linear time', () => {
    // Each level doubles the expansion: 2^40 aliases stand behind 40 small fragments.
    const fragments = Array.from(
      { length: 40 },
      (_, level) => `fragment F${level} on Forum { x: series { ...F${level + 1} } y: series { ...F${level + 1} } }`,
    );
    const source = `{ forum(id: "x") { ...F0 } } ${fragments.join(' ')} fragment F40 on Forum { name }`;
    const [shape] = measureOperations(parse(source));
    expect(shape?.aliases).toBe(2 ** 41 - 2);
    expect(shape?.depth).toBe(42);
  });

  it("does not count introspection's ofType chain toward depth", async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const [shape] = measureOperations(parse(getIntrospectionQuery()));
    expect(shape?.depth).toBeLessThanOrEqual(7);
  });

  it('survives a fragment cycle (the validator reports it)', () => {
    const [shape] = measureOperations(parse('{ forum(id: "x") { ...A } } fragment A on Forum { series { ...A } }'));
    expect(shape?.depth).toBe(2);
  });

  it('counts tokens, and leaves unlexable text to the parser', () => {
    expect(countTokens('{ a(b: "c") }')).toBe(8);
    expect(countTokens('{ "unterminated }')).toBeUndefined();
  });

  it('names the limit broken and by how much', () => {
    expect(screenDocument('{ a { b { c { d { e } } } } }', LIMITS)?.message).toBe(
      'Query depth 5 exceeds the limit of 4',
    );
    expect(screenDocument('{ a: x b: x c: x d: x }', LIMITS)?.extensions).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      limit: 3,
      actual: 4,
    });
    expect(screenDocument('{ x y z }', LIMITS)?.extensions).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', actual: 3 });
    expect(screenDocument(`{ ${'x '.repeat(300)} }`, LIMITS)?.extensions).toMatchObject({
      code: 'QUERY_TOO_LARGE',
      limit: 200,
      actual: 302,
    });
    expect(screenDocument('{ x y }', LIMITS)).toBeUndefined();
    expect(screenDocument('{ x y', LIMITS)).toBeUndefined();
  });
});
