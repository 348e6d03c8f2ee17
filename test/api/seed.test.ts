import { Harness } from '../support/harness';

/**
 * The founding example's questions, answered through the API from the seed graph. These are the
 * README's example queries.
 */
describe('seed graph: the second Kazakhstan–Xinjiang dialogue', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    await harness.seed();
  });

  afterAll(async () => {
    await harness.close();
  });

  const FORUM = 'forum:kz-xuar-cross-border-dialogue-2';

  it('answers which documents were signed at the forum, of which kinds, how many and their stated value', async () => {
    const result = await harness.run<{
      forum: {
        name: string;
        date: { value: string; precision: string };
        documents: {
          kind: string;
          count: number;
          title: string | null;
          value: { amount: number; currency: string } | null;
        }[];
      };
    }>(
      `query ($id: ID!) {
        forum(id: $id) {
          name
          date { value precision }
          documents { kind count title value { amount currency } }
        }
      }`,
      { id: FORUM },
    );
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
    expect(commercial?.value).toEqual({ amount: 565_000_000, currency: 'USD' });
    // Unnamed groups keep no invented title.
    expect(forum?.documents.every((document) => document.title === null)).toBe(true);
  });

  it('answers which sectors the documents cover', async () => {
    const result = await harness.run<{ document: { sectors: { name: string }[] } }>(
      `{ document(id: "doc:kz-xuar-dialogue-2-documents") { sectors { name } } }`,
    );
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
    }>(
      `query ($id: ID!) {
        forum(id: $id) {
          attendance {
            role
            from { name ... on Official { positions { title to { name } } } }
            onBehalfOf { ... on Region { name } ... on Organization { name } }
          }
        }
      }`,
      { id: FORUM },
    );
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

  it('answers what Kazakhstan offered to export, and its value', async () => {
    const result = await harness.run<{
      figures: {
        nodes: {
          value: number;
          unit: string;
          qualifier: string;
          itemCount: number;
          items: string[];
          from: { name: string };
          to: { name: string };
          statedBy: { name: string };
        }[];
      };
    }>(
      `{
        figures(filter: { metric: EXPORT_OFFER }) {
          nodes {
            value unit qualifier itemCount items
            from { ... on Region { name } }
            to { ... on Region { name } }
            statedBy { name }
          }
        }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.figures.nodes).toEqual([
      {
        value: 1_000_000_000,
        unit: 'USD',
        qualifier: 'AT_LEAST',
        itemCount: 135,
        items: ['chilled meat products', 'fish', 'poultry', 'pork', 'eggs', 'horsemeat'],
        from: { name: 'Kazakhstan' },
        to: { name: 'China' },
        statedBy: { name: 'Serik Zhumangarin' },
      },
    ]);
  });

  it('answers the 2022 trade figures', async () => {
    const result = await harness.run<{
      figures: {
        nodes: { metric: string; value: number; changePercent: number | null; changeFactor: number | null }[];
      };
    }>(
      `{
        figures(filter: { region: "region:kz", dateFrom: "2022", dateTo: "2022" }, orderBy: VALUE_DESC) {
          nodes { metric value changePercent changeFactor }
        }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.figures.nodes).toEqual([
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
