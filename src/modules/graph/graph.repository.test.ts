import { PART_OF_DEPTH } from '../entity/entity.parts';
import { MAX_HOPS } from './graph.input';
import {
  graphParameters,
  neighborhoodShape,
  neighborhoodStatement,
  pathStatement,
  tiesStatement,
} from './graph.repository';

/** Translate tests: the text and parameters of the graph statements, without a database. */
const unpassed = (read: readonly string[], passed: object) =>
  read.filter((name) => !Object.keys(passed).includes(name));

describe('graph statements', () => {
  it('read only parameters the repository passes', () => {
    expect(unpassed(tiesStatement.parameters, graphParameters.ties('a', 'b', 5))).toEqual([]);
    expect(tiesStatement.parameters).toEqual(['a', 'b', 'limit']);
    for (let hops = 1; hops <= MAX_HOPS; hops += 1)
      expect(unpassed(pathStatement(hops).parameters, graphParameters.paths('a', 'b', 3))).toEqual([]);
    const neighborhood = neighborhoodStatement(neighborhoodShape);
    const request = { id: 'a', depth: 2, limit: 10, includeSources: false, maxEdges: 50 };
    expect(unpassed(neighborhood.parameters, graphParameters.neighborhood(request))).toEqual([]);
    expect([...neighborhood.parameters].sort()).toEqual(['depth', 'id', 'includeSources', 'limit', 'maxEdges', 'take']);
  });

  it('write one bound of the code into each path statement, and refuse others', () => {
    for (let hops = 1; hops <= MAX_HOPS; hops += 1)
      expect(pathStatement(hops).text).toContain(`allShortestPaths((a)-[*..${hops}]-(b))`);
    expect(() => pathStatement(0)).toThrow(RangeError);
    expect(() => pathStatement(MAX_HOPS + 1)).toThrow(RangeError);
    expect(() => pathStatement(1.5)).toThrow(RangeError);
  });

  it('project every tie with the shared projection', () => {
    const projected = 'props: r {.*, createdAt: toString(r.createdAt)}}';
    const ties = tiesStatement.text;
    // direct, actedFor, shared and sectors each project their ties.
    expect(ties.split(projected)).toHaveLength(5);
    expect(pathStatement(2).text).toContain(projected);
    expect(neighborhoodStatement(neighborhoodShape).text).toContain(`collect({type: type(r), fromId: startNode(r).id`);
  });

  it('carry the shape variables into every subquery', () => {
    const text = neighborhoodStatement(neighborhoodShape).text;
    expect(text).toContain('CALL (c, withSources, level1, level2) {');
    expect(text).toContain('CALL (withSources, members) {');
    expect(text).toContain('WITH withSources, kept, truncated');
  });

  it('follow PART_OF to one depth for shared sectors', () => {
    const chain = `-[:PART_OF*0..${PART_OF_DEPTH}]->(:Document)-[:COVERS]->(s:Sector)`;
    expect(tiesStatement.text.split(chain)).toHaveLength(3);
    expect(new Set([...tiesStatement.text.matchAll(/PART_OF\*\d\.\.(\d)/g)].map((m) => m[1]))).toEqual(
      new Set([String(PART_OF_DEPTH)]),
    );
  });
});
