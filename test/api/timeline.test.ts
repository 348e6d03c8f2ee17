import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

/**
 * K holds K1. The events, with what each answer below expects of them:
 *
 *   t1   2019-04-10  binds K, P; 2 documents, USD 100
 *   t2   2019        binds K1, Q and K itself; about EUR 50 (known only to the year)
 *   g1   2019-04     forum held in K, involving P and Q
 *   t3   2021-04-02  binds K, P; USD 10
 *   pkg  2021-04     a group of 5 binding K and R, with one part listed, t4 (2021-04): only t4 counts
 *   h1   2021        figure between K and Q
 *   h2   2021-05     figure between K1 and R
 *   t5   undated     binds K, R
 */
const REPORT = {
  source: { id: 'source:timeline-test', name: 'Timeline test source' },
  entities: [
    { ref: 'k', region: { id: 'region:tl-k', name: 'Timeland K', kind: 'COUNTRY' } },
    { ref: 'k1', region: { id: 'region:tl-k1', name: 'Timeland K1', kind: 'SUBNATIONAL' } },
    { ref: 'p', region: { id: 'region:tl-p', name: 'Timeland P', kind: 'COUNTRY' } },
    { ref: 'q', region: { id: 'region:tl-q', name: 'Timeland Q', kind: 'COUNTRY' } },
    { ref: 'r', region: { id: 'region:tl-r', name: 'Timeland R', kind: 'COUNTRY' } },
    {
      ref: 't1',
      document: {
        id: 'doc:tl-t1',
        kind: 'AGREEMENT',
        count: 2,
        signedOn: '2019-04-10',
        value: { amount: 100, currency: 'USD' },
      },
    },
    {
      ref: 't2',
      document: {
        id: 'doc:tl-t2',
        kind: 'AGREEMENT',
        signedOn: '2019',
        value: { amount: 50, currency: 'EUR', qualifier: 'APPROXIMATE' },
      },
    },
    { ref: 'g1', forum: { id: 'forum:tl-g1', name: 'Timeline forum', kind: 'MEETING', date: '2019-04' } },
    {
      ref: 't3',
      document: {
        id: 'doc:tl-t3',
        kind: 'MEMORANDUM_OF_UNDERSTANDING',
        signedOn: '2021-04-02',
        value: { amount: 10, currency: 'USD' },
      },
    },
    { ref: 'pkg', document: { id: 'doc:tl-pkg', kind: 'PACKAGE', count: 5, signedOn: '2021-04' } },
    { ref: 't4', document: { id: 'doc:tl-t4', kind: 'AGREEMENT', signedOn: '2021-04' } },
    {
      ref: 'h1',
      figure: { id: 'figure:tl-h1', metric: 'TRADE_VOLUME', value: 7, unit: 'USD', period: '2021' },
    },
    {
      ref: 'h2',
      figure: { id: 'figure:tl-h2', metric: 'EXPORTS', value: 3, unit: 'USD', period: '2021-05' },
    },
    { ref: 't5', document: { id: 'doc:tl-t5', kind: 'AGREEMENT' } },
  ],
  ties: [
    { type: 'PART_OF', from: 'k1', to: 'k' },
    { type: 'BINDS', from: 't1', to: 'k' },
    { type: 'BINDS', from: 't1', to: 'p' },
    { type: 'BINDS', from: 't2', to: 'k1' },
    { type: 'BINDS', from: 't2', to: 'q' },
    { type: 'BINDS', from: 't2', to: 'k' },
    { type: 'HELD_IN', from: 'g1', to: 'k' },
    { type: 'INVOLVES', from: 'g1', to: 'p' },
    { type: 'INVOLVES', from: 'g1', to: 'q' },
    { type: 'BINDS', from: 't3', to: 'k' },
    { type: 'BINDS', from: 't3', to: 'p' },
    { type: 'BINDS', from: 'pkg', to: 'k' },
    { type: 'BINDS', from: 'pkg', to: 'r' },
    { type: 'PART_OF', from: 't4', to: 'pkg' },
    { type: 'BETWEEN', from: 'h1', to: 'k' },
    { type: 'BETWEEN', from: 'h1', to: 'q' },
    { type: 'BETWEEN', from: 'h2', to: 'k1' },
    { type: 'BETWEEN', from: 'h2', to: 'r' },
    { type: 'BINDS', from: 't5', to: 'k' },
    { type: 'BINDS', from: 't5', to: 'r' },
  ],
};

const K = 'region:tl-k';

interface Period {
  key: string;
  precision: string | null;
  documents: {
    documentCount: number;
    entryCount: number;
    totalValue: { currency: string; amount: number; entryCount: number; exact: boolean }[];
  };
  forumCount: number;
  forums: { id: string }[];
  figureCount: number;
  figures: { id: string }[];
  newCounterpartCount: number;
  newCounterparts: { id: string }[];
}

const TIMELINE = `
  query ($id: ID!, $groupBy: TimelineGroupBy, $tieTypes: [TieType!], $counterpart: ID, $limit: Int) {
    timeline(id: $id, groupBy: $groupBy, tieTypes: $tieTypes, counterpart: $counterpart, limit: $limit) {
      entity { id }
      counterpart { id }
      groupBy
      tieTypes
      periods {
        key precision
        documents { documentCount entryCount totalValue { currency amount entryCount exact } }
        forumCount forums { id }
        figureCount figures { id }
        newCounterpartCount newCounterparts { id }
      }
    }
  }`;

