import { Harness } from '../support/harness';

interface TieRef {
  type: string;
  fromId: string;
  toId: string;
}
interface Connections {
  ties: {
    a: { id: string };
    b: { id: string };
    connected: boolean;
    groups: { kind: string; total: number; connections: { via: { id: string } | null; ties: TieRef[] }[] }[];
  };
}

const TIES = `
  query ($a: ID!, $b: ID!, $limit: Int) {
    ties(a: $a, b: $b, limit: $limit) {
      a { id }
      b { id }
      connected
      groups { kind total connections { via { id } ties { type fromId toId } } }
    }
  }`;

describe('ties(a, b): everything that directly connects two entities', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded({ signings: true });
  });

  afterAll(async () => {
    await harness.close();
  });

  async function ties(a: string, b: string, limit?: number) {
    const result = await harness.run<Connections>(TIES, limit === undefined ? { a, b } : { a, b, limit });
    expect(result.errors).toBeUndefined();
    return result.data!.ties;
  }

  const summary = (found: Connections['ties']) =>
    Object.fromEntries(found.groups.map((group) => [group.kind, group.connections.map((c) => c.via?.id ?? null)]));

  it('finds what connects an official and a region, kind by kind', async () => {
    const found = await ties('official:serik-zhumangarin', 'region:kz');
    expect(found.connected).toBe(true);
    expect(summary(found)).toEqual({
      ACTED_FOR: ['doc:kz-xuar-dialogue-2-commercial', 'doc:checkpoints', 'forum:kz-xuar-cross-border-dialogue-2'],
      SHARED_DOCUMENT: ['doc:kz-xuar-dialogue-2-commercial', 'doc:checkpoints'],
      SHARED_FORUM: ['forum:kz-xuar-cross-border-dialogue-2'],
      SHARED_ORGANIZATION: ['org:kz-government', 'org:kz-ministry-of-trade-and-integration'],
      SHARED_FIGURE: ['figure:kz-cn-export-offer-2023-03', 'figure:kz-cn-export-offer-products-2023-03'],
      // The commercial agreements are part of the package that covers eight sectors.
      SHARED_SECTOR: [
        'sector:agriculture',
        'sector:construction',
        'sector:energy',
        'sector:engineering',
        'sector:food-industry',
        'sector:investment',
        'sector:mining',
        'sector:tourism',
      ],
    });
  });

  it('lists the ties that make each connection', async () => {
    const found = await ties('official:serik-zhumangarin', 'region:kz');
    const group = (kind: string) => found.groups.find((g) => g.kind === kind);
    expect(group('ACTED_FOR')?.connections[1]?.ties).toEqual([
      { type: 'SIGNED', fromId: 'official:serik-zhumangarin', toId: 'doc:checkpoints' },
    ]);
    expect(group('SHARED_FORUM')?.connections[0]?.ties).toEqual([
      { type: 'ATTENDED', fromId: 'official:serik-zhumangarin', toId: 'forum:kz-xuar-cross-border-dialogue-2' },
      { type: 'HELD_IN', fromId: 'forum:kz-xuar-cross-border-dialogue-2', toId: 'region:kz' },
      { type: 'INVOLVES', fromId: 'forum:kz-xuar-cross-border-dialogue-2', toId: 'region:kz' },
    ]);
    // A sector: the shortest chain of ties from each side, each tie once.
    const construction = group('SHARED_SECTOR')?.connections.find((c) => c.via?.id === 'sector:construction');
    expect(construction?.ties).toEqual([
      { type: 'SIGNED', fromId: 'official:serik-zhumangarin', toId: 'doc:checkpoints' },
      { type: 'COVERS', fromId: 'doc:checkpoints', toId: 'sector:construction' },
      { type: 'BINDS', fromId: 'doc:checkpoints', toId: 'region:kz' },
    ]);
  });

  it('finds direct ties either way, and answers the same whichever entity comes first', async () => {
    const forward = await ties('region:cn-xj', 'region:cn');
    const backward = await ties('region:cn', 'region:cn-xj');
    // Xinjiang's interregional agreements share their package's eight sectors with China's documents.
    expect(forward.groups.map((group) => [group.kind, group.total])).toEqual([
      ['DIRECT', 1],
      ['SHARED_SECTOR', 8],
    ]);
    expect(forward.groups[0]?.connections).toEqual([
      { via: null, ties: [{ type: 'PART_OF', fromId: 'region:cn-xj', toId: 'region:cn' }] },
    ]);
    expect(summary(backward)).toEqual(summary(forward));
    expect(backward.groups[0]?.connections).toEqual(forward.groups[0]?.connections);
  });

  it('counts every connection but lists at most `limit` of each kind', async () => {
    const found = await ties('region:kz', 'region:cn', 1);
    const documents = found.groups.find((group) => group.kind === 'SHARED_DOCUMENT');
    // The package, the memoranda, the commercial agreements, the tourism memorandum (the
    // interregional agreements bind Xinjiang, not China).
    expect(documents?.total).toBe(4);
    expect(documents?.connections).toHaveLength(1);
    const figures = found.groups.find((group) => group.kind === 'SHARED_FIGURE');
    expect(figures?.total).toBe(6);
  });

  it('says when nothing connects two entities', async () => {
    const found = await ties('org:ccp-xuar-committee', 'official:li-qiang');
    expect(found).toEqual({
      a: { id: 'org:ccp-xuar-committee' },
      b: { id: 'official:li-qiang' },
      connected: false,
      groups: [],
    });
  });

  it('answers with one query, nested entities included', async () => {
    const result = await harness.run(
      `{ ties(a: "region:kz", b: "region:cn") { a { name } b { name } groups { connections { via { name } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.context.db.queryCount).toBe(1);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ a: 'region:kz', b: 'region:kz' }, 'BAD_USER_INPUT', '^b: '],
    [{ a: 'Kazakhstan', b: 'region:kz' }, 'BAD_USER_INPUT', '^a: '],
    [{ a: 'region:kz', b: 'region:cn', limit: 101 }, 'BAD_USER_INPUT', '^limit: '],
    [{ a: 'region:atlantis', b: 'region:kz' }, 'NOT_FOUND', 'region:atlantis'],
    [{ a: 'region:kz', b: 'region:atlantis' }, 'NOT_FOUND', 'region:atlantis'],
  ])('refuses %j', async (variables, code, message) => {
    const result = await harness.run(TIES, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
  });
});
