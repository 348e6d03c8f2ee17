import type { Keyset } from '../../graphql/pagination';
import {
  countParameters,
  countStatement,
  type CursorAt,
  filtersOf,
  type ListFilter,
  NO_FILTER,
  pageParameters,
  pageStatement,
  type SortKey,
} from './entity.list.repository';
import { ENTITY_TYPES } from './entity.model';
import { PART_OF_DEPTH } from './entity.parts';

/** Translate tests: the text and parameters of the list statements, without a database. */
const FILTER_NAMES = Object.keys(NO_FILTER) as (keyof ListFilter)[];
const ALL_GIVEN = Object.fromEntries(FILTER_NAMES.map((name) => [name, 'x'])) as unknown as ListFilter;
const SORTS: SortKey[] = ['NAME', 'DATE', 'VALUE'];
const CURSORS: CursorAt[] = ['start', 'valued', 'missing'];
const after: Keyset = { value: 'x', id: 'document:x' };

describe('entity list statements', () => {
  it('read only parameters the repository passes, for every type, order, cursor and filter', () => {
    const filters: ListFilter[] = [
      NO_FILTER,
      ...FILTER_NAMES.map((name) => ({ ...NO_FILTER, [name]: 'x' })),
      ALL_GIVEN,
    ];
    let statements = 0;
    for (const type of ENTITY_TYPES)
      for (const filter of filters) {
        const pieces = filtersOf(type, filter);
        const counted = Object.keys(countParameters(filter));
        expect(countStatement(type, pieces).parameters.filter((name) => !counted.includes(name))).toEqual([]);
        for (const sort of SORTS)
          for (const descending of [true, false])
            for (const at of CURSORS) {
              const request = { type, filter, sort, descending, after: at === 'start' ? null : after, limit: 10 };
              const passed = Object.keys(pageParameters(request));
              const statement = pageStatement(type, sort, descending, pieces, at);
              expect(statement.parameters.filter((name) => !passed.includes(name))).toEqual([]);
              // A statement reads the filters given and no other.
              const read = FILTER_NAMES.filter((name) => statement.parameters.includes(name));
              expect(read).toEqual(FILTER_NAMES.filter((name) => filter[name] !== null));
              if (at === 'start') expect(statement.parameters).not.toContain('afterId');
              statements += 1;
            }
      }
    // Each type, with no filter, each of 13 alone and all 13: 3 orders, 2 directions, 3 cursors.
    expect(statements).toBe(ENTITY_TYPES.length * 15 * 18);
  });

  it('name the label and the index of the sort in the text', () => {
    const byName = pageStatement('Document', 'NAME', false, [], 'valued').text;
    expect(byName).toContain('MATCH (n:Document) USING INDEX SEEK n:Document(name) WHERE (n.name >= $afterValue)');
    expect(pageStatement('Document', 'DATE', true, [], 'start').text).toContain(
      'USING INDEX n:Document(signedOn) WHERE (n.signedOn IS NOT NULL)',
    );
    expect(countStatement('Forum', []).text).toBe('MATCH (n:Forum) RETURN count(n) AS total');
    expect(countStatement('Document', filtersOf('Document', { ...NO_FILTER, kinds: ['TREATY'] })).text).toBe(
      'MATCH (n:Document) WHERE (n.kind IN $kinds) RETURN count(n) AS total',
    );
  });

  it('match a document through its groups, and a region through its parts, to one depth', () => {
    const region = filtersOf('Document', { ...NO_FILTER, region: 'region:a' })[0]?.text;
    expect(region).toBe(
      `EXISTS { (n)-[:PART_OF*0..${PART_OF_DEPTH}]->(:Document)-[:BINDS]->(:Region)-[:PART_OF*0..${PART_OF_DEPTH}]->(:Region {id: $region}) }`,
    );
    const text = ENTITY_TYPES.map((type) => countStatement(type, filtersOf(type, ALL_GIVEN)).text).join('\n');
    const bounds = new Set([...text.matchAll(/PART_OF\*(\d)\.\.(\d)/g)].map((match) => match[2]));
    expect([...bounds]).toEqual([String(PART_OF_DEPTH)]);
  });
});
