import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

interface UnitTotal {
  unit: string;
  figureCount: number;
  sum: number;
  min: number;
  max: number;
  exact: boolean;
}
interface Row {
  key: string;
  keys: string[];
  label: string;
  labels: string[];
  entities: { id: string }[];
  figureCount: number;
  values: UnitTotal[];
  shared: boolean;
}
interface FigureStatsResult {
  figureStats: {
    groupBy: string;
    thenBy: string | null;
    orderBy: string;
    rowCount: number;
    rows: Row[];
    total: { figureCount: number; values: UnitTotal[] };
  };
}

const STATS = `
  query (
    $groupBy: FigureStatsGroupBy!
    $thenBy: FigureStatsGroupBy
    $orderBy: FigureStatsOrder
    $first: Int
    $filter: FigureStatsFilter
    $countries: Boolean
  ) {
    figureStats(
      groupBy: $groupBy
      thenBy: $thenBy
      orderBy: $orderBy
      first: $first
      filter: $filter
      countries: $countries
    ) {
      groupBy thenBy orderBy rowCount
      rows { key keys label labels entities { id } figureCount values { unit figureCount sum min max exact } shared }
      total { figureCount values { unit figureCount sum min max exact } }
    }
  }`;

const SEED_SOURCE = 'source:commonspace-2023-03-kz-cn-agreements';
const OTHER_SOURCE = 'source:test-figure-stats';
const DIALOGUE = 'forum:kz-xuar-cross-border-dialogue-2';

/**
 * On top of the seed's six figures (an export offer of over $1bn and of some 135 products,
 * March 2023, reported at the dialogue; 2022 trade $24bn, imports $11bn, exports $13bn; a border
 * of almost 1,800 km, undated; all concerning Kazakhstan and China), another source states a
 * 2022 trade volume of $25bn between Xinjiang and Kazakhstan and an investment of about €300m in
 * Xinjiang on 20 May 2024. So 8 figures.
 */
const REPORT = {
  source: { id: OTHER_SOURCE, name: 'Figure stats source' },
  entities: [
    {
      ref: 'trade',
      figure: {
        id: 'figure:test-fs-trade-2022',
        name: 'Xinjiang–Kazakhstan trade 2022',
        metric: 'TRADE_VOLUME',
        value: 25_000_000_000,
        unit: 'USD',
        period: '2022',
      },
    },
    {
      ref: 'investment',
      figure: {
        id: 'figure:test-fs-investment-2024',
        name: 'Investment in Xinjiang',
        metric: 'INVESTMENT',
        value: 300_000_000,
        unit: 'EUR',
        qualifier: 'APPROXIMATE',
        period: '2024-05-20',
      },
    },
  ],
  ties: [
    { type: 'BETWEEN', from: 'trade', to: 'region:cn-xj' },
    { type: 'BETWEEN', from: 'trade', to: 'region:kz' },
    { type: 'TO', from: 'investment', to: 'region:cn-xj' },
  ],
};

const usd = (figureCount: number, sum: number, min: number, max: number, exact = true): UnitTotal => ({
  unit: 'USD',
  figureCount,
  sum,
  min,
  max,
  exact,
});
const BN = 1_000_000_000;

