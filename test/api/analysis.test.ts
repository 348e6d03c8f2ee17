import { TIE_TYPES } from '../../src/modules/entity/entity.model';
import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

/**
 * A small graph whose measures are worked out by hand below:
 *
 *   d1 (2020-05)  binds A, B; covers energy
 *   d2 (2021-03)  binds A, C; counts 3 documents
 *   d3 (2021-07)  binds B, C; covers energy
 *   d4 (undated)  binds A, D
 *   f1 (2021-06)  held in A, involves A and B (two ties to A: one edge of weight 2)
 *   org1          based in A (a tie between two entities that are no events)
 *
 * Every entity is stated in the report's source: STATED_IN edges and the source are never part of a
 * network.
 */
const KNOWN = {
  source: { id: 'source:analysis-known', name: 'Analysis test source' },
  entities: [
    { ref: 'a', region: { id: 'region:an-a', name: 'Analand A', kind: 'COUNTRY' } },
    { ref: 'b', region: { id: 'region:an-b', name: 'Analand B', kind: 'COUNTRY' } },
    { ref: 'c', region: { id: 'region:an-c', name: 'Analand C', kind: 'COUNTRY' } },
    { ref: 'd', region: { id: 'region:an-d', name: 'Analand D', kind: 'COUNTRY' } },
    { ref: 'energy', sector: { id: 'sector:an-energy', name: 'Analysis energy' } },
    { ref: 'org1', organization: { id: 'org:an-org1', name: 'Analysis body', kind: 'GOVERNMENT' } },
    { ref: 'd1', document: { id: 'doc:an-d1', kind: 'AGREEMENT', signedOn: '2020-05-01' } },
    { ref: 'd2', document: { id: 'doc:an-d2', kind: 'AGREEMENT', count: 3, signedOn: '2021-03-01' } },
    { ref: 'd3', document: { id: 'doc:an-d3', kind: 'AGREEMENT', signedOn: '2021-07-01' } },
    { ref: 'd4', document: { id: 'doc:an-d4', kind: 'AGREEMENT' } },
    { ref: 'f1', forum: { id: 'forum:an-f1', name: 'Analysis forum', kind: 'SUMMIT', date: '2021-06-10' } },
  ],
  ties: [
    { type: 'BINDS', from: 'd1', to: 'a' },
    { type: 'BINDS', from: 'd1', to: 'b' },
    { type: 'COVERS', from: 'd1', to: 'energy' },
    { type: 'BINDS', from: 'd2', to: 'a' },
    { type: 'BINDS', from: 'd2', to: 'c' },
    { type: 'BINDS', from: 'd3', to: 'b' },
    { type: 'BINDS', from: 'd3', to: 'c' },
    { type: 'COVERS', from: 'd3', to: 'energy' },
    { type: 'BINDS', from: 'd4', to: 'a' },
    { type: 'BINDS', from: 'd4', to: 'd' },
    { type: 'HELD_IN', from: 'f1', to: 'a' },
    { type: 'INVOLVES', from: 'f1', to: 'a' },
    { type: 'INVOLVES', from: 'f1', to: 'b' },
    { type: 'BASED_IN', from: 'org1', to: 'a' },
  ],
};

const A = 'region:an-a';
const B = 'region:an-b';
const C = 'region:an-c';
const D = 'region:an-d';

interface Subgraph {
  network: string;
  filter: { from: string | null; to: string | null; region: string | null; sector: string | null; tieTypes: string[] };
  nodeCount: number;
  edgeCount: number;
  totalWeight: number;
  nodesByType: { type: string; count: number }[];
}

interface CentralityResult {
  centrality: {
    measure: string;
    type: string | null;
    rankedCount: number;
    subgraph: Subgraph;
    scores: { rank: number; score: number; degree: number; entity: { id: string; name: string } }[];
  };
}

const CENTRALITY = `
  query ($measure: CentralityMeasure!, $type: EntityType, $network: NetworkKind, $filter: NetworkFilter, $first: Int) {
    centrality(measure: $measure, type: $type, network: $network, filter: $filter, first: $first) {
      measure type rankedCount
      subgraph {
        network nodeCount edgeCount totalWeight
        filter { from to region sector tieTypes }
        nodesByType { type count }
      }
      scores { rank score degree entity { id name } }
    }
  }`;

