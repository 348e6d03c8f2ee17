import { Harness } from '../support/harness';

interface NeighborhoodResult {
  neighborhood: {
    centerId: string;
    truncated: boolean;
    nodes: { id: string; type: string; label: string; depth: number; degree: number; entity: { id: string } }[];
    edges: {
      id: string;
      type: string;
      source: string;
      target: string;
      label: string;
      tie: { type: string } | null;
      sources: { sourceId: string; locator: string | null }[];
    }[];
  };
}

const NEIGHBORHOOD = `
  query ($id: ID!, $depth: Int, $limit: Int, $includeSources: Boolean) {
    neighborhood(id: $id, depth: $depth, limit: $limit, includeSources: $includeSources) {
      centerId
      truncated
      nodes { id type label depth degree entity { id } }
      edges { id type source target label tie { type } sources { sourceId locator } }
    }
  }`;

const SEED_SOURCE = 'source:commonspace-2023-03-kz-cn-agreements';

describe('neighborhood(id): the entities and ties around an entity, ready to draw', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded({ signings: true });
  });

  afterAll(async () => {
    await harness.close();
  });

  async function neighborhood(variables: Record<string, unknown>) {
    const result = await harness.run<NeighborhoodResult>(NEIGHBORHOOD, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.neighborhood;
  }

  /** What a drawing needs: every edge joins two drawn nodes, and ids are unique. */
  function expectDrawable(graph: NeighborhoodResult['neighborhood']) {
    const ids = new Set(graph.nodes.map((node) => node.id));
    expect(ids.size).toBe(graph.nodes.length);
    expect(new Set(graph.edges.map((edge) => edge.id)).size).toBe(graph.edges.length);
    for (const edge of graph.edges) {
      expect(ids).toContain(edge.source);
      expect(ids).toContain(edge.target);
    }
  }

  it('draws the ties one step out, with every tie among the nodes', async () => {
    const graph = await neighborhood({ id: 'region:cn-xj' });
    expectDrawable(graph);
    expect(graph.centerId).toBe('region:cn-xj');
    expect(graph.truncated).toBe(false);
    expect(graph.nodes[0]).toEqual({
      id: 'region:cn-xj',
      type: 'REGION',
      label: 'Xinjiang Uygur Autonomous Region',
      depth: 0,
      degree: 6,
      entity: { id: 'region:cn-xj' },
    });
    expect(graph.nodes.slice(1).map((node) => [node.id, node.type, node.depth])).toEqual([
      ['doc:kz-xuar-dialogue-2-interregional', 'DOCUMENT', 1],
      ['doc:checkpoints', 'DOCUMENT', 1],
      ['region:cn', 'REGION', 1],
      ['org:ccp-xuar-committee', 'ORGANIZATION', 1],
      ['forum:kz-xuar-cross-border-dialogue-2', 'FORUM', 1],
      ['forum:ma-xingrui-visit-kazakhstan-2023', 'FORUM', 1],
    ]);
    expect(graph.edges.map((edge) => edge.id)).toEqual([
      'BASED_IN|org:ccp-xuar-committee|region:cn-xj|',
      'BINDS|doc:checkpoints|region:cn-xj|',
      'BINDS|doc:kz-xuar-dialogue-2-interregional|region:cn-xj|',
      'HELD_ALONGSIDE|forum:kz-xuar-cross-border-dialogue-2|forum:ma-xingrui-visit-kazakhstan-2023|',
      'INVOLVES|forum:kz-xuar-cross-border-dialogue-2|region:cn-xj|',
      'INVOLVES|forum:ma-xingrui-visit-kazakhstan-2023|region:cn-xj|',
      'PART_OF|region:cn-xj|region:cn|',
      'SIGNED_AT|doc:checkpoints|forum:kz-xuar-cross-border-dialogue-2|',
      'SIGNED_AT|doc:kz-xuar-dialogue-2-interregional|forum:kz-xuar-cross-border-dialogue-2|',
    ]);
    expect(graph.edges.find((edge) => edge.type === 'PART_OF')).toEqual({
      id: 'PART_OF|region:cn-xj|region:cn|',
      type: 'PART_OF',
      source: 'region:cn-xj',
      target: 'region:cn',
      label: 'part of',
      tie: { type: 'PART_OF' },
      sources: [{ sourceId: SEED_SOURCE, locator: '¶1' }],
    });
  });

  it('labels edges with position titles and roles, and keys them so two positions stay apart', async () => {
    const graph = await neighborhood({ id: 'official:ma-xingrui' });
    const labels = Object.fromEntries(graph.edges.map((edge) => [edge.id, edge.label]));
    expect(labels).toMatchObject({
      'HOLDS|official:ma-xingrui|org:ccp-xuar-committee|party secretary': 'Party Secretary',
      'HOLDS|official:ma-xingrui|org:ccp-politburo|member of the political bureau': 'Member of the Political Bureau',
      'ATTENDED|official:ma-xingrui|forum:ma-xingrui-visit-kazakhstan-2023|': 'visiting official',
      'SIGNED|official:ma-xingrui|doc:checkpoints|': 'signed',
    });
  });

  it('goes further out with depth, nearest first, each node one step beyond one nearer', async () => {
    const graph = await neighborhood({ id: 'region:cn-xj', depth: 2 });
    expectDrawable(graph);
    expect(graph.truncated).toBe(false);
    const depthOf = new Map(graph.nodes.map((node) => [node.id, node.depth]));
    expect(depthOf.get('region:kz')).toBe(2);
    expect(depthOf.get('official:ma-xingrui')).toBe(2);
    expect(graph.nodes.map((node) => node.depth)).toEqual([...graph.nodes.map((node) => node.depth)].sort());
    for (const node of graph.nodes.filter((n) => n.depth > 0)) {
      const nearer = graph.edges.some(
        (edge) =>
          (edge.source === node.id && depthOf.get(edge.target) === node.depth - 1) ||
          (edge.target === node.id && depthOf.get(edge.source) === node.depth - 1),
      );
      expect(nearer).toBe(true);
    }
    expect(graph.nodes.some((node) => node.type === 'SOURCE')).toBe(false);
  });

  it('keeps to the limit, nearest entities first, and says it cut', async () => {
    const graph = await neighborhood({ id: 'region:cn-xj', depth: 3, limit: 2 });
    expectDrawable(graph);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes.map((node) => node.depth)).toEqual([0, 1, 1]);
  });

  it('includes sources and STATED_IN edges on request', async () => {
    const graph = await neighborhood({ id: 'region:cn-xj', includeSources: true });
    expectDrawable(graph);
    expect(graph.nodes[0]?.degree).toBe(7);
    expect(graph.nodes.find((node) => node.id === SEED_SOURCE)?.type).toBe('SOURCE');
    expect(graph.edges.find((edge) => edge.id === `STATED_IN|region:cn-xj|${SEED_SOURCE}|¶1`)).toMatchObject({
      type: 'STATED_IN',
      label: '¶1',
      tie: null,
      sources: [{ sourceId: SEED_SOURCE, locator: '¶1' }],
    });
  });

  it('shows what a source states when the source is the center', async () => {
    const graph = await neighborhood({ id: 'source:test-signings' });
    expectDrawable(graph);
    expect(graph.nodes.map((node) => node.id).sort()).toEqual([
      'doc:checkpoints',
      'doc:gov-contract',
      'doc:tourism-mou',
      'forum:astana-summit-2024',
      'official:kassym-jomart-tokayev',
      'official:li-qiang',
      'source:test-signings',
    ]);
    expect(graph.edges.every((edge) => edge.type === 'STATED_IN' || edge.target !== 'source:test-signings')).toBe(true);
  });

  it('answers with one query', async () => {
    const result = await harness.run(NEIGHBORHOOD, { id: 'region:kz', depth: 2 });
    expect(result.errors).toBeUndefined();
    expect(result.context.db.queryCount).toBe(1);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ id: 'region:kz', depth: 4 }, 'BAD_USER_INPUT', '^depth: '],
    [{ id: 'region:kz', limit: 501 }, 'BAD_USER_INPUT', '^limit: '],
    [{ id: 'region:kz', limit: 0 }, 'BAD_USER_INPUT', '^limit: '],
    [{ id: 'Kazakhstan' }, 'BAD_USER_INPUT', '^id: '],
    [{ id: 'region:atlantis' }, 'NOT_FOUND', 'region:atlantis'],
  ])('refuses %j', async (variables, code, message) => {
    const result = await harness.run(NEIGHBORHOOD, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
  });
});
