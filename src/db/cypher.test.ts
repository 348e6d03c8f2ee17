import { and, cypher, identifier } from './cypher';

describe('the Cypher kit', () => {
  it('assembles pieces as written and lists the parameters they read', () => {
    const anchor = cypher`MATCH (:Forum {id: $forum})<-[:SIGNED_AT]-(d:Document)`;
    const kinds = cypher`$kinds IS NULL OR d.kind IN $kinds`;
    const statement = cypher`${anchor} WHERE ${and([kinds, cypher`d.count > $min OR d.count IS NULL`])} RETURN d`;
    expect(statement.text).toBe(
      'MATCH (:Forum {id: $forum})<-[:SIGNED_AT]-(d:Document) WHERE ($kinds IS NULL OR d.kind IN $kinds)\n' +
        '  AND (d.count > $min OR d.count IS NULL) RETURN d',
    );
    expect(statement.parameters).toEqual(['forum', 'kinds', 'min']);
  });

  it('joins a list of pieces with a space, and an empty AND is true', () => {
    expect(cypher`${[cypher`A`, cypher`B`]}`.text).toBe('A B');
    expect(and([]).text).toBe('true');
  });

  it('admits only plain names as labels and types', () => {
    expect(cypher`MATCH (n:${identifier('Document')})`.text).toBe('MATCH (n:Document)');
    expect(() => identifier('Document) DETACH DELETE (n')).toThrow('Not a plain Cypher name');
    expect(() => identifier('')).toThrow('Not a plain Cypher name');
  });

  it('refuses a string where a piece belongs, at compile time and at run time', () => {
    const value = 'x} RETURN 1 //';
    // @ts-expect-error a string is no piece of Cypher: values are parameters
    expect(() => cypher`MATCH (n {id: ${value}})`).toThrow('interpolate pieces of Cypher only');
  });
});
