import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

interface Totals {
  documentCount: number;
  entryCount: number;
  totalValue: { currency: string; amount: number; entryCount: number; exact: boolean }[];
}
interface StatsResult {
  documentStats: {
    groupBy: string;
    rows: (Totals & { key: string; label: string; labels: string[]; entities: { id: string }[] })[];
    total: Totals;
  };
}

const STATS = `
  query ($groupBy: DocumentStatsGroupBy!, $filter: DocumentStatsFilter, $countries: Boolean) {
    documentStats(groupBy: $groupBy, filter: $filter, countries: $countries) {
      groupBy
      rows {
        key label labels entities { id }
        documentCount entryCount totalValue { currency amount entryCount exact }
      }
      total { documentCount entryCount totalValue { currency amount entryCount exact } }
    }
  }`;

const FORUM = 'forum:kz-xuar-cross-border-dialogue-2';

/** Two agreements between Xinjiang and Kazakhstan, undated, of an approximate value in euros. */
const BORDER_TRADE_REPORT = {
  source: { id: 'source:test-stats', name: 'Stats test source' },
  entities: [
    {
      ref: 'agreements',
      document: {
        id: 'doc:test-border-trade',
        kind: 'AGREEMENT',
        count: 2,
        value: { amount: 10_000_000, currency: 'EUR', qualifier: 'APPROXIMATE' },
      },
    },
  ],
  ties: [
    { type: 'BINDS', from: 'agreements', to: 'region:cn-xj' },
    { type: 'BINDS', from: 'agreements', to: 'region:kz' },
    { type: 'COVERS', from: 'agreements', to: 'sector:energy' },
  ],
};