/** A period in short: [key, documents, entries, forums, figures, new counterparts]. */
const brief = (period: Period) => [
  period.key,
  period.documents.documentCount,
  period.documents.entryCount,
  period.forums.map((forum) => forum.id),
  period.figures.map((figure) => figure.id),
  period.newCounterparts.map((counterpart) => counterpart.id),
];

describe('timeline: an entity period by period', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    await ingest(harness, REPORT);
  });

  afterAll(async () => {
    await harness.close();
  });

  async function timeline(variables: Record<string, unknown>) {
    const result = await harness.run<{
      timeline: { entity: { id: string }; counterpart: { id: string } | null; tieTypes: string[]; periods: Period[] };
    }>(TIMELINE, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.timeline;
  }

  it('groups by year: documents with their values, forums, figures, and counterparts when first met', async () => {
    const found = await timeline({ id: K });
    expect(found.periods.map(brief)).toEqual([
      ['2019', 3, 2, ['forum:tl-g1'], [], ['region:tl-p', 'region:tl-q']],
      ['2021', 2, 2, [], ['figure:tl-h1', 'figure:tl-h2'], ['region:tl-r']],
      ['undated', 1, 1, [], [], []],
    ]);
    expect(found.periods[0]?.documents.totalValue).toEqual([
      { currency: 'EUR', amount: 50, entryCount: 1, exact: false },
      { currency: 'USD', amount: 100, entryCount: 1, exact: true },
    ]);
    expect(found.periods[1]?.documents.totalValue).toEqual([
      { currency: 'USD', amount: 10, entryCount: 1, exact: true },
    ]);
    expect(found.periods.map((period) => period.precision)).toEqual(['YEAR', 'YEAR', null]);
    expect(found.tieTypes).toHaveLength(17);
  });

  it('groups by month, a date known only to the year in a period of its own before the months', async () => {
    const found = await timeline({ id: K, groupBy: 'MONTH' });
    expect(found.periods.map(brief)).toEqual([
      ['2019', 1, 1, [], [], ['region:tl-q']],
      ['2019-04', 2, 1, ['forum:tl-g1'], [], ['region:tl-p']],
      ['2021', 0, 0, [], ['figure:tl-h1'], []],
      ['2021-04', 2, 2, [], [], ['region:tl-r']],
      ['2021-05', 0, 0, [], ['figure:tl-h2'], []],
      ['undated', 1, 1, [], [], []],
    ]);
    expect(found.periods.map((period) => period.precision)).toEqual(['YEAR', 'MONTH', 'YEAR', 'MONTH', 'MONTH', null]);
  });

  it('counts documents as documentStats does for the region', async () => {
    const stats = await harness.run<{ documentStats: { rows: { key: string; documentCount: number }[] } }>(
      `{ documentStats(groupBy: YEAR, filter: { region: "${K}" }) { rows { key documentCount } } }`,
    );
    const found = await timeline({ id: K });
    expect(found.periods.map((period) => ({ key: period.key, documentCount: period.documents.documentCount }))).toEqual(
      stats.data?.documentStats.rows,
    );
  });

  it('keeps to the ties asked for', async () => {
    const found = await timeline({ id: K, tieTypes: ['BINDS'] });
    expect(found.periods.map(brief)).toEqual([
      ['2019', 3, 2, [], [], ['region:tl-p', 'region:tl-q']],
      ['2021', 2, 2, [], [], ['region:tl-r']],
      ['undated', 1, 1, [], [], []],
    ]);
    expect(found.tieTypes).toEqual(['BINDS']);
  });

  it('keeps to what ties a counterpart too', async () => {
    const found = await timeline({ id: K, counterpart: 'region:tl-p' });
    expect(found.counterpart).toEqual({ id: 'region:tl-p' });
    // t1 and g1 in 2019 (g1 also involves Q), t3 in 2021.
    expect(found.periods.map(brief)).toEqual([
      ['2019', 2, 1, ['forum:tl-g1'], [], ['region:tl-p', 'region:tl-q']],
      ['2021', 1, 1, [], [], []],
    ]);
  });

  it('reaches a region within only: what it is within is no counterpart', async () => {
    const found = await timeline({ id: 'region:tl-k1' });
    expect(found.periods.map(brief)).toEqual([
      ['2019', 1, 1, [], [], ['region:tl-q']],
      ['2021', 0, 0, [], ['figure:tl-h2'], ['region:tl-r']],
    ]);
  });

  it('lists up to `limit` and counts all', async () => {
    const found = await timeline({ id: K, limit: 1 });
    expect(found.periods[0]?.newCounterparts).toEqual([{ id: 'region:tl-p' }]);
    expect(found.periods[0]?.newCounterpartCount).toBe(2);
    expect(found.periods[1]?.figures).toHaveLength(1);
    expect(found.periods[1]?.figureCount).toBe(2);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ id: 'region:atlantis' }, 'NOT_FOUND'],
    [{ id: K, counterpart: 'region:atlantis' }, 'NOT_FOUND'],
    [{ id: K, limit: 0 }, 'BAD_USER_INPUT'],
    [{ id: 'Timeland' }, 'BAD_USER_INPUT'],
  ])('refuses %j', async (variables, code) => {
    const result = await harness.run(TIMELINE, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });
});
