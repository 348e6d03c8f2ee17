import neo4j, { DateTime, Node } from 'neo4j-driver';

import { toPlain } from './values';

describe('toPlain', () => {
  it('passes strings, numbers, booleans and null through, and makes undefined null', () => {
    expect([toPlain('a'), toPlain(1.5), toPlain(true), toPlain(null), toPlain(undefined)]).toEqual([
      'a',
      1.5,
      true,
      null,
      null,
    ]);
  });

  it('turns driver integers into numbers and temporal values into ISO text', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    const moment = new DateTime(2023, 3, 28, 10, 15, 30, 0, 0);
    expect(toPlain(moment)).toBe(moment.toString());
    expect(toPlain(new neo4j.types.Date(2023, 3, 28))).toBe('2023-03-28');
  });

  it('turns nodes into their properties, inside lists and maps at any depth', () => {
    const node = new Node(neo4j.int(1), ['Entity', 'Region'], { id: 'region:kz', count: neo4j.int(3) });
    expect(toPlain({ rows: [{ node, tags: ['a', neo4j.int(2)] }] })).toEqual({
      rows: [{ node: { id: 'region:kz', count: 3 }, tags: ['a', 2] }],
    });
  });
});