describe('documentStats: document counts and values, grouped', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    await ingest(harness, BORDER_TRADE_REPORT);
  });

  afterAll(async () => {
    await harness.close();
  });

  async function stats(groupBy: string, filter?: Record<string, unknown>, countries?: boolean) {
    // An absent variable takes the argument's default; an undefined one would be sent as null.
    const variables = Object.fromEntries(
      Object.entries({ groupBy, filter, countries }).filter(([, value]) => value !== undefined),
    );
    const result = await harness.run<StatsResult>(STATS, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.documentStats;
  }

  const counts = (found: StatsResult['documentStats']) =>
    found.rows.map((row) => [row.key, row.documentCount, row.entryCount]);

  describe('the seed forum', () => {
    it('counts the documents by kind, without counting the package on top of its parts', async () => {
      const found = await stats('KIND', { forum: FORUM });
      expect(counts(found)).toEqual([
        ['INTERREGIONAL_AGREEMENT', 6, 1],
        ['COMMERCIAL_AGREEMENT', 5, 1],
        ['MEMORANDUM_OF_UNDERSTANDING', 5, 1],
      ]);
      expect(found.rows.map((row) => row.label)).toEqual([
        'Interregional agreement',
        'Commercial agreement',
        'Memorandum of understanding',
      ]);
      expect(found.rows[1]?.totalValue).toEqual([{ currency: 'USD', amount: 565_000_000, entryCount: 1, exact: true }]);
      expect(found.total).toEqual({
        documentCount: 16,
        entryCount: 3,
        totalValue: [{ currency: 'USD', amount: 565_000_000, entryCount: 1, exact: true }],
      });
    });

    it('gives every part the sectors of its package', async () => {
      const found = await stats('SECTOR', { forum: FORUM });
      expect(found.rows).toHaveLength(8);
      for (const row of found.rows) {
        expect([row.documentCount, row.entryCount]).toEqual([16, 3]);
        expect(row.entities).toEqual([{ id: row.key }]);
      }
      expect(found.rows.map((row) => row.label)).toContain('Food industry');
      // A document in eight sectors is one document in the total.
      expect(found.total.documentCount).toBe(16);
    });

    it('counts China–Kazakhstan as a region pair of 16 documents, Xinjiang–Kazakhstan as one of 6', async () => {
      const found = await stats('REGION_PAIR', { forum: FORUM });
      // The interregional agreements bind Xinjiang and share their package's China: they count
      // in both pairs, and China–Xinjiang (a region and its part) is no pair.
      expect(found.rows).toEqual([
        {
          key: 'region:cn|region:kz',
          label: 'China – Kazakhstan',
          labels: ['China', 'Kazakhstan'],
          entities: [{ id: 'region:cn' }, { id: 'region:kz' }],
          documentCount: 16,
          entryCount: 3,
          totalValue: [{ currency: 'USD', amount: 565_000_000, entryCount: 1, exact: true }],
        },
        {
          key: 'region:cn-xj|region:kz',
          label: 'Xinjiang Uygur Autonomous Region – Kazakhstan',
          labels: ['Xinjiang Uygur Autonomous Region', 'Kazakhstan'],
          entities: [{ id: 'region:cn-xj' }, { id: 'region:kz' }],
          documentCount: 6,
          entryCount: 1,
          totalValue: [],
        },
      ]);
      expect(counts(await stats('REGION_PAIR', { forum: FORUM }, true))).toEqual([['region:cn|region:kz', 16, 3]]);
    });

    it('counts them by year', async () => {
      expect(counts(await stats('YEAR', { forum: FORUM }))).toEqual([['2023', 16, 3]]);
    });
  });

  describe('the whole graph', () => {
    it('pairs regions as bound, or rolled up to their countries', async () => {
      expect(counts(await stats('REGION_PAIR'))).toEqual([
        ['region:cn|region:kz', 16, 3],
        ['region:cn-xj|region:kz', 8, 2],
      ]);
      expect((await stats('REGION_PAIR')).rows[1]?.label).toBe('Xinjiang Uygur Autonomous Region – Kazakhstan');
      expect(counts(await stats('REGION_PAIR', undefined, true))).toEqual([['region:cn|region:kz', 18, 4]]);
    });

    it('puts undated documents last by year', async () => {
      const found = await stats('YEAR');
      expect(counts(found)).toEqual([
        ['2023', 16, 3],
        ['undated', 2, 1],
      ]);
      expect(found.rows[1]?.label).toBe('Undated');
    });

    it('sums values per currency and says when one is not exact', async () => {
      const found = await stats('KIND');
      expect(found.rows.find((row) => row.key === 'AGREEMENT')?.totalValue).toEqual([
        { currency: 'EUR', amount: 10_000_000, entryCount: 1, exact: false },
      ]);
      expect(found.total).toEqual({
        documentCount: 18,
        entryCount: 4,
        totalValue: [
          { currency: 'EUR', amount: 10_000_000, entryCount: 1, exact: false },
          { currency: 'USD', amount: 565_000_000, entryCount: 1, exact: true },
        ],
      });
    });

    it.each<[Record<string, unknown>, number]>([
      [{ region: 'region:cn' }, 18],
      [{ region: 'region:cn-xj' }, 8],
      [{ counterpart: 'region:cn-xj' }, 8],
      [{ region: 'region:kz', counterpart: 'region:cn-xj' }, 8],
      [{ region: 'region:cn', counterpart: 'region:kz' }, 18],
      [{ region: 'region:cn', counterpart: 'region:atlantis' }, 0],
      [{ sector: 'sector:energy' }, 18],
      [{ sector: 'sector:tourism' }, 16],
      [{ kinds: ['COMMERCIAL_AGREEMENT'] }, 5],
      [{ kinds: ['PACKAGE'] }, 0],
      [{ status: 'SIGNED' }, 18],
      [{ dateFrom: '2023-03', dateTo: '2023' }, 16],
      [{ dateFrom: '2024' }, 0],
      [{ forum: 'forum:kz-xuar-cross-border-dialogue' }, 16],
      [{ region: 'region:cn', sector: 'sector:energy', forum: FORUM }, 16],
    ])('filters by %j', async (filter, documentCount) => {
      const found = await stats('KIND', filter);
      expect(found.total.documentCount).toBe(documentCount);
      expect(found.rows.reduce((sum, row) => sum + row.documentCount, 0)).toBe(documentCount);
      expect(found.rows.map((row) => row.key)).not.toContain('PACKAGE');
    });
  });

  it('runs one query for the rows and one more for the total, only when asked for', async () => {
    const rowsOnly = await harness.run(`{ documentStats(groupBy: SECTOR) { rows { label entities { name } } } }`);
    expect(rowsOnly.errors).toBeUndefined();
    expect(rowsOnly.context.db.queryCount).toBe(1);
    const withTotal = await harness.run(
      `{ documentStats(groupBy: SECTOR) { rows { label } total { documentCount } } }`,
    );
    expect(withTotal.context.db.queryCount).toBe(2);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ region: 'China' }, '^filter.region: '],
    [{ dateTo: '2023-13' }, '^filter.dateTo: '],
  ])('rejects the filter %j', async (filter, message) => {
    const result = await harness.run(STATS, { groupBy: 'KIND', filter });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
  });

  // Last: it adds documents to the graph the tests above count.
  describe('a reported group whose parts are not in the graph', () => {
    const SUMMIT = 'forum:stats-summit';
    beforeAll(async () => {
      await ingest(harness, {
        source: { id: 'source:test-stats-package', name: 'Stats package test source' },
        entities: [
          { ref: 'summit', forum: { id: SUMMIT, name: 'Stats summit', kind: 'SUMMIT', date: '2024-06-01' } },
          // "Seven documents were signed", and nothing more about them.
          { ref: 'seven', document: { id: 'doc:stats-seven', kind: 'PACKAGE', count: 7, signedOn: '2024-06-01' } },
          // "Three agreements, one of them on energy, which is listed": a package with one part.
          { ref: 'three', document: { id: 'doc:stats-three', kind: 'PACKAGE', count: 3, signedOn: '2024-06-01' } },
          { ref: 'one', document: { id: 'doc:stats-one', kind: 'AGREEMENT', signedOn: '2024-06-01' } },
        ],
        ties: [
          { type: 'SIGNED_AT', from: 'seven', to: 'summit' },
          { type: 'SIGNED_AT', from: 'three', to: 'summit' },
          { type: 'PART_OF', from: 'one', to: 'three' },
          { type: 'BINDS', from: 'seven', to: 'region:kz' },
        ],
      });
    });

    it('counts the package itself, once, and a package with parts only through its parts', async () => {
      const found = await stats('KIND', { forum: SUMMIT });
      expect(counts(found)).toEqual([
        ['PACKAGE', 7, 1],
        ['AGREEMENT', 1, 1],
      ]);
      expect(found.total.documentCount).toBe(8);
      expect((await stats('KIND', { kinds: ['PACKAGE'] })).total.documentCount).toBe(7);
      // The seed's package of 16 still counts only through its parts.
      expect((await stats('KIND', { forum: FORUM })).total.documentCount).toBe(16);
      expect((await stats('KIND', { region: 'region:kz', dateFrom: '2024' })).total.documentCount).toBe(7);
    });
  });
});
