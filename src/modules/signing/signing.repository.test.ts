import { cypher } from '../../db/cypher';
import { PART_OF_DEPTH, regionScope } from '../entity/entity.parts';
import {
  countParameters,
  countStatement,
  pageParameters,
  pageStatement,
  SIGNING_ANCHORS,
  type SigningAnchor,
  signingAnchorOf,
  type SigningQueryFilter,
} from './signing.repository';

/** Translate tests: the text and parameters of the signing statements, without a database. */
const NO_FILTER: SigningQueryFilter = {
  region: null,
  official: null,
  organization: null,
  counterpart: null,
  forum: null,
  kinds: null,
  sector: null,
  dateFrom: null,
  dateTo: null,
};
const occurrences = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

describe('signing statements', () => {
  it('read only parameters the repository passes, for every anchor and order', () => {
    const page = Object.keys(pageParameters({ filter: NO_FILTER, descending: false, after: null, limit: 10 }));
    const count = Object.keys(countParameters(NO_FILTER));
    let statements = 0;
    for (const anchor of SIGNING_ANCHORS) {
      for (const descending of [true, false]) {
        expect(pageStatement(anchor, descending).parameters.filter((name) => !page.includes(name))).toEqual([]);
        statements += 1;
      }
      expect(countStatement(anchor).parameters.filter((name) => !count.includes(name))).toEqual([]);
      statements += 1;
    }
    // Five anchors, each a page per direction and a count.
    expect(statements).toBe(15);
  });

  it('work out the region and counterpart scopes with the shared fragment, once each', () => {
    const region = regionScope(cypher`$region`, cypher`regionParties`).text;
    const counterpart = regionScope(cypher`$counterpart`, cypher`counterpartParties`).text;
    for (const anchor of SIGNING_ANCHORS)
      for (const text of [pageStatement(anchor, false).text, countStatement(anchor).text]) {
        expect(text.split(region)).toHaveLength(2);
        expect(text.split(counterpart)).toHaveLength(2);
      }
    expect(region).toContain('(:Region {id: $region})<-[:PART_OF*0..5]-(part:Region)');
    expect(region).toContain('(part)<-[:BASED_IN]-(body:Organization)');
  });

  it('start from the anchor and leave out the filter the anchor applies', () => {
    const anchors: Record<SigningAnchor, string> = {
      official: 'MATCH (o:Official {id: $official})-[s:SIGNED]->(d:Document)',
      forum:
        'MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:PART_OF*0..5]-(d:Document)',
      region: 'CALL (regionParties) {\n    UNWIND regionParties AS party',
      organization: 'CALL (organizationParties) {\n    UNWIND organizationParties AS party',
      all: 'MATCH (o:Official)-[s:SIGNED]->(d:Document)',
    };
    for (const anchor of SIGNING_ANCHORS) expect(countStatement(anchor).text).toContain(anchors[anchor]);
    // The forum anchor names $forum once; the others check it in full (IS NULL, id) too.
    expect(occurrences(countStatement('forum').text, /\$forum\b/g)).toBe(1);
    expect(occurrences(countStatement('all').text, /\$forum\b/g)).toBe(2);
    expect(countStatement('official').text).not.toContain('$official IS NULL');
    expect(countStatement('region').text).not.toContain('regionParties IS NULL');
    expect(countStatement('all').text).toContain('regionParties IS NULL');
    // A page starts from the anchor's documents.
    expect(pageStatement('official', true).text).toContain(
      'MATCH (:Official {id: $official})-[:SIGNED]->(d:Document) WITH DISTINCT regionParties',
    );
    expect(pageStatement('region', true).text).toContain('MATCH (:Entity {id: party})<-[:BINDS]-(d:Document)');
  });

  it('sort each direction in its own statement', () => {
    expect(pageStatement('all', true).text).toContain('ORDER BY sortKey DESC, rowId DESC');
    expect(pageStatement('all', false).text).toContain('ORDER BY sortKey ASC, rowId ASC');
    expect(pageStatement('all', false).text).not.toContain('DESC');
  });

  it('project ties with the shared projection', () => {
    const text = pageStatement('all', false).text;
    expect(text).toContain('s {.*, createdAt: toString(s.createdAt)} AS tie');
    expect(text).toContain('tie: cs {.*, createdAt: toString(cs.createdAt)}');
  });

  it('follow PART_OF to one depth everywhere', () => {
    const text = SIGNING_ANCHORS.map((anchor) => pageStatement(anchor, false).text + countStatement(anchor).text).join(
      '',
    );
    const bounds = new Set([...text.matchAll(/PART_OF\*(\d)\.\.(\d)/g)].map((match) => `${match[1]}..${match[2]}`));
    // The whole chain, and (for parts found by their first PART_OF tie) the rest of it.
    expect([...bounds].sort()).toEqual([`0..${PART_OF_DEPTH - 1}`, `0..${PART_OF_DEPTH}`]);
  });

  it.each<[Partial<SigningQueryFilter>, SigningAnchor]>([
    [{}, 'all'],
    [{ official: 'official:a', forum: 'forum:a' }, 'official'],
    [{ forum: 'forum:a', region: 'region:a' }, 'forum'],
    [{ region: 'region:a', organization: 'organization:a' }, 'region'],
    [{ organization: 'organization:a', counterpart: 'region:b' }, 'organization'],
    [{ counterpart: 'region:b' }, 'all'],
  ])('anchors %j on %s', (filter, anchor) => {
    expect(signingAnchorOf({ ...NO_FILTER, ...filter })).toBe(anchor);
  });
});