const COMMUNITIES = `
  query ($network: NetworkKind, $filter: NetworkFilter, $first: Int) {
    communities(network: $network, filter: $filter, first: $first) {
      modularity count
      subgraph { nodeCount edgeCount totalWeight }
      communities { id size internalEdges nodesByType { type count } members(first: 100) { degree degreeWithin entity { id } } }
    }
  }`;

const EGO = `
  query ($id: ID!, $depth: Int, $filter: NetworkFilter, $limit: Int) {
    egoNetwork(id: $id, depth: $depth, filter: $filter, limit: $limit) {
      centerId depth density truncated
      subgraph { nodeCount edgeCount totalWeight filter { from to tieTypes } nodesByType { type count } }
      nodes { id type depth degree totalDegree entity { name } }
      edges { type source target }
    }
  }`;

/** Scores by entity id. */
const byId = (result: CentralityResult['centrality']) =>
  Object.fromEntries(result.scores.map((score) => [score.entity.id, score.score]));

describe('network measures on a graph worked out by hand', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    await ingest(harness, KNOWN);
  });

  afterAll(async () => {
    await harness.close();
  });

  async function centrality(variables: Record<string, unknown>) {
    const result = await harness.run<CentralityResult>(CENTRALITY, { first: 100, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data!.centrality;
  }

  it('ranks regions by degree in the ties network, and states the network', async () => {
    const found = await centrality({ measure: 'DEGREE', type: 'REGION' });
    expect(found.scores.map((score) => [score.entity.id, score.score, score.rank])).toEqual([
      [A, 5, 1],
      [B, 3, 2],
      [C, 2, 3],
      [D, 1, 4],
    ]);
    expect(found.rankedCount).toBe(4);
    // 11 entities (no source), 13 pairs joined by 14 ties (f1 is tied to A twice).
    expect(found.subgraph).toEqual({
      network: 'TIES',
      nodeCount: 11,
      edgeCount: 13,
      totalWeight: 14,
      filter: { from: null, to: null, region: null, sector: null, tieTypes: [...TIE_TYPES] },
      nodesByType: [
        { type: 'DOCUMENT', count: 4 },
        { type: 'FORUM', count: 1 },
        { type: 'ORGANIZATION', count: 1 },
        { type: 'REGION', count: 4 },
        { type: 'SECTOR', count: 1 },
      ],
    });
  });

  it('weighs parallel ties in the weighted degree', async () => {
    const found = await centrality({ measure: 'WEIGHTED_DEGREE' });
    const scores = byId(found);
    expect(scores[A]).toBe(6);
    expect(scores['forum:an-f1']).toBe(3);
    expect(scores[B]).toBe(3);
    expect(found.scores.find((score) => score.entity.id === 'forum:an-f1')?.degree).toBe(2);
    expect(found.rankedCount).toBe(11);
  });

  it.each<[string, Record<string, unknown>, number, number, Record<string, number>]>([
    // d2, d3 and f1 pass; d1 (2020) and d4 (undated) do not, so D drops out; org1's seat stays.
    ['a period', { period: { from: '2021', to: '2021' } }, 8, 8, { [A]: 3, [B]: 2, [C]: 2 }],
    ['a region', { region: B }, 8, 9, { [A]: 3, [B]: 3, [C]: 1 }],
    ['a sector', { sector: 'sector:an-energy' }, 7, 7, { [A]: 2, [B]: 2, [C]: 1 }],
    ['tie types', { tieTypes: ['BINDS'] }, 8, 8, { [A]: 3, [B]: 2, [C]: 2, [D]: 1 }],
  ])('filters by %s', async (_what, filter, nodeCount, edgeCount, degrees) => {
    const found = await centrality({ measure: 'DEGREE', type: 'REGION', filter });
    expect([found.subgraph.nodeCount, found.subgraph.edgeCount]).toEqual([nodeCount, edgeCount]);
    expect(byId(found)).toEqual(degrees);
  });

  it('states the period as the days it covers', async () => {
    const found = await centrality({ measure: 'DEGREE', filter: { period: { from: '2021-03' } } });
    expect(found.subgraph.filter).toMatchObject({ from: '2021-03-01', to: null });
    // d2, d3, f1 pass (d1 is earlier, d4 undated).
    expect(byId(found)[A]).toBe(3);
  });

  it('computes betweenness on a path: A – d2 – C – d3 – B', async () => {
    const found = await centrality({
      measure: 'BETWEENNESS',
      filter: { period: { from: '2021', to: '2021' }, tieTypes: ['BINDS'] },
    });
    // On a path of five, the middle lies on the 4 paths between the two ends of each side, its
    // neighbours on the 3 paths from their end to the far side.
    expect(byId(found)).toEqual({ [A]: 0, 'doc:an-d2': 3, [C]: 4, 'doc:an-d3': 3, [B]: 0 });
    expect(found.scores.map((score) => score.rank)).toEqual([1, 2, 2, 4, 4]);
  });

  it('computes PageRank: the scores sum to 1, and the symmetric ends of a path score alike', async () => {
    const whole = await centrality({ measure: 'PAGERANK' });
    expect(whole.scores).toHaveLength(11);
    expect(whole.scores.reduce((sum, score) => sum + score.score, 0)).toBeCloseTo(1, 6);
    expect(whole.scores[0]?.entity.id).toBe(A);
    const path = await centrality({
      measure: 'PAGERANK',
      filter: { period: { from: '2021', to: '2021' }, tieTypes: ['BINDS'] },
    });
    // By symmetry A = B = x, d2 = d3 = y, C = z; with damping 0.85 over 5 nodes:
    //   x = 0.03 + 0.85·y/2,  y = 0.03 + 0.85·(x + z/2),  z = 0.03 + 0.85·y
    // so y = 0.06825 / 0.2775, z = 0.03 + 0.85·y, x = 0.03 + 0.425·y.
    const y = 0.06825 / 0.2775;
    const scores = byId(path);
    expect(scores[A]).toBeCloseTo(0.03 + 0.425 * y, 4);
    expect(scores[B]).toBeCloseTo(0.03 + 0.425 * y, 4);
    expect(scores['doc:an-d2']).toBeCloseTo(y, 4);
    expect(scores['doc:an-d3']).toBeCloseTo(y, 4);
    expect(scores[C]).toBeCloseTo(0.03 + 0.85 * y, 4);
  });

  it('joins parties by the documents and events they share', async () => {
    const found = await centrality({ measure: 'WEIGHTED_DEGREE', network: 'PARTIES' });
    // A–B: d1 and f1; A–C: d2, 3 documents; B–C: d3; A–D: d4.
    expect(byId(found)).toEqual({ [A]: 6, [C]: 4, [B]: 3, [D]: 1 });
    expect(found.subgraph).toMatchObject({ network: 'PARTIES', nodeCount: 4, edgeCount: 4, totalWeight: 7 });
    expect(found.subgraph.filter.tieTypes).toEqual(['BINDS', 'INVOLVES', 'BETWEEN', 'FROM', 'TO']);
    const degree = await centrality({ measure: 'DEGREE', network: 'PARTIES', filter: { tieTypes: ['BINDS'] } });
    expect(byId(degree)).toEqual({ [A]: 3, [B]: 2, [C]: 2, [D]: 1 });
    expect(degree.subgraph.totalWeight).toBe(6);
  });

  it('finds the communities and their modularity', async () => {
    const result = await harness.run<{
      communities: {
        modularity: number;
        count: number;
        subgraph: { nodeCount: number; edgeCount: number };
        communities: { id: number; size: number; internalEdges: number; members: { entity: { id: string } }[] }[];
      };
    }>(COMMUNITIES, { filter: { tieTypes: ['BINDS'] } });
    expect(result.errors).toBeUndefined();
    const found = result.data!.communities;
    // The BINDS network is a ring of six (A d1 B d3 C d2) with D hanging from A by d4.
    expect(found.subgraph).toEqual({ nodeCount: 8, edgeCount: 8, totalWeight: 8 });
    const sizes = found.communities.map((community) => community.size);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(8);
    expect(found.count).toBe(found.communities.length);
    expect(found.communities.map((community) => community.id)).toEqual(sizes.map((_size, index) => index + 1));
    // Modularity recomputed by hand from the division returned: Q = Σ_c [L_c/m − (D_c/2m)²].
    const degrees: Record<string, number> = {
      [A]: 3,
      [B]: 2,
      [C]: 2,
      [D]: 1,
      'doc:an-d1': 2,
      'doc:an-d2': 2,
      'doc:an-d3': 2,
      'doc:an-d4': 2,
    };
    const degreeOf = (id: string) => degrees[id] ?? Number.NaN;
    const m = 8;
    const q = found.communities.reduce((sum, community) => {
      const total = community.members.reduce((acc, member) => acc + degreeOf(member.entity.id), 0);
      return sum + community.internalEdges / m - (total / (2 * m)) ** 2;
    }, 0);
    expect(found.modularity).toBeCloseTo(q, 9);
    expect(found.modularity).toBeGreaterThan(0);
    // The same answer every time: the division does not depend on chance.
    const again = await harness.run(COMMUNITIES, { filter: { tieTypes: ['BINDS'] } });
    expect(again.data).toEqual(result.data);
  });

  it('walks an ego network through passing entities only', async () => {
    const result = await harness.run<{
      egoNetwork: {
        centerId: string;
        density: number;
        subgraph: { nodeCount: number; edgeCount: number; totalWeight: number };
        nodes: { id: string; depth: number; degree: number; totalDegree: number }[];
        edges: { type: string; source: string; target: string }[];
      };
    }>(EGO, { id: A, depth: 1, filter: { period: { from: '2021' } } });
    expect(result.errors).toBeUndefined();
    const ego = result.data!.egoNetwork;
    // A's 2021 neighbours: d2, f1 (twice) and org1's seat; d1 (2020) and d4 (undated) are left out.
    expect(ego.nodes.map((node) => [node.id, node.depth, node.degree])).toEqual([
      [A, 0, 3],
      ['doc:an-d2', 1, 1],
      ['org:an-org1', 1, 1],
      ['forum:an-f1', 1, 1],
    ]);
    expect(ego.nodes[0]?.totalDegree).toBe(6);
    expect(ego.edges).toHaveLength(4);
    expect(ego.subgraph).toEqual({
      nodeCount: 4,
      edgeCount: 3,
      totalWeight: 4,
      filter: { from: '2021-01-01', to: null, tieTypes: [...TIE_TYPES] },
      nodesByType: [
        { type: 'DOCUMENT', count: 1 },
        { type: 'FORUM', count: 1 },
        { type: 'ORGANIZATION', count: 1 },
        { type: 'REGION', count: 1 },
      ],
    });
    // A star of four: 3 of its 6 pairs are joined.
    expect(ego.density).toBeCloseTo(0.5, 9);
    const two = await harness.run<{ egoNetwork: { nodes: { id: string; depth: number }[] } }>(EGO, {
      id: A,
      depth: 2,
      filter: { period: { from: '2021' } },
    });
    expect(two.data?.egoNetwork.nodes.filter((node) => node.depth === 2).map((node) => node.id)).toEqual([B, C]);
  });

  describe('refusals', () => {
    it.each<[Record<string, unknown>, string, string]>([
      [{ measure: 'DEGREE', filter: { tieTypes: [] } }, 'BAD_USER_INPUT', '^filter.tieTypes: '],
      [
        { measure: 'DEGREE', network: 'PARTIES', filter: { tieTypes: ['HOLDS'] } },
        'BAD_USER_INPUT',
        '^filter.tieTypes: the PARTIES network',
      ],
      [{ measure: 'DEGREE', network: 'PARTIES', type: 'OFFICIAL' }, 'BAD_USER_INPUT', '^type: '],
      [
        { measure: 'DEGREE', filter: { period: { from: '2022', to: '2021' } } },
        'BAD_USER_INPUT',
        '^filter.period.to: ',
      ],
      [{ measure: 'DEGREE', filter: { region: 'China' } }, 'BAD_USER_INPUT', '^filter.region: '],
      [{ measure: 'DEGREE', filter: { period: { from: '2021-13' } } }, 'BAD_USER_INPUT', '^filter.period.from: '],
      [{ measure: 'DEGREE', first: 101 }, 'BAD_USER_INPUT', '^first: '],
    ])('refuses %j', async (variables, code, message) => {
      const result = await harness.run(CENTRALITY, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
    });

    it('refuses a network over the configured bounds with QUERY_TOO_COMPLEX', async () => {
      const bounded = (analysis: Partial<typeof harness.config.analysis>) =>
        Object.assign(Object.create(harness), {
          config: { ...harness.config, analysis: { ...harness.config.analysis, ...analysis } },
        }) as Harness;
      const cases: [Partial<typeof harness.config.analysis>, string, string][] = [
        [{ maxEdges: 13 }, 'DEGREE', 'more than 13 ties'],
        [{ maxNodes: 10 }, 'DEGREE', 'has 11 entities'],
        [{ maxBetweennessWork: 100 }, 'BETWEENNESS', '11 entities and 13 edges is 143 steps'],
      ];
      for (const [analysis, measure, message] of cases) {
        const result = await bounded(analysis).run(CENTRALITY, { measure });
        expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        expect(result.errors?.[0]?.message).toContain(message);
      }
      // Within them, the same network is measured.
      const fits = await bounded({ maxEdges: 14, maxNodes: 11, maxBetweennessWork: 143 }).run(CENTRALITY, {
        measure: 'BETWEENNESS',
      });
      expect(fits.errors).toBeUndefined();
    });

    it('says NOT_FOUND for an ego network around nothing', async () => {
      const result = await harness.run(EGO, { id: 'region:atlantis' });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});

describe('network measures on the seed agree with documentStats', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('weighs each pair of parties by the documents documentStats counts for the pair', async () => {
    const stats = await harness.run<{ documentStats: { rows: { key: string; documentCount: number }[] } }>(
      `{ documentStats(groupBy: REGION_PAIR) { rows { key documentCount } } }`,
    );
    expect(stats.errors).toBeUndefined();
    // The package of 16 counts through its three parts, which share its China: China–Kazakhstan
    // 6 + 5 + 5, Xinjiang–Kazakhstan 6 (the interregional agreements), and China–Xinjiang (a
    // region and its part) is no pair.
    expect(stats.data?.documentStats.rows).toEqual([
      { key: 'region:cn|region:kz', documentCount: 16 },
      { key: 'region:cn-xj|region:kz', documentCount: 6 },
    ]);
    const result = await harness.run<CentralityResult>(CENTRALITY, {
      measure: 'WEIGHTED_DEGREE',
      network: 'PARTIES',
      filter: { tieTypes: ['BINDS'] },
      first: 100,
    });
    expect(result.errors).toBeUndefined();
    const found = result.data!.centrality;
    expect(byId(found)).toEqual({ 'region:kz': 22, 'region:cn': 16, 'region:cn-xj': 6 });
    expect(found.subgraph).toMatchObject({ nodeCount: 3, edgeCount: 2, totalWeight: 22 });
  });

  it('counts the seed’s ties network without its source', async () => {
    const [expected] = await harness.cypher<{ nodes: unknown; ties: unknown }>(
      `MATCH (n:Entity) WHERE NOT n:Source AND EXISTS { (n)-[r]-(:Entity) WHERE NOT r:STATED_IN }
       WITH count(n) AS nodes
       MATCH (:Entity)-[r]->(:Entity) WHERE NOT r:STATED_IN
       RETURN nodes, count(r) AS ties`,
    );
    const result = await harness.run<CentralityResult>(CENTRALITY, { measure: 'DEGREE', first: 5 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.centrality.subgraph.nodeCount).toBe(Number(expected?.nodes));
    expect(result.data?.centrality.subgraph.totalWeight).toBe(Number(expected?.ties));
    // Degrees as Cypher counts them: distinct neighbours, sources left out.
    const degrees = await harness.cypher<{ id: string; degree: unknown }>(
      `MATCH (n:Entity)-[r]-(m:Entity) WHERE NOT r:STATED_IN
       RETURN n.id AS id, count(DISTINCT m) AS degree ORDER BY degree DESC, id LIMIT 5`,
    );
    expect(result.data?.centrality.scores.map((score) => [score.entity.id, score.score])).toEqual(
      degrees.map((row) => [row.id, Number(row.degree)]),
    );
  });
});
