import { cypher } from '../../db/cypher';
import { PART_OF_DEPTH, regionScope } from '../entity/entity.parts';
import { NO_FILTER } from './export.model';
import { subgraphIdsStatement, subgraphParameters } from './export.repository';

/** Translate tests: the text and parameters of the export's subgraph statement, without a database. */
describe('the export subgraph statement', () => {
  it('reads only parameters the repository passes', () => {
    const passed = Object.keys(subgraphParameters(NO_FILTER));
    expect(subgraphIdsStatement.parameters).toEqual(['region', 'sector', 'from', 'to']);
    expect(subgraphIdsStatement.parameters.filter((name) => !passed.includes(name))).toEqual([]);
  });

  it('filters by region through the shared region scope, worked out before the facts are matched', () => {
    const text = subgraphIdsStatement.text;
    const scope = regionScope(cypher`$region`, cypher`regionParties`).text;
    expect(text.trimStart().startsWith(scope.trimStart())).toBe(true);
    expect(text).toContain('AND (regionParties IS NULL OR EXISTS {');
    expect(text).toContain('WHERE party.id IN regionParties })');
    // $region is read by the scope alone: once for its index entry, once for IS NULL.
    expect([...text.matchAll(/\$region\b/g)]).toHaveLength(2);
  });

  it('follows PART_OF to one depth everywhere', () => {
    const bounds = new Set([...subgraphIdsStatement.text.matchAll(/PART_OF\*(\d)\.\.(\d)/g)].map((m) => m[2]));
    expect([...bounds]).toEqual([String(PART_OF_DEPTH)]);
  });
});
