import { PART_OF_DEPTH } from '../entity/entity.parts';
import { FIGURE_GROUPINGS, figureParameters, figureStatement } from './figure-stats.repository';
import {
  type Anchor,
  anchorOf,
  documentParameters,
  documentStatement,
  GROUPINGS,
  type StatsQueryFilter,
} from './stats.repository';

/**
 * Translate tests, as neo4j/graphql has them: the text and parameters of the statements the
 * statistics build, without a database.
 */
const NO_FILTER: StatsQueryFilter = {
  forum: null,
  region: null,
  counterpart: null,
  organization: null,
  sector: null,
  kinds: null,
  status: null,
  source: null,
  dateFrom: null,
  dateTo: null,
};
const OPTIONS = { countries: false, organizationRegions: false, defaultRole: 'PARTY' };
const ANCHORS: Anchor[] = ['forum', 'region', 'counterpart', 'pair', 'sector', 'source', 'all'];
const occurrences = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

describe('document statistics statements', () => {
  it('read only parameters the repository passes, for every grouping, second grouping and anchor', () => {
    const passed = Object.keys(documentParameters(NO_FILTER, OPTIONS));
    let statements = 0;
    for (const groupBy of GROUPINGS)
      for (const thenBy of [null, ...GROUPINGS.filter((other) => other !== groupBy && other !== 'TOTAL')])
        for (const anchor of ANCHORS) {
          const statement = documentStatement(groupBy, thenBy, anchor);
          expect(statement.parameters.filter((name) => !passed.includes(name))).toEqual([]);
          statements += 1;
        }
    // Ten groupings alone or within one of the nine others, TOTAL alone or within any of ten: 111, from 7 anchors.
    expect(statements).toBe(111 * 7);
  });

  it('start from the anchor and leave out the filter the anchor applies', () => {
    const byForum = documentStatement('KIND', null, 'forum').text;
    expect(byForum.trimStart()).toMatch(
      /^MATCH \(:Forum \{id: \$forum\}\)<-\[:IN_SERIES\*0\.\.1\]-\(:Forum\)<-\[:SIGNED_AT\]-\(:Document\)<-\[:PART_OF\*0\.\.5\]-\(d:Document\)\s+WITH DISTINCT d\s+WHERE \(d\.kind <> 'PACKAGE'/,
    );
    expect(occurrences(byForum, /\$forum\b/g)).toBe(1);
    expect(occurrences(documentStatement('KIND', null, 'all').text, /\$forum\b/g)).toBe(2);
    const pair = documentStatement('SECTOR', null, 'pair').text;
    expect(pair).toContain('UNION ALL');
    // The pair's join names the region once; the parts of groups check it in full (IS NULL, id) once.
    expect(occurrences(pair, /\$region\b/g)).toBe(3);
  });

  it('follow PART_OF to one depth everywhere', () => {
    const text =
      documentStatement('REGION_PAIR', null, 'pair').text + documentStatement('REGION', 'SECTOR', 'all').text;
    const bounds = new Set([...text.matchAll(/PART_OF\*(\d)\.\.(\d)/g)].map((match) => match[2]));
    expect([...bounds]).toEqual([String(PART_OF_DEPTH)]);
  });

  it('group within a group in two subqueries, one after the other', () => {
    const text = documentStatement('YEAR', 'SECTOR', 'all').text;
    expect(text.indexOf("coalesce(left(d.signedOn, 4), 'undated') AS key")).toBeLessThan(
      text.indexOf('COVERS]->(s:Sector)'),
    );
    expect(text).toContain('WITH d, [firstKey, key] AS keys, [firstNodes, keyNodes] AS keyNodes');
  });

  it.each<[Partial<StatsQueryFilter>, Anchor]>([
    [{}, 'all'],
    [{ forum: 'forum:a', region: 'region:a' }, 'forum'],
    [{ region: 'region:a', counterpart: 'region:b' }, 'pair'],
    [{ region: 'region:a', counterpart: 'region:a' }, 'region'],
    [{ counterpart: 'region:b' }, 'counterpart'],
    [{ sector: 'sector:a', source: 'source:a' }, 'sector'],
    [{ source: 'source:a' }, 'source'],
  ])('anchors %j on %s', (filter, anchor) => {
    expect(anchorOf({ ...NO_FILTER, ...filter })).toBe(anchor);
  });
});

describe('figure statistics statements', () => {
  it('read only parameters the repository passes, for every grouping and second grouping', () => {
    const passed = Object.keys(
      figureParameters(
        {
          metrics: null,
          unit: null,
          region: null,
          counterpart: null,
          source: null,
          forum: null,
          periodFrom: null,
          periodTo: null,
        },
        false,
      ),
    );
    for (const groupBy of FIGURE_GROUPINGS)
      for (const thenBy of [null, ...FIGURE_GROUPINGS.filter((other) => other !== groupBy && other !== 'TOTAL')])
        expect(figureStatement(groupBy, thenBy).parameters.filter((name) => !passed.includes(name))).toEqual([]);
  });

  it('scan figures by label, every filter a parameter', () => {
    const text = figureStatement('METRIC', null).text;
    expect(text.trimStart()).toMatch(
      /^MATCH \(f:Figure\)\s+WHERE \(\$metrics IS NULL OR f\.metric IN \$metrics\)\n {2}AND /,
    );
    expect(figureStatement('REGION', null).parameters).toEqual([
      'metrics',
      'unit',
      'periodFrom',
      'periodTo',
      'region',
      'counterpart',
      'source',
      'forum',
      'countries',
    ]);
  });
});