describe('figureStats', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    await ingest(harness, REPORT);
  });

  afterAll(async () => {
    await harness.close();
  });

  async function stats(groupBy: string, args: Record<string, unknown> = {}) {
    const result = await harness.run<FigureStatsResult>(STATS, { groupBy, ...args });
    expect(result.errors).toBeUndefined();
    return result.data!.figureStats;
  }

  const counts = (found: FigureStatsResult['figureStats']) =>
    found.rows.map((row) => [row.key, row.figureCount, row.shared]);

  it('groups by metric, most figures first, and sums each unit apart', async () => {
    const found = await stats('METRIC');
    expect(found.orderBy).toBe('COUNT_DESC');
    expect(counts(found)).toEqual([
      ['EXPORT_OFFER', 2, false],
      ['TRADE_VOLUME', 2, false],
      ['BORDER_LENGTH', 1, false],
      ['EXPORTS', 1, false],
      ['IMPORTS', 1, false],
      ['INVESTMENT', 1, false],
    ]);
    const [offer, trade] = found.rows;
    expect(offer?.label).toBe('Export offer');
    // "over $1 billion" is no exact value; the products are counted in their own unit.
    expect(offer?.values).toEqual([
      { unit: 'USD', figureCount: 1, sum: BN, min: BN, max: BN, exact: false },
      { unit: 'products', figureCount: 1, sum: 135, min: 135, max: 135, exact: false },
    ]);
    expect(trade?.values).toEqual([usd(2, 49 * BN, 24 * BN, 25 * BN)]);
    expect(found.total.figureCount).toBe(8);
    expect(found.total.values.map((value) => [value.unit, value.figureCount])).toEqual([
      ['EUR', 1],
      ['USD', 5],
      ['km', 1],
      ['products', 1],
    ]);
  });

  it('groups by year and by period in time order, undated last', async () => {
    const byYear = await stats('YEAR');
    expect(byYear.orderBy).toBe('KEY_ASC');
    expect(counts(byYear)).toEqual([
      ['2022', 4, false],
      ['2023', 2, false],
      ['2024', 1, false],
      ['undated', 1, false],
    ]);
    expect(byYear.rows[0]?.values).toEqual([usd(4, 73 * BN, 11 * BN, 25 * BN)]);
    const byPeriod = await stats('PERIOD');
    expect(byPeriod.rows.map((row) => [row.key, row.label, row.figureCount])).toEqual([
      ['2022', '2022', 4],
      ['2023-03', 'March 2023', 2],
      ['2024-05-20', '20 May 2024', 1],
      ['undated', 'Undated', 1],
    ]);
  });

  it('groups by each region a figure concerns, or by its country', async () => {
    const found = await stats('REGION');
    expect(counts(found)).toEqual([
      ['region:kz', 7, true],
      ['region:cn', 6, true],
      ['region:cn-xj', 2, true],
    ]);
    expect(found.rows[2]?.entities).toEqual([{ id: 'region:cn-xj' }]);
    // Xinjiang counts as China: the trade between Xinjiang and Kazakhstan joins China's six.
    expect(counts(await stats('REGION', { countries: true }))).toEqual([
      ['region:cn', 8, true],
      ['region:kz', 7, true],
    ]);
  });

  it('groups by source and by forum, with a row for figures reported at none', async () => {
    expect(counts(await stats('SOURCE'))).toEqual([
      [SEED_SOURCE, 6, false],
      [OTHER_SOURCE, 2, false],
    ]);
    const byForum = await stats('FORUM');
    expect(byForum.rows.map((row) => [row.key, row.label, row.figureCount])).toEqual([
      ['none', 'No forum', 6],
      [
        DIALOGUE,
        "Second friendly dialogue of cross-border cooperation between the Republic of Kazakhstan and the Xinjiang Uygur Autonomous Region of the People's Republic of China",
        2,
      ],
    ]);
  });

  it('groups within groups, orders by value and lists the first rows', async () => {
    const found = await stats('METRIC', { thenBy: 'YEAR', orderBy: 'VALUE_DESC' });
    expect(found.rows.map((row) => [row.key, row.figureCount])).toEqual([
      ['TRADE_VOLUME×2022', 2],
      ['EXPORTS×2022', 1],
      ['IMPORTS×2022', 1],
      ['EXPORT_OFFER×2023', 2],
      ['INVESTMENT×2024', 1],
      ['BORDER_LENGTH×undated', 1],
    ]);
    expect(found.rows[0]?.label).toBe('Trade volume × 2022');
    const firstTwo = await stats('METRIC', { thenBy: 'YEAR', orderBy: 'VALUE_DESC', first: 2 });
    expect([firstTwo.rows.length, firstTwo.rowCount]).toEqual([2, 6]);
  });

  it("answers the docs' example: Kazakhstan's figures per metric and year", async () => {
    const found = await stats('METRIC', { thenBy: 'YEAR', filter: { region: 'region:kz' } });
    // The seed's six in five rows (the export offer's two units in one), the other source's trade in 2022's.
    expect(counts(found)).toEqual([
      ['EXPORT_OFFER×2023', 2, false],
      ['TRADE_VOLUME×2022', 2, false],
      ['BORDER_LENGTH×undated', 1, false],
      ['EXPORTS×2022', 1, false],
      ['IMPORTS×2022', 1, false],
    ]);
  });

  it.each<[Record<string, unknown>, number]>([
    [{ metrics: ['TRADE_VOLUME'], periodFrom: '2022', periodTo: '2022' }, 2],
    [{ metrics: ['EXPORTS', 'IMPORTS'] }, 2],
    [{ unit: 'km' }, 1],
    [{ region: 'region:cn' }, 8],
    [{ region: 'region:cn-xj' }, 2],
    [{ region: 'region:kz', counterpart: 'region:cn-xj' }, 1],
    [{ source: OTHER_SOURCE }, 2],
    [{ forum: DIALOGUE }, 2],
    [{ forum: 'forum:kz-xuar-cross-border-dialogue' }, 2],
    [{ periodFrom: '2023-03' }, 3],
    [{ periodTo: '2023-02' }, 4],
  ])('filters by %j', async (filter, figureCount) => {
    const found = await stats('METRIC', { filter });
    expect(found.total.figureCount).toBe(figureCount);
    expect(found.rows.reduce((sum, row) => sum + row.figureCount, 0)).toBe(figureCount);
  });

  it('runs one query for the rows and one more for the total, only when asked for', async () => {
    const rowsOnly = await harness.run(`{ figureStats(groupBy: REGION) { rows { label entities { id } } } }`);
    expect(rowsOnly.errors).toBeUndefined();
    expect(rowsOnly.context.db.queryCount).toBe(1);
    const withTotal = await harness.run(`{ figureStats(groupBy: REGION) { rows { label } total { figureCount } } }`);
    expect(withTotal.context.db.queryCount).toBe(2);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ thenBy: 'METRIC' }, '^thenBy: must be another grouping than groupBy \\(METRIC\\)'],
    [{ first: 0 }, '^first: must be from 1 to 1000'],
    [{ filter: { region: 'China' } }, '^filter.region: '],
    [{ filter: { periodFrom: '2023-13' } }, '^filter.periodFrom: '],
  ])('refuses %j', async (args, message) => {
    const result = await harness.run(STATS, { groupBy: 'METRIC', ...args });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
  });
});
