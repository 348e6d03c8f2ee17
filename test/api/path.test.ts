import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

interface PathsResult {
  path: {
    from: { id: string };
    to: { id: string };
    length: number | null;
    truncated: boolean;
    paths: {
      length: number;
      nodes: { id: string; __typename: string }[];
      steps: {
        direction: string;
        tie: { type: string; fromId: string; toId: string; sources: { locator: string }[] };
      }[];
    }[];
  };
}

const PATH = `
  query ($from: ID!, $to: ID!, $maxHops: Int, $limit: Int) {
    path(from: $from, to: $to, maxHops: $maxHops, limit: $limit) {
      from { id }
      to { id }
      length
      truncated
      paths {
        length
        nodes { id __typename }
        steps { direction tie { type fromId toId sources { locator } } }
      }
    }
  }`;

describe('path(from, to): the shortest connecting paths', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded({ signings: true });
    // Two officials stated by one source and tied to nothing: only STATED_IN could join them.
    await ingest(harness, {
      source: { id: 'source:test-path', name: 'Path test source' },
      entities: [
        { ref: 'a', official: { id: 'official:ayan-test', name: 'Ayan Test' } },
        { ref: 'b', official: { id: 'official:bolat-test', name: 'Bolat Test' } },
      ],
      ties: [],
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  async function path(variables: Record<string, unknown>) {
    const result = await harness.run<PathsResult>(PATH, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.path;
  }

  it('returns every shortest path with its nodes in order and the ties along it', async () => {
    const found = await path({ from: 'official:li-qiang', to: 'official:ma-xingrui' });
    expect(found.length).toBe(4);
    expect(found.truncated).toBe(false);
    expect(found.paths.map((p) => p.nodes.map((node) => node.id).join(' > ')).sort()).toEqual([
      'official:li-qiang > doc:tourism-mou > region:cn > org:ccp-politburo > official:ma-xingrui',
      'official:li-qiang > doc:tourism-mou > region:kz > doc:checkpoints > official:ma-xingrui',
      'official:li-qiang > doc:tourism-mou > region:kz > forum:ma-xingrui-visit-kazakhstan-2023 > official:ma-xingrui',
      'official:li-qiang > doc:tourism-mou > region:kz > forum:ma-xingrui-visit-kazakhstan-2023 > official:ma-xingrui',
    ]);
    for (const p of found.paths) {
      expect(p.length).toBe(4);
      expect(p.steps).toHaveLength(4);
      p.steps.forEach((step, index) => {
        const [here, next] = [p.nodes[index]?.id, p.nodes[index + 1]?.id];
        const { fromId, toId } = step.tie;
        expect([fromId, toId].sort()).toEqual([here, next].sort());
        expect(step.direction).toBe(fromId === here ? 'FORWARD' : 'BACKWARD');
        expect(step.tie.sources.length).toBeGreaterThan(0);
      });
    }
    const visit = found.paths.filter((p) => p.nodes[3]?.id === 'forum:ma-xingrui-visit-kazakhstan-2023');
    expect(visit.map((p) => p.steps[2]?.tie.type).sort()).toEqual(['HELD_IN', 'INVOLVES']);
  });

  it('tells the direction of each tie', async () => {
    const forward = await path({ from: 'official:ma-xingrui', to: 'org:ccp-politburo' });
    expect(forward.paths).toHaveLength(1);
    expect(forward.paths[0]?.steps).toEqual([
      {
        direction: 'FORWARD',
        tie: { type: 'HOLDS', fromId: 'official:ma-xingrui', toId: 'org:ccp-politburo', sources: [{ locator: '¶3' }] },
      },
    ]);
    const backward = await path({ from: 'org:ccp-politburo', to: 'official:ma-xingrui' });
    expect(backward.paths[0]?.steps[0]?.direction).toBe('BACKWARD');
  });

  it('finds nothing beyond maxHops', async () => {
    const found = await path({ from: 'official:li-qiang', to: 'official:ma-xingrui', maxHops: 3 });
    expect(found).toMatchObject({ length: null, paths: [], truncated: false });
  });

  it('never walks through sources', async () => {
    const found = await path({ from: 'official:ayan-test', to: 'official:bolat-test', maxHops: 6 });
    expect(found.paths).toEqual([]);
    const viaSeed = await path({ from: 'official:serik-zhumangarin', to: 'figure:kz-cn-trade-2022', maxHops: 6 });
    for (const p of viaSeed.paths) expect(p.nodes.map((node) => node.__typename)).not.toContain('Source');
  });

  it('returns at most `limit` paths and says when there were more', async () => {
    const found = await path({ from: 'official:li-qiang', to: 'official:ma-xingrui', limit: 2 });
    expect(found.paths).toHaveLength(2);
    expect(found.truncated).toBe(true);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ from: 'region:kz', to: 'region:cn', maxHops: 7 }, 'BAD_USER_INPUT', '^maxHops: '],
    [{ from: 'region:kz', to: 'region:cn', maxHops: 0 }, 'BAD_USER_INPUT', '^maxHops: '],
    [{ from: 'region:kz', to: 'region:cn', limit: 26 }, 'BAD_USER_INPUT', '^limit: '],
    [{ from: 'region:kz', to: 'region:kz' }, 'BAD_USER_INPUT', '^to: '],
    [{ from: 'region:kz', to: 'not an id' }, 'BAD_USER_INPUT', '^to: '],
    [{ from: 'region:atlantis', to: 'region:kz' }, 'NOT_FOUND', 'region:atlantis'],
  ])('refuses %j', async (variables, code, message) => {
    const result = await harness.run(PATH, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
  });
});
