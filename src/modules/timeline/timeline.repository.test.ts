import { PART_OF_DEPTH } from '../entity/entity.parts';
import { timelineQuery, timelineStatement } from './timeline.repository';

/** Translate tests: the text and parameters of the timeline statement, without a database. */
describe('timeline statement', () => {
  it('reads only parameters the repository passes', () => {
    const request = { id: 'a', counterpart: null, groupBy: 'YEAR', types: [], limit: 3 };
    const passed = [...Object.keys(request), ...Object.keys(timelineQuery.fixedParams ?? {})];
    expect(timelineStatement.parameters.filter((name) => !passed.includes(name))).toEqual([]);
    expect([...timelineStatement.parameters].sort()).toEqual([
      'counterpart',
      'groupBy',
      'id',
      'limit',
      'partyTies',
      'types',
    ]);
    expect(timelineQuery.cypher).toBe(timelineStatement.text);
  });

  it('works out the reach of the entity and of the counterpart with one fragment', () => {
    const text = timelineStatement.text;
    expect(text).toContain(`CALL (x) {\n    OPTIONAL MATCH (x)<-[:PART_OF*0..${PART_OF_DEPTH}]-(m:Entity)`);
    expect(text).toContain(`CALL (y) {\n    OPTIONAL MATCH (y)<-[:PART_OF*0..${PART_OF_DEPTH}]-(m:Entity)`);
    expect(text).toContain('RETURN collect(DISTINCT m) AS reach');
    expect(text).toContain('RETURN collect(DISTINCT m) AS within');
  });

  it('keys each kind of event by its own date and precision', () => {
    const text = timelineStatement.text;
    expect(text).toContain(
      "WHEN $groupBy = 'MONTH' AND coalesce(d.signedOnPrecision, 'DAY') <> 'YEAR' THEN left(d.signedOn, 7)",
    );
    expect(text).toContain(
      "WHEN $groupBy = 'MONTH' AND coalesce(v.datePrecision, 'DAY') <> 'YEAR' THEN left(v.date, 7)",
    );
    expect(text).toContain(
      "WHEN $groupBy = 'MONTH' AND coalesce(v.periodPrecision, 'DAY') <> 'YEAR' THEN left(v.period, 7)",
    );
    expect(text).toContain('ORDER BY v.date, v.name, v.id');
    expect(text).toContain('ORDER BY v.period, v.name, v.id');
  });

  it('finds counterparts among parties, less what the entity is within', () => {
    const text = timelineStatement.text;
    expect(text.split('-[r]->(p:Region|Organization)')).toHaveLength(4);
    expect(text).toContain(`NOT EXISTS { (x)-[:PART_OF*1..${PART_OF_DEPTH}]->(p) }`);
    expect(text).toContain('entities: [n IN some | n {.*, __labels: labels(n), createdAt: toString(n.createdAt)');
  });

  it('follows PART_OF to one depth everywhere', () => {
    const bounds = new Set([...timelineStatement.text.matchAll(/PART_OF\*\d\.\.(\d)/g)].map((match) => match[1]));
    expect(bounds).toEqual(new Set([String(PART_OF_DEPTH)]));
  });
});
