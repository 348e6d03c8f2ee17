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
    // Unnamed groups keep no invented title.
    expect(forum?.documents.every((document) => document.title === null)).toBe(true);
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
