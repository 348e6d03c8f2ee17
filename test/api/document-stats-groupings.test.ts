import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

interface Money {
  currency: string;
  amount: number;
  entryCount: number;
  exact: boolean;
}
interface Row {
  key: string;
  keys: string[];
  label: string;
  labels: string[];
  entities: { id: string }[];
  documentCount: number;
  entryCount: number;
  totalValue: Money[];
  shared: boolean;
}
interface StatsResult {
  documentStats: {
    groupBy: string;
    thenBy: string | null;
    orderBy: string;
    rowCount: number;
    rows: Row[];
    total: { documentCount: number; entryCount: number };
  };
}

const STATS = `
  query (
    $groupBy: DocumentStatsGroupBy!
    $thenBy: DocumentStatsGroupBy
    $orderBy: DocumentStatsOrder
    $first: Int
    $filter: DocumentStatsFilter
    $countries: Boolean
    $organizationRegions: Boolean
  ) {
    documentStats(
      groupBy: $groupBy
      thenBy: $thenBy
      orderBy: $orderBy
      first: $first
      filter: $filter
      countries: $countries
      organizationRegions: $organizationRegions
    ) {
      groupBy thenBy orderBy rowCount
      rows {
        key keys label labels entities { id }
        documentCount entryCount totalValue { currency amount entryCount exact } shared
      }
      total { documentCount entryCount }
    }
  }`;

const SOURCE_A = 'source:test-groupings-a';
const SOURCE_B = 'source:test-groupings-b';
const SEED_SOURCE = 'source:commonspace-2023-03-kz-cn-agreements';
const INVESTOR = 'org:test-groupings-investor';
const SUMMIT = 'forum:test-groupings-summit';
const DIALOGUE = 'forum:kz-xuar-cross-border-dialogue-2';

const LOAN = {
  id: 'doc:test-groupings-loan',
  kind: 'CONTRACT',
  count: 1,
  signedOn: '2024',
  value: { amount: 50_000_000, currency: 'USD' },
};

/**
 * On top of the seed (its package of 16 counts through its parts: 6 interregional agreements
 * binding Xinjiang and Kazakhstan, 5 memoranda and 5 commercial agreements worth $565m binding
 * China and Kazakhstan, with the package's China, 8 sectors and dialogue), source A states:
 * - a loan (1 document, dated to 2024 only, $50m): the investor LENDER, Kazakhstan BORROWER, energy;
 * - an investment (3 documents, 2024-05-20, €20m) at a summit: the investor INVESTOR, Kazakhstan
 *   without a role, mining.
 * The investor is based in Xinjiang. Source B states the loan again, and 2 memoranda of 2023-03
 * binding Xinjiang and Kazakhstan, without sector, forum or value.
 *
 * So 22 documents in 6 entries: interregional 6, memoranda 5, commercial 5, loan 1, investment 3,
 * memoranda of B 2.
 */
const REPORT_A = {
  source: { id: SOURCE_A, name: 'Groupings source A' },
  entities: [
    { ref: 'investor', organization: { id: INVESTOR, name: 'Groupings Investor LLC', kind: 'COMPANY' } },
    { ref: 'summit', forum: { id: SUMMIT, name: 'Groupings summit', kind: 'SUMMIT', date: '2024-05-20' } },
    { ref: 'loan', document: LOAN },
    {
      ref: 'investment',
      document: {
        id: 'doc:test-groupings-investment',
        kind: 'COMMERCIAL_AGREEMENT',
        count: 3,
        signedOn: '2024-05-20',
        value: { amount: 20_000_000, currency: 'EUR' },
      },
    },
  ],
  ties: [
    { type: 'BASED_IN', from: 'investor', to: 'region:cn-xj' },
    { type: 'BINDS', from: 'loan', to: 'investor', role: 'LENDER' },
    { type: 'BINDS', from: 'loan', to: 'region:kz', role: 'BORROWER' },
    { type: 'COVERS', from: 'loan', to: 'sector:energy' },
    { type: 'BINDS', from: 'investment', to: 'investor', role: 'INVESTOR' },
    { type: 'BINDS', from: 'investment', to: 'region:kz' },
    { type: 'COVERS', from: 'investment', to: 'sector:mining' },
    { type: 'SIGNED_AT', from: 'investment', to: 'summit' },
  ],
};

