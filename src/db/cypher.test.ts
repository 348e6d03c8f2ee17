import { and, cypher, identifier, join } from './cypher';

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

  it('joins pieces with one of a closed set of separators', () => {
    const [a, b] = [identifier('BINDS'), identifier('COVERS')];
    expect(join([a, b], 'alternative').text).toBe('BINDS|COVERS');
    expect(join([cypher`n`, cypher`m`], 'comma').text).toBe('n, m');
    expect(join([cypher`n.x = $x`, cypher`n.y = $y`], 'or').parameters).toEqual(['x', 'y']);
    expect(join([cypher`RETURN 1 AS v`, cypher`RETURN 2 AS v`], 'unionAll').text).toBe(
      'RETURN 1 AS v\nUNION ALL\nRETURN 2 AS v',
    );
    expect(join([], 'comma').text).toBe('');
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
