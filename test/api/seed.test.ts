import { exampleOperation } from '../../src/http/example-operations';
import { Harness } from '../support/harness';

/**
 * The founding example's questions, answered through the API from the seed graph. The operations
 * are the README's example queries (client/operations), run with their default variables.
 */
describe('seed graph: the second Kazakhstan–Xinjiang dialogue', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('answers which documents were signed at the forum, of which kinds, how many and their stated value', async () => {
    const result = await harness.run<{
      forum: {
        name: string;
        date: { value: string; precision: string };
        documents: {
          kind: string;
          count: number;
          name: string;
          title: string | null;
          value: { amount: number; currency: string; qualifier: string } | null;
        }[];
      };
    }>(exampleOperation('ForumDocuments').document);
    expect(result.errors).toBeUndefined();
    const forum = result.data?.forum;
    expect(forum?.date).toEqual({ value: '2023-03-28', precision: 'DAY' });
    const byKind = Object.fromEntries(forum?.documents.map((document) => [document.kind, document.count]) ?? []);
    expect(byKind).toEqual({
      PACKAGE: 16,
      INTERREGIONAL_AGREEMENT: 6,
      MEMORANDUM_OF_UNDERSTANDING: 5,
      COMMERCIAL_AGREEMENT: 5,
    });
    const commercial = forum?.documents.find((document) => document.kind === 'COMMERCIAL_AGREEMENT');
    expect(commercial?.value).toEqual({ amount: 565_000_000, currency: 'USD', qualifier: 'EXACT' });
    // Unnamed groups keep no invented title, but every one has a name to show.
    expect(forum?.documents.every((document) => document.title === null)).toBe(true);
    expect(forum?.documents.map((document) => document.name).sort()).toEqual([
      '16 documents signed at the second Kazakhstan–XUAR dialogue',
      '5 commercial agreements',
      '5 memoranda of understanding',
      '6 interregional agreements',
    ]);
  });

  it('answers which sectors the documents cover', async () => {
    const result = await harness.run<{ document: { count: number; sectors: { name: string }[] } }>(
      exampleOperation('DocumentSectors').document,
    );
    expect(result.data?.document.count).toBe(16);
    expect(result.data?.document.sectors.map((sector) => sector.name).sort()).toEqual([
      'Agriculture',
      'Construction',
      'Energy',
      'Engineering',
      'Food industry',
      'Investment',
      'Mining',
      'Tourism',
    ]);
  });

  it('answers who attended and on whose behalf, with the positions they hold', async () => {
    const result = await harness.run<{
      forum: {
        attendance: {
          role: string;
          from: { name: string; positions: { title: string; to: { name: string } }[] };
          onBehalfOf: { name: string };
        }[];
      };
    }>(exampleOperation('ForumAttendance').document);
    expect(result.errors).toBeUndefined();
    const [attendance] = result.data?.forum.attendance ?? [];
    expect(attendance?.from.name).toBe('Serik Zhumangarin');
    expect(attendance?.role).toBe('speaker');
    expect(attendance?.onBehalfOf.name).toBe('Kazakhstan');
    expect(attendance?.from.positions.map((position) => position.title).sort()).toEqual([
      'Deputy Prime Minister',
      'Minister of Trade and Integration',
    ]);
  });

  it('answers what Kazakhstan offered to export, and its value: some 135 products, over $1 billion', async () => {
    const result = await harness.run<{
      figures: {
        nodes: {
          value: number;
          unit: string;
          qualifier: string;
          itemCount: number | null;
          items: string[];
          from: { name: string };
          to: { name: string };
          statedBy: { name: string };
        }[];
      };
    }>(exampleOperation('ExportOffers').document);
    expect(result.errors).toBeUndefined();
    const stated = { from: { name: 'Kazakhstan' }, to: { name: 'China' }, statedBy: { name: 'Serik Zhumangarin' } };
    // "some 135 products" is approximate and "over $1 billion" a lower bound: two figures, each
    // with its own qualifier.
    expect(result.data?.figures.nodes).toEqual([
      { value: 1_000_000_000, unit: 'USD', qualifier: 'AT_LEAST', itemCount: null, items: [], ...stated },
      {
        value: 135,
        unit: 'products',
        qualifier: 'APPROXIMATE',
        itemCount: null,
        items: ['chilled meat products', 'fish', 'poultry', 'pork', 'eggs', 'horsemeat'],
        ...stated,
      },
    ]);
  });

  it("finds the interregional agreements among Xinjiang's documents, and all four among China's", async () => {
    const result = await harness.run<{
      xinjiang: { nodes: { id: string; kind: string; parties: { id: string }[] }[] };
      china: { nodes: { id: string }[] };
    }>(`{
      xinjiang: documents(filter: { region: "region:cn-xj" }) { nodes { id kind parties { ... on Region { id } } } }
      china: documents(filter: { region: "region:cn" }) { nodes { id } }
    }`);
    expect(result.errors).toBeUndefined();
    // Interregional: between Kazakhstan and the region the dialogue is named after.
    const xinjiang = result.data?.xinjiang.nodes.map((node) => ({
      ...node,
      parties: node.parties.map((party) => party.id).sort(),
    }));
    expect(xinjiang).toEqual([
      {
        id: 'doc:kz-xuar-dialogue-2-interregional',
        kind: 'INTERREGIONAL_AGREEMENT',
        parties: ['region:cn-xj', 'region:kz'],
      },
    ]);
    // Xinjiang is part of China, so China's documents include them, beside those binding China.
    expect(result.data?.china.nodes.map((node) => node.id).sort()).toEqual([
      'doc:kz-xuar-dialogue-2-commercial',
      'doc:kz-xuar-dialogue-2-documents',
      'doc:kz-xuar-dialogue-2-interregional',
      'doc:kz-xuar-dialogue-2-memoranda',
    ]);
  });

  it('answers the 2022 trade figures', async () => {
    const result = await harness.run<{
      figures: {
        nodes: { metric: string; value: number; changePercent: number | null; changeFactor: number | null }[];
      };
    }>(exampleOperation('TradeFigures').document);
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.figures.nodes.map(({ metric, value, changePercent, changeFactor }) => ({
      metric,
      value,
      changePercent,
      changeFactor,
    }));
    expect(nodes).toEqual([
      { metric: 'TRADE_VOLUME', value: 24e9, changePercent: null, changeFactor: null },
      { metric: 'EXPORTS', value: 13e9, changePercent: null, changeFactor: 3 },
      { metric: 'IMPORTS', value: 11e9, changePercent: 33.5, changeFactor: null },
    ]);
  });

  it('answers the signings at the forum: none, since the source names no signatories', async () => {
    const result = await harness.run<{ signings: { totalCount: number } }>(exampleOperation('ForumSignings').document);
    expect(result.errors).toBeUndefined();
    expect(result.data?.signings.totalCount).toBe(0);
  });

  it('answers how Ma Xingrui and Serik Zhumangarin are connected: his visit, held alongside the dialogue', async () => {
    const result = await harness.run<{
      path: { length: number; paths: { nodes: { name: string }[]; steps: { tie: { type: string } }[] }[] };
    }>(exampleOperation('ShortestPath').document);
    expect(result.errors).toBeUndefined();
    expect(result.data?.path.length).toBe(3);
    expect(result.data?.path.paths[0]?.nodes.map((node) => node.name)).toEqual([
      'Ma Xingrui',
      'Visit of Ma Xingrui to Kazakhstan',
      expect.stringMatching(/^Second friendly dialogue/),
      'Serik Zhumangarin',
    ]);
    expect(result.data?.path.paths[0]?.steps.map((step) => step.tie.type)).toEqual([
      'ATTENDED',
      'HELD_ALONGSIDE',
      'ATTENDED',
    ]);
  });

  it('answers what ties Serik Zhumangarin to Kazakhstan, by kind, each tie with its source', async () => {
    const result = await harness.run<{
      ties: {
        connected: boolean;
        groups: { kind: string; total: number; connections: { ties: { sources: unknown[] }[] }[] }[];
      };
    }>(exampleOperation('TiesBetween').document);
    expect(result.errors).toBeUndefined();
    expect(result.data?.ties.connected).toBe(true);
    const kinds = result.data?.ties.groups.map((group) => group.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ACTED_FOR', 'SHARED_FORUM', 'SHARED_ORGANIZATION']));
    for (const group of result.data?.ties.groups ?? []) {
      expect(group.connections.length).toBeLessThanOrEqual(3);
      for (const connection of group.connections) {
        for (const tie of connection.ties) expect(tie.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it('answers the graph around Xinjiang, two ties out', async () => {
    const result = await harness.run<{
      neighborhood: { nodes: { id: string; depth: number }[]; edges: { source: string; target: string }[] };
    }>(exampleOperation('Neighborhood').document);
    expect(result.errors).toBeUndefined();
    const depths = Object.fromEntries(result.data?.neighborhood.nodes.map((node) => [node.id, node.depth]) ?? []);
    expect(depths).toMatchObject({
      'region:cn-xj': 0,
      'region:cn': 1,
      'forum:kz-xuar-cross-border-dialogue-2': 1,
      'doc:kz-xuar-dialogue-2-commercial': 2,
    });
    expect(result.data?.neighborhood.edges).toContainEqual(
      expect.objectContaining({ source: 'region:cn-xj', target: 'region:cn' }),
    );
  });

  it('answers how many documents of each kind the forum saw, and their value', async () => {
    const result = await harness.run<{
      documentStats: {
        rows: { key: string; documentCount: number; totalValue: { currency: string; amount: number }[] }[];
        total: { documentCount: number };
      };
    }>(exampleOperation('DocumentsByKind').document);
    expect(result.errors).toBeUndefined();
    const rows = result.data?.documentStats.rows.map(({ key, documentCount, totalValue }) => ({
      key,
      documentCount,
      totalValue,
    }));
    expect(rows).toEqual(
      expect.arrayContaining([
        { key: 'INTERREGIONAL_AGREEMENT', documentCount: 6, totalValue: [] },
        { key: 'MEMORANDUM_OF_UNDERSTANDING', documentCount: 5, totalValue: [] },
        {
          key: 'COMMERCIAL_AGREEMENT',
          documentCount: 5,
          totalValue: [expect.objectContaining({ currency: 'USD', amount: 565_000_000 })],
        },
      ]),
    );
    expect(result.data?.documentStats.total.documentCount).toBe(16);
  });

  it('answers the 2022 trade figures per metric and year, as the example operation asks', async () => {
    const result = await harness.run<{
      figureStats: {
        rows: { key: string; figureCount: number; values: { unit: string; sum: number; exact: boolean }[] }[];
        total: { figureCount: number };
      };
    }>(exampleOperation('TradeFiguresByYear').document);
    expect(result.errors).toBeUndefined();
    expect(result.data?.figureStats.rows).toEqual([
      {
        key: 'EXPORTS×2022',
        label: 'Exports × 2022',
        figureCount: 1,
        values: [expect.objectContaining({ unit: 'USD', sum: 13e9, exact: true })],
      },
      {
        key: 'IMPORTS×2022',
        label: 'Imports × 2022',
        figureCount: 1,
        values: [expect.objectContaining({ unit: 'USD', sum: 11e9, exact: true })],
      },
      {
        key: 'TRADE_VOLUME×2022',
        label: 'Trade volume × 2022',
        figureCount: 1,
        values: [expect.objectContaining({ unit: 'USD', sum: 24e9, exact: true })],
      },
    ]);
    expect(result.data?.figureStats.total.figureCount).toBe(3);
  });

  it('answers how many documents cover each sector, saying that the rows share them', async () => {
    const result = await harness.run<{
      documentStats: {
        rows: { key: string; documentCount: number; shared: boolean }[];
        total: { documentCount: number };
      };
    }>(exampleOperation('DocumentsBySector').document);
    expect(result.errors).toBeUndefined();
    const rows = result.data?.documentStats.rows ?? [];
    expect(rows).toHaveLength(8);
    expect(rows.every((row) => row.documentCount === 16 && row.shared)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.documentCount, 0)).toBe(128);
    expect(result.data?.documentStats.total.documentCount).toBe(16);
  });

  it('ties every fact to its source and paragraph', async () => {
    const result = await harness.run<{
      figure: { sources: { sourceId: string; locator: string }[] };
      region: { parent: { name: string } };
    }>(`{
      figure(id: "figure:kz-cn-trade-2022") { sources { sourceId locator } }
      region(id: "region:cn-xj") { parent { name } }
    }`);
    expect(result.data?.figure.sources).toEqual([
      { sourceId: 'source:commonspace-2023-03-kz-cn-agreements', locator: '¶6' },
    ]);
    expect(result.data?.region.parent.name).toBe('China');
  });

  it('loads idempotently: seeding again changes nothing', async () => {
    const before = await harness.fingerprint();
    await harness.seed();
    expect(await harness.fingerprint()).toEqual(before);
  });
});
