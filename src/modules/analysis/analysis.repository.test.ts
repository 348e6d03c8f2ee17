import { PART_OF_DEPTH } from '../entity/entity.parts';
import { EVENT_ANCHORS, type EventAnchor } from './analysis.model';
import {
  analysisParameters,
  egoStatement,
  entitiesStatement,
  type NetworkParams,
  partiesNetwork,
  tiesNetwork,
} from './analysis.repository';

/** Translate tests: the text and parameters of the analysis statements, without a database. */
const NO_FILTER: NetworkParams = { from: null, to: null, region: null, sector: null, types: [] };
const unpassed = (read: readonly string[], passed: object) =>
  read.filter((name) => !Object.keys(passed).includes(name));
const occurrences = (text: string, piece: string) => text.split(piece).length - 1;

describe('analysis statements', () => {
  it('read only parameters the repository passes', () => {
    const network = analysisParameters.network(NO_FILTER, 11);
    for (const anchor of EVENT_ANCHORS)
      for (const statement of [tiesNetwork(anchor), partiesNetwork(anchor)]) {
        expect(unpassed(statement.parameters, network)).toEqual([]);
        expect([...statement.parameters].sort()).toEqual(['from', 'region', 'sector', 'take', 'to', 'types']);
      }
    expect(entitiesStatement.parameters).toEqual(['ids']);
    expect(unpassed(entitiesStatement.parameters, analysisParameters.entities(['a']))).toEqual([]);
    const ego = analysisParameters.ego({ id: 'a', depth: 2, limit: 10, maxEdges: 50, params: NO_FILTER });
    expect(unpassed(egoStatement.parameters, ego)).toEqual([]);
    expect(ego.take).toBe(11);
  });

  it('start from the anchor of the filter', () => {
    const starts: Record<EventAnchor, string> = {
      region: `MATCH (:Region {id: $region})<-[:PART_OF*0..${PART_OF_DEPTH}]-(:Region)<-[:BINDS]-(:Document)<-[:PART_OF*0..${PART_OF_DEPTH}]-(e:Document)`,
      sector: `MATCH (:Sector {id: $sector})<-[:COVERS]-(:Document)<-[:PART_OF*0..${PART_OF_DEPTH}]-(e:Document)`,
      all: 'MATCH (e:Document)',
    };
    for (const anchor of EVENT_ANCHORS) {
      expect(tiesNetwork(anchor).text).toContain(starts[anchor]);
      expect(partiesNetwork(anchor).text).toContain(starts[anchor]);
    }
    // Forums, documents and figures each a branch; a sector filter leaves documents only.
    expect(occurrences(partiesNetwork('all').text, 'UNION ALL')).toBe(2);
    expect(occurrences(partiesNetwork('sector').text, 'UNION ALL')).toBe(0);
    expect(partiesNetwork('region').text).toContain(
      `<-[:PART_OF*0..${PART_OF_DEPTH}]-(:Region)<-[:BETWEEN|FROM|TO]-(e:Figure)`,
    );
  });

  it('filter events by their own date, region ties and sector', () => {
    const text = tiesNetwork('all').text;
    expect(text).toContain('WHEN n:Forum THEN ((n.date >= $from AND n.date <= $to) OR $from IS NULL)');
    expect(text).toContain('WHEN n:Figure THEN ((n.period >= $from AND n.period <= $to) OR $from IS NULL)');
    expect(text).toContain('(n)-[:HELD_IN|INVOLVES]->(:Region)');
    expect(text).toContain('NOT (n:Forum OR n:Document OR n:Figure)');
    expect(text).toContain('MATCH (a:Entity)-[r:PART_OF|BASED_IN|HOLDS]->(b:Entity)');
    expect(egoStatement.text).toContain('WHEN n:Document THEN ((n.signedOn >= $from AND n.signedOn <= $to)');
  });

  it('weigh a pair of parties by documents, a group only through its parts', () => {
    const text = partiesNetwork('all').text;
    expect(text).toContain("WITH e WHERE e.kind <> 'PACKAGE' OR NOT EXISTS { (:Document)-[:PART_OF]->(e) }");
    expect(text).toContain(`MATCH (e)-[:PART_OF*0..${PART_OF_DEPTH}]->(:Document)-[r]->(p:Region|Organization)`);
    expect(occurrences(text, 'RETURN coalesce(e.count, 1) AS weight, parties')).toBe(1);
    expect(occurrences(text, 'RETURN 1 AS weight, parties')).toBe(2);
    expect(text).toContain(`NOT EXISTS { (a)-[:PART_OF*1..${PART_OF_DEPTH}]->(b) }`);
  });

  it('follow PART_OF to one depth everywhere', () => {
    const text = EVENT_ANCHORS.map((anchor) => tiesNetwork(anchor).text + partiesNetwork(anchor).text).join('');
    const bounds = new Set([...text.matchAll(/PART_OF\*\d\.\.(\d)/g)].map((match) => match[1]));
    expect(bounds).toEqual(new Set([String(PART_OF_DEPTH)]));
  });
});