const REPORT_B = {
  source: { id: SOURCE_B, name: 'Groupings source B' },
  entities: [
    { ref: 'loan', document: LOAN },
    {
      ref: 'memoranda',
      document: {
        id: 'doc:test-groupings-memoranda',
        kind: 'MEMORANDUM_OF_UNDERSTANDING',
        count: 2,
        signedOn: '2023-03',
      },
    },
  ],
  ties: [
    { type: 'BINDS', from: 'memoranda', to: 'region:cn-xj' },
    { type: 'BINDS', from: 'memoranda', to: 'region:kz' },
  ],
};

const USD = (amount: number, entryCount = 1): Money => ({ currency: 'USD', amount, entryCount, exact: true });
const EUR = (amount: number, entryCount = 1): Money => ({ currency: 'EUR', amount, entryCount, exact: true });

describe('documentStats: more groupings, a second grouping, order and length, the source filter', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    await ingest(harness, REPORT_A);
    await ingest(harness, REPORT_B);
  });

  afterAll(async () => {
    await harness.close();
  });

  async function run(groupBy: string, args: Record<string, unknown> = {}) {
    return harness.run<StatsResult>(STATS, { groupBy, ...args });
  }

  async function stats(groupBy: string, args: Record<string, unknown> = {}) {
    const result = await run(groupBy, args);
    expect(result.errors).toBeUndefined();
    return result.data!.documentStats;
  }

  /** Key, documents, entries and whether the row shares a document with another. */
  const counts = (found: StatsResult['documentStats']) =>
    found.rows.map((row) => [row.key, row.documentCount, row.entryCount, row.shared]);

  it('counts 22 documents in 6 entries in all', async () => {
    expect((await stats('KIND')).total).toEqual({ documentCount: 22, entryCount: 6 });
  });

  describe('REGION', () => {
    it('counts each region bound, by the document or its group', async () => {
      const found = await stats('REGION');
      // Kazakhstan binds all six; China the seed's parts through their package; Xinjiang the
      // interregional agreements and B's memoranda.
      expect(counts(found)).toEqual([
        ['region:kz', 22, 6, true],
        ['region:cn', 16, 3, true],
        ['region:cn-xj', 8, 2, true],
      ]);
      expect(found.rows[0]).toMatchObject({
        keys: ['region:kz'],
        label: 'Kazakhstan',
        labels: ['Kazakhstan'],
        entities: [{ id: 'region:kz' }],
        totalValue: [EUR(20_000_000), USD(615_000_000, 2)],
      });
      expect(found.rows[1]?.totalValue).toEqual([USD(565_000_000)]);
      expect(found.rows[2]?.totalValue).toEqual([]);
    });

    it('rolls Xinjiang up to China with countries', async () => {
      expect(counts(await stats('REGION', { countries: true }))).toEqual([
        ['region:kz', 22, 6, true],
        ['region:cn', 18, 4, true],
      ]);
    });

    it('counts the region of a bound organization with organizationRegions, once where it is bound too', async () => {
      // The loan and the investment bind the investor, based in Xinjiang.
      const found = await stats('REGION', { organizationRegions: true });
      expect(counts(found)).toEqual([
        ['region:kz', 22, 6, true],
        ['region:cn', 16, 3, true],
        ['region:cn-xj', 12, 4, true],
      ]);
      expect(found.rows[2]?.totalValue).toEqual([EUR(20_000_000), USD(50_000_000)]);
      // As countries, every document is China's: the interregional agreements (Xinjiang, and the
      // package's China) and the investor's documents count once.
      expect(counts(await stats('REGION', { organizationRegions: true, countries: true }))).toEqual([
        ['region:cn', 22, 6, true],
        ['region:kz', 22, 6, true],
      ]);
    });
  });

  it('ORGANIZATION: each organization bound; documents binding none are in no row', async () => {
    const found = await stats('ORGANIZATION');
    expect(counts(found)).toEqual([[INVESTOR, 4, 2, false]]);
    expect(found.rows[0]).toMatchObject({
      label: 'Groupings Investor LLC',
      entities: [{ id: INVESTOR }],
      totalValue: [EUR(20_000_000), USD(50_000_000)],
    });
    expect(found.total.documentCount).toBe(22);
  });

  it('FORUM: the forum signed at, through the group, and one "none" row for the rest', async () => {
    const found = await stats('FORUM');
    // The summit and "none" have 3 each, in label order: "Groupings summit" before "No forum".
    expect(counts(found)).toEqual([
      [DIALOGUE, 16, 3, false],
      [SUMMIT, 3, 1, false],
      ['none', 3, 2, false],
    ]);
    expect(found.rows.map((row) => [row.label, row.entities])).toEqual([
      [
        "Second friendly dialogue of cross-border cooperation between the Republic of Kazakhstan and the Xinjiang Uygur Autonomous Region of the People's Republic of China",
        [{ id: DIALOGUE }],
      ],
      ['Groupings summit', [{ id: SUMMIT }]],
      ['No forum', []],
    ]);
    // No row shares a document: the rows add up to the total.
    expect(found.rows.reduce((sum, row) => sum + row.documentCount, 0)).toBe(found.total.documentCount);
  });

  it('SOURCE: each source stating the document', async () => {
    const found = await stats('SOURCE');
    // The loan is stated by both A and B.
    expect(counts(found)).toEqual([
      [SEED_SOURCE, 16, 3, false],
      [SOURCE_A, 4, 2, true],
      [SOURCE_B, 3, 2, true],
    ]);
    expect(found.rows.map((row) => row.label).slice(1)).toEqual(['Groupings source A', 'Groupings source B']);
  });

  it('MONTH: months in time order, a date known only to its year after its months, labelled in words', async () => {
    const found = await stats('MONTH');
    expect(found.orderBy).toBe('KEY_ASC');
    expect(counts(found)).toEqual([
      ['2023-03', 18, 4, false],
      ['2024-05', 3, 1, false],
      ['2024-unknown', 1, 1, false],
    ]);
    expect(found.rows.map((row) => row.label)).toEqual(['March 2023', 'May 2024', '2024 (month unknown)']);
    expect(found.rows.map((row) => row.entities)).toEqual([[], [], []]);
  });

  it('ROLE: each side taken, ties without a role as PARTY', async () => {
    const found = await stats('ROLE');
    // PARTY: the seed's 16, the investment's Kazakhstan (3) and B's memoranda (2).
    expect(counts(found)).toEqual([
      ['PARTY', 21, 5, true],
      ['INVESTOR', 3, 1, true],
      ['BORROWER', 1, 1, true],
      ['LENDER', 1, 1, true],
    ]);
    expect(found.rows.map((row) => row.label)).toEqual(['Party', 'Investor', 'Borrower', 'Lender']);
  });

  describe('thenBy', () => {
    it('YEAR then SECTOR: each sector of each year, by year then sector id', async () => {
      const found = await stats('YEAR', { thenBy: 'SECTOR' });
      expect(found).toMatchObject({ groupBy: 'YEAR', thenBy: 'SECTOR', orderBy: 'KEY_ASC', rowCount: 10 });
      // 2023: the seed's parts in each of the package's 8 sectors (B's memoranda have none);
      // 2024: the loan (energy) and the investment (mining), each in one sector.
      const sectors2023 = [
        'agriculture',
        'construction',
        'energy',
        'engineering',
        'food-industry',
        'investment',
        'mining',
        'tourism',
      ];
      expect(counts(found)).toEqual([
        ...sectors2023.map((sector) => [`2023×sector:${sector}`, 16, 3, true]),
        ['2024×sector:energy', 1, 1, false],
        ['2024×sector:mining', 3, 1, false],
      ]);
      expect(found.rows[8]).toMatchObject({
        keys: ['2024', 'sector:energy'],
        label: '2024 × Energy',
        labels: ['2024', 'Energy'],
        entities: [{ id: 'sector:energy' }],
        totalValue: [USD(50_000_000)],
      });
    });

    it('REGION then KIND: each kind of each region, labelled with both', async () => {
      const found = await stats('REGION', { thenBy: 'KIND' });
      expect(counts(found)).toEqual([
        ['region:kz×COMMERCIAL_AGREEMENT', 8, 2, true],
        ['region:kz×MEMORANDUM_OF_UNDERSTANDING', 7, 2, true],
        ['region:cn×INTERREGIONAL_AGREEMENT', 6, 1, true],
        ['region:kz×INTERREGIONAL_AGREEMENT', 6, 1, true],
        ['region:cn-xj×INTERREGIONAL_AGREEMENT', 6, 1, true],
        ['region:cn×COMMERCIAL_AGREEMENT', 5, 1, true],
        ['region:cn×MEMORANDUM_OF_UNDERSTANDING', 5, 1, true],
        ['region:cn-xj×MEMORANDUM_OF_UNDERSTANDING', 2, 1, true],
        // The loan binds Kazakhstan only (its investor's Xinjiang counts only when asked), and is
        // the only contract: in no other row.
        ['region:kz×CONTRACT', 1, 1, false],
      ]);
      expect(found.rows[0]).toMatchObject({
        keys: ['region:kz', 'COMMERCIAL_AGREEMENT'],
        label: 'Kazakhstan × Commercial agreement',
        labels: ['Kazakhstan', 'Commercial agreement'],
        entities: [{ id: 'region:kz' }],
        totalValue: [EUR(20_000_000), USD(565_000_000)],
      });
    });

    it('FORUM then ROLE, with first', async () => {
      const found = await stats('FORUM', { thenBy: 'ROLE', first: 3 });
      // Also "none" with PARTY (B's memoranda), BORROWER and LENDER (the loan).
      expect(found.rowCount).toBe(6);
      expect(counts(found)).toEqual([
        [`${DIALOGUE}×PARTY`, 16, 3, false],
        [`${SUMMIT}×INVESTOR`, 3, 1, true],
        [`${SUMMIT}×PARTY`, 3, 1, true],
      ]);
    });

    it.each<[string, string, string]>([
      ['SECTOR', 'SECTOR', '^thenBy: must be another grouping than groupBy \\(SECTOR\\)$'],
      ['REGION_PAIR', 'KIND', '^thenBy: cannot combine REGION_PAIR with another grouping'],
      ['YEAR', 'REGION_PAIR', '^thenBy: cannot combine REGION_PAIR with another grouping'],
    ])('refuses %s then %s', async (groupBy, thenBy, message) => {
      const result = await run(groupBy, { thenBy });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
      expect(result.errors?.[0]?.extensions?.problems?.[0]?.field).toBe('thenBy');
    });
  });

  describe('orderBy and first', () => {
    it('orders by count, by default except by dates', async () => {
      const found = await stats('KIND');
      expect(found.orderBy).toBe('COUNT_DESC');
      expect(counts(found)).toEqual([
        ['COMMERCIAL_AGREEMENT', 8, 2, false],
        ['MEMORANDUM_OF_UNDERSTANDING', 7, 2, false],
        ['INTERREGIONAL_AGREEMENT', 6, 1, false],
        ['CONTRACT', 1, 1, false],
      ]);
      expect((await stats('YEAR')).rows.map((row) => row.key)).toEqual(['2023', '2024']);
      expect((await stats('YEAR', { orderBy: 'COUNT_DESC' })).rows.map((row) => row.documentCount)).toEqual([18, 4]);
    });

    it('orders by USD value, then value in any currency, then count', async () => {
      // Commercial: $565m and €20m; contract: $50m; then no value: memoranda (7) before
      // interregional agreements (6).
      const kinds = await stats('KIND', { orderBy: 'VALUE_DESC' });
      expect(kinds.orderBy).toBe('VALUE_DESC');
      expect(kinds.rows.map((row) => row.key)).toEqual([
        'COMMERCIAL_AGREEMENT',
        'CONTRACT',
        'MEMORANDUM_OF_UNDERSTANDING',
        'INTERREGIONAL_AGREEMENT',
      ]);
      // A ($50m and €20m) and B ($50m) have the same USD total: A's 70m in all comes first.
      expect((await stats('SOURCE', { orderBy: 'VALUE_DESC' })).rows.map((row) => row.key)).toEqual([
        SEED_SOURCE,
        SOURCE_A,
        SOURCE_B,
      ]);
      // The summit's €20m comes after "none"'s $50m: USD first.
      expect((await stats('FORUM', { orderBy: 'VALUE_DESC' })).rows.map((row) => row.key)).toEqual([
        DIALOGUE,
        'none',
        SUMMIT,
      ]);
    });

    it('orders by key', async () => {
      expect((await stats('KIND', { orderBy: 'KEY_ASC' })).rows.map((row) => row.key)).toEqual([
        'COMMERCIAL_AGREEMENT',
        'CONTRACT',
        'INTERREGIONAL_AGREEMENT',
        'MEMORANDUM_OF_UNDERSTANDING',
      ]);
      expect((await stats('REGION', { orderBy: 'KEY_ASC' })).rows.map((row) => row.key)).toEqual([
        'region:cn',
        'region:cn-xj',
        'region:kz',
      ]);
    });

    it('lists the first rows, counting them all', async () => {
      const found = await stats('KIND', { first: 2 });
      expect(found.rowCount).toBe(4);
      expect(found.rows.map((row) => row.key)).toEqual(['COMMERCIAL_AGREEMENT', 'MEMORANDUM_OF_UNDERSTANDING']);
      // The total is of every matching document, not of the rows listed.
      expect(found.total.documentCount).toBe(22);
      expect((await stats('KIND', { first: 1000 })).rows).toHaveLength(4);
    });

    it.each([0, -1, 1001])('refuses first: %d', async (first) => {
      const result = await run('KIND', { first });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toBe(`first: must be from 1 to 1000, not ${first}`);
    });
  });

  describe('filter.source', () => {
    it.each<[Record<string, unknown>, number, number]>([
      [{ source: SOURCE_A }, 4, 2],
      [{ source: SOURCE_B }, 3, 2],
      [{ source: SEED_SOURCE }, 16, 3],
      [{ source: 'source:nobody' }, 0, 0],
      // With a filter that anchors the match elsewhere, the source is checked on each document.
      [{ source: SOURCE_B, sector: 'sector:energy' }, 1, 1],
      [{ source: SOURCE_A, region: 'region:kz', kinds: ['COMMERCIAL_AGREEMENT'] }, 3, 1],
      [{ source: SEED_SOURCE, forum: DIALOGUE }, 16, 3],
      [{ source: SOURCE_A, forum: DIALOGUE }, 0, 0],
    ])('counts only the documents of %j', async (filter, documentCount, entryCount) => {
      const found = await stats('KIND', { filter });
      expect(found.total).toEqual({ documentCount, entryCount });
      expect(found.rows.reduce((sum, row) => sum + row.documentCount, 0)).toBe(documentCount);
    });

    it('groups the documents of one source', async () => {
      expect(counts(await stats('SOURCE', { filter: { source: SOURCE_B } }))).toEqual([
        [SOURCE_B, 3, 2, true],
        [SOURCE_A, 1, 1, true],
      ]);
      expect(counts(await stats('MONTH', { filter: { source: SOURCE_B } }))).toEqual([
        ['2023-03', 2, 1, false],
        ['2024-unknown', 1, 1, false],
      ]);
    });

    it('refuses an id that is not a source', async () => {
      const result = await run('KIND', { filter: { source: 'region:kz' } });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/^filter\.source: must be a Source id/);
    });
  });
  it('runs one statement for two groupings', async () => {
    const result = await harness.run(
      `{ documentStats(groupBy: REGION, thenBy: KIND, first: 2) { rows { key shared } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.context.db.queryCount).toBe(1);
  });

  // Last: it adds documents to the graph the tests above count.
  describe('a part stated by one source, of a group stated by another', () => {
    const SOURCE_C = 'source:test-groupings-c';
    const SOURCE_D = 'source:test-groupings-d';
    beforeAll(async () => {
      // C reports "four agreements" and nothing more; D lists one of them.
      await ingest(harness, {
        source: { id: SOURCE_C, name: 'Groupings source C' },
        entities: [{ ref: 'four', document: { id: 'doc:test-groupings-four', kind: 'PACKAGE', count: 4 } }],
        ties: [{ type: 'BINDS', from: 'four', to: 'region:kz' }],
      });
      await ingest(harness, {
        source: { id: SOURCE_D, name: 'Groupings source D' },
        entities: [{ ref: 'one', document: { id: 'doc:test-groupings-one', kind: 'AGREEMENT' } }],
        ties: [{ type: 'PART_OF', from: 'one', to: 'doc:test-groupings-four' }],
      });
    });

    it('counts the part for the source of its group too, and the group only through it', async () => {
      expect((await stats('KIND', { filter: { source: SOURCE_C } })).total).toEqual({
        documentCount: 1,
        entryCount: 1,
      });
      expect(counts(await stats('SOURCE', { filter: { source: SOURCE_D } }))).toEqual([
        [SOURCE_C, 1, 1, true],
        [SOURCE_D, 1, 1, true],
      ]);
    });
  });
});
