import { Harness } from '../support/harness';

/**
 * The list fields (`regions`, `documents`, …): every filter of every filter input, every order,
 * keyset pagination and its limits, on a small graph built for the purpose.
 */

const ORDERS = ['NAME_ASC', 'NAME_DESC', 'DATE_ASC', 'DATE_DESC', 'VALUE_ASC', 'VALUE_DESC'] as const;

// Ten documents with the same name and only three values and dates, so that every order has
// long runs of equal sort keys for the keyset to get through.
const BULK = Array.from({ length: 10 }, (_, index) => ({
  ref: `bulk-${index}`,
  document: {
    id: `doc:l-bulk-${String(index).padStart(2, '0')}`,
    name: 'Bulk accord',
    kind: 'OTHER',
    signedOn: ['2020', '2020-02', '2020-02-03'][index % 3],
    value: { amount: [50, 50, 75][index % 3], currency: 'USD' },
  },
}));

const REPORT = {
  source: { id: 'source:l-bulletin', name: 'Borduria trade bulletin', publishedOn: '2023-05' },
  entities: [
    { ref: 'aa', region: { id: 'region:l-aa', name: 'Ålandia', aliases: ['Aland Republic'], kind: 'COUNTRY' } },
    { ref: 'aa-north', region: { id: 'region:l-aa-north', name: 'North Ålandia', kind: 'SUBNATIONAL' } },
    { ref: 'nordby', region: { id: 'region:l-nordby', name: 'Nordby', kind: 'CITY' } },
    { ref: 'bb', region: { id: 'region:l-bb', name: 'Borduria', kind: 'COUNTRY' } },
    { ref: 'cc', region: { id: 'region:l-cc', name: 'Carpania', kind: 'SUPRANATIONAL' } },
    { ref: 'aa-gov', organization: { id: 'org:l-aa-gov', name: 'Government of Ålandia', kind: 'GOVERNMENT' } },
    { ref: 'ministry', organization: { id: 'org:l-ministry', name: 'Northern Ministry', kind: 'MINISTRY' } },
    { ref: 'bb-co', organization: { id: 'org:l-bb-co', name: 'Borduria Trading Company', kind: 'COMPANY' } },
    { ref: 'ana', official: { id: 'official:l-ana', name: 'Ána Löwe' } },
    { ref: 'ben', official: { id: 'official:l-ben', name: 'Ben Nord' } },
    { ref: 'cid', official: { id: 'official:l-cid', name: 'Cid Bord' } },
    { ref: 'series', forum: { id: 'forum:l-series', name: 'Ålandia–Borduria dialogue', kind: 'SERIES' } },
    {
      ref: 'ed1',
      forum: { id: 'forum:l-ed1', name: 'First dialogue', kind: 'DIALOGUE', edition: 1, date: '2021-06-15' },
    },
    { ref: 'ed2', forum: { id: 'forum:l-ed2', name: 'Second dialogue', kind: 'DIALOGUE', edition: 2, date: '2022' } },
    { ref: 'summit', forum: { id: 'forum:l-summit', name: 'Carpania summit', kind: 'SUMMIT', date: '2022-09' } },
    { ref: 'energy', sector: { id: 'sector:l-energy', name: 'Energy' } },
    { ref: 'mining', sector: { id: 'sector:l-mining', name: 'Mining' } },
    {
      ref: 'd1',
      document: {
        id: 'doc:l-d1',
        name: 'Energy accord',
        kind: 'AGREEMENT',
        status: 'IN_FORCE',
        signedOn: '2021-06-15',
        value: { amount: 100, currency: 'USD' },
      },
    },
    {
      ref: 'd2',
      document: {
        id: 'doc:l-d2',
        name: 'Mining memorandum',
        kind: 'MEMORANDUM_OF_UNDERSTANDING',
        signedOn: '2022-03',
        value: { amount: 100, currency: 'USD' },
      },
    },
    {
      ref: 'd3',
      document: {
        id: 'doc:l-d3',
        title: 'Trade contract',
        kind: 'CONTRACT',
        signedOn: '2022',
        value: { amount: 250, currency: 'EUR' },
      },
    },
    {
      ref: 'd4',
      document: { id: 'doc:l-d4', kind: 'COMMERCIAL_AGREEMENT', count: 3, status: 'ANNOUNCED', signedOn: '2022-09-10' },
    },
    {
      ref: 'd5',
      document: { id: 'doc:l-d5', name: 'Energy accord', kind: 'TREATY', value: { amount: 5000, currency: 'USD' } },
    },
    ...BULK,
    { ref: 'f1', figure: { id: 'figure:l-f1', metric: 'TRADE_VOLUME', value: 10, unit: 'USD', period: '2021' } },
    { ref: 'f2', figure: { id: 'figure:l-f2', metric: 'EXPORTS', value: 20, unit: 'USD', period: '2022-04' } },
    {
      ref: 'f3',
      figure: { id: 'figure:l-f3', name: 'Northern border', metric: 'BORDER_LENGTH', value: 300, unit: 'km' },
    },
  ],
  ties: [
    { type: 'PART_OF', from: 'aa-north', to: 'aa' },
    { type: 'PART_OF', from: 'nordby', to: 'aa-north' },
    { type: 'BASED_IN', from: 'aa-gov', to: 'aa' },
    { type: 'BASED_IN', from: 'ministry', to: 'aa-north' },
    { type: 'PART_OF', from: 'ministry', to: 'aa-gov' },
    { type: 'BASED_IN', from: 'bb-co', to: 'bb' },
    { type: 'HOLDS', from: 'ana', to: 'aa-gov', title: 'Minister' },
    { type: 'HOLDS', from: 'ben', to: 'ministry', title: 'Director' },
    { type: 'HOLDS', from: 'cid', to: 'bb-co', title: 'Chief executive' },
    { type: 'IN_SERIES', from: 'ed1', to: 'series' },
    { type: 'IN_SERIES', from: 'ed2', to: 'series' },
    { type: 'HELD_IN', from: 'ed1', to: 'nordby' },
    { type: 'HELD_IN', from: 'ed2', to: 'bb' },
    { type: 'INVOLVES', from: 'summit', to: 'cc' },
    { type: 'SIGNED_AT', from: 'd1', to: 'ed1' },
    { type: 'SIGNED_AT', from: 'd2', to: 'ed2' },
    { type: 'SIGNED_AT', from: 'd4', to: 'summit' },
    { type: 'BINDS', from: 'd1', to: 'aa-north' },
    { type: 'BINDS', from: 'd2', to: 'bb' },
    { type: 'BINDS', from: 'd3', to: 'bb-co' },
    { type: 'BINDS', from: 'd5', to: 'aa' },
    { type: 'COVERS', from: 'd1', to: 'energy' },
    { type: 'COVERS', from: 'd2', to: 'mining' },
    { type: 'BETWEEN', from: 'f1', to: 'aa' },
    { type: 'BETWEEN', from: 'f1', to: 'bb' },
    { type: 'FROM', from: 'f2', to: 'aa' },
    { type: 'TO', from: 'f2', to: 'bb' },
    { type: 'BETWEEN', from: 'f2', to: 'aa' },
    { type: 'BETWEEN', from: 'f2', to: 'bb' },
    { type: 'BETWEEN', from: 'f3', to: 'aa-north' },
  ],
};

const INGEST = `mutation ($report: ReportInput!) { ingestReport(report: $report) { sourceId } }`;

interface ListResult {
  nodes: { id: string }[];
  totalCount: number;
}

describe('lists', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    const ingested = await harness.run(INGEST, { report: REPORT });
    expect(ingested.errors).toBeUndefined();
    const archive = await harness.run(
      `mutation { createSource(input: { id: "source:l-archive", name: "Carpanian archive", publishedOn: "2020" }) { id } }`,
    );
    expect(archive.errors).toBeUndefined();
  });

  afterAll(async () => {
    await harness.close();
  });

  /** The ids a list returns for a filter, in the list's default order, and its total count. */
  async function list(field: string, filter: Record<string, unknown>, orderBy = 'NAME_ASC'): Promise<ListResult> {
    const filterType = `${field.charAt(0).toUpperCase()}${field.slice(1, -1)}Filter`;
    const result = await harness.run<Record<string, ListResult>>(
      `query ($filter: ${filterType}, $orderBy: ListOrder) {
        list: ${field}(filter: $filter, orderBy: $orderBy, first: 100) { nodes { id } totalCount }
      }`,
      { filter, orderBy },
      null,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.list!;
  }

  const ids = async (field: string, filter: Record<string, unknown>): Promise<string[]> => {
    const { nodes, totalCount } = await list(field, filter);
    expect(totalCount).toBe(nodes.length);
    return nodes.map((node) => node.id).sort();
  };

  describe('filters', () => {
    it.each([
      // text matches name or alias, ignoring case and accents
      ['regions', { text: 'ÅLAND' }, ['region:l-aa', 'region:l-aa-north']],
      ['regions', { text: 'aland republic' }, ['region:l-aa']],
      ['regions', { text: 'north ålandia' }, ['region:l-aa-north']],
      ['regions', { kinds: ['COUNTRY', 'CITY'] }, ['region:l-aa', 'region:l-bb', 'region:l-nordby']],
      // sub-regions at any depth, not the region itself
      ['regions', { region: 'region:l-aa' }, ['region:l-aa-north', 'region:l-nordby']],
      ['regions', { region: 'region:l-aa', kinds: ['CITY'] }, ['region:l-nordby']],
      ['organizations', { text: 'alandia' }, ['org:l-aa-gov']],
      ['organizations', { kinds: ['COMPANY', 'MINISTRY'] }, ['org:l-bb-co', 'org:l-ministry']],
      ['organizations', { region: 'region:l-aa' }, ['org:l-aa-gov', 'org:l-ministry']],
      ['organizations', { region: 'region:l-aa-north' }, ['org:l-ministry']],
      ['officials', { text: 'LOWE' }, ['official:l-ana']],
      ['officials', { region: 'region:l-aa' }, ['official:l-ana', 'official:l-ben']],
      ['officials', { region: 'region:l-bb' }, ['official:l-cid']],
      ['officials', { organization: 'org:l-aa-gov' }, ['official:l-ana']],
      ['forums', { text: 'dialogue' }, ['forum:l-ed1', 'forum:l-ed2', 'forum:l-series']],
      ['forums', { kinds: ['SERIES', 'SUMMIT'] }, ['forum:l-series', 'forum:l-summit']],
      // held in a city of a part of the region, held in it, or involving it
      ['forums', { region: 'region:l-aa' }, ['forum:l-ed1']],
      ['forums', { region: 'region:l-bb' }, ['forum:l-ed2']],
      ['forums', { region: 'region:l-cc' }, ['forum:l-summit']],
      ['forums', { forum: 'forum:l-series' }, ['forum:l-ed1', 'forum:l-ed2']],
      // partial dates: "2022" runs from 2022-01-01 to 2022-12-31
      ['forums', { dateFrom: '2022' }, ['forum:l-ed2', 'forum:l-summit']],
      ['forums', { dateTo: '2021-12' }, ['forum:l-ed1']],
      ['forums', { dateFrom: '2022-09', dateTo: '2022-09' }, ['forum:l-summit']],
      ['documents', { text: 'energy' }, ['doc:l-d1', 'doc:l-d5']],
      ['documents', { text: 'TRADE CONTRACT' }, ['doc:l-d3']],
      ['documents', { kinds: ['AGREEMENT', 'TREATY'] }, ['doc:l-d1', 'doc:l-d5']],
      ['documents', { status: 'ANNOUNCED' }, ['doc:l-d4']],
      ['documents', { status: 'IN_FORCE' }, ['doc:l-d1']],
      ['documents', { sector: 'sector:l-energy' }, ['doc:l-d1']],
      ['documents', { forum: 'forum:l-ed2' }, ['doc:l-d2']],
      ['documents', { region: 'region:l-aa' }, ['doc:l-d1', 'doc:l-d5']],
      ['documents', { region: 'region:l-aa-north' }, ['doc:l-d1']],
      ['documents', { organization: 'org:l-bb-co' }, ['doc:l-d3']],
      ['documents', { dateFrom: '2021', dateTo: '2021' }, ['doc:l-d1']],
      ['documents', { dateFrom: '2022' }, ['doc:l-d2', 'doc:l-d3', 'doc:l-d4']],
      ['documents', { dateFrom: '2022-03', dateTo: '2022-03' }, ['doc:l-d2']],
      ['documents', { dateFrom: '2022-03-02', dateTo: '2022-12-31' }, ['doc:l-d4']],
      ['documents', { valueMin: 100, valueMax: 250 }, ['doc:l-d1', 'doc:l-d2', 'doc:l-d3']],
      ['documents', { valueMin: 1000 }, ['doc:l-d5']],
      [
        'documents',
        { valueMax: 50 },
        [
          'doc:l-bulk-00',
          'doc:l-bulk-01',
          'doc:l-bulk-03',
          'doc:l-bulk-04',
          'doc:l-bulk-06',
          'doc:l-bulk-07',
          'doc:l-bulk-09',
        ],
      ],
      ['documents', { currency: 'EUR' }, ['doc:l-d3']],
      ['documents', { currency: 'USD', valueMin: 100, kinds: ['MEMORANDUM_OF_UNDERSTANDING'] }, ['doc:l-d2']],
      ['sectors', { text: 'ENER' }, ['sector:l-energy']],
      ['sources', { text: 'bulletin' }, ['source:l-bulletin']],
      ['sources', { dateTo: '2021' }, ['source:l-archive']],
      ['sources', { dateFrom: '2023-05' }, ['source:l-bulletin']],
      ['figures', { text: 'northern' }, ['figure:l-f3']],
      ['figures', { metric: 'EXPORTS' }, ['figure:l-f2']],
      ['figures', { region: 'region:l-aa' }, ['figure:l-f1', 'figure:l-f2', 'figure:l-f3']],
      ['figures', { region: 'region:l-aa-north' }, ['figure:l-f3']],
      ['figures', { dateFrom: '2022' }, ['figure:l-f2']],
      ['figures', { dateTo: '2021' }, ['figure:l-f1']],
      ['figures', { dateFrom: '2022-04', dateTo: '2022-04' }, ['figure:l-f2']],
    ])('%s(filter: %j)', async (field, filter, expected) => {
      expect(await ids(field, filter)).toEqual(expected);
    });

    it('matches nothing for an unknown region, sector or forum', async () => {
      expect(await ids('documents', { region: 'region:l-nowhere' })).toEqual([]);
      expect(await ids('documents', { sector: 'sector:l-nothing' })).toEqual([]);
      expect(await ids('forums', { forum: 'forum:l-nothing' })).toEqual([]);
    });

    it('lists every entity of a type without a filter', async () => {
      expect(await ids('regions', {})).toHaveLength(5);
      expect(await ids('documents', {})).toHaveLength(15);
      expect(await ids('sources', {})).toEqual(['source:l-archive', 'source:l-bulletin']);
    });
  });

  describe('orders', () => {
    const FEW = { kinds: ['AGREEMENT', 'MEMORANDUM_OF_UNDERSTANDING', 'CONTRACT', 'COMMERCIAL_AGREEMENT', 'TREATY'] };

    it.each([
      // the two "Energy accord" documents tie on the name; the id decides
      ['NAME_ASC', ['doc:l-d4', 'doc:l-d1', 'doc:l-d5', 'doc:l-d2', 'doc:l-d3']],
      ['NAME_DESC', ['doc:l-d3', 'doc:l-d2', 'doc:l-d5', 'doc:l-d1', 'doc:l-d4']],
      // undated documents come first ascending and last descending
      ['DATE_ASC', ['doc:l-d5', 'doc:l-d1', 'doc:l-d3', 'doc:l-d2', 'doc:l-d4']],
      ['DATE_DESC', ['doc:l-d4', 'doc:l-d2', 'doc:l-d3', 'doc:l-d1', 'doc:l-d5']],
      // documents without a value come first ascending and last descending
      ['VALUE_ASC', ['doc:l-d4', 'doc:l-d1', 'doc:l-d2', 'doc:l-d3', 'doc:l-d5']],
      ['VALUE_DESC', ['doc:l-d5', 'doc:l-d3', 'doc:l-d2', 'doc:l-d1', 'doc:l-d4']],
    ])('documents(orderBy: %s)', async (orderBy, expected) => {
      const { nodes } = await list('documents', FEW, orderBy);
      expect(nodes.map((node) => node.id)).toEqual(expected);
    });

    it.each([
      ['forums', 'DATE_ASC', ['forum:l-series', 'forum:l-ed1', 'forum:l-ed2', 'forum:l-summit']],
      ['figures', 'VALUE_DESC', ['figure:l-f3', 'figure:l-f2', 'figure:l-f1']],
      ['figures', 'DATE_DESC', ['figure:l-f2', 'figure:l-f1', 'figure:l-f3']],
      ['sources', 'DATE_ASC', ['source:l-archive', 'source:l-bulletin']],
      ['regions', 'NAME_ASC', ['region:l-bb', 'region:l-cc', 'region:l-nordby', 'region:l-aa-north', 'region:l-aa']],
    ])('%s(orderBy: %s)', async (field, orderBy, expected) => {
      const { nodes } = await list(field, {}, orderBy);
      expect(nodes.map((node) => node.id)).toEqual(expected);
    });
  });

  describe('keyset pagination', () => {
    const PAGE = `query ($orderBy: ListOrder, $after: String) {
      documents(orderBy: $orderBy, first: 4, after: $after) {
        nodes { id }
        edges { cursor node { id } }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }`;

    interface PageResult {
      documents: {
        nodes: { id: string }[];
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      };
    }

    it.each(ORDERS)('walks documents(orderBy: %s) page by page without duplicates or gaps', async (orderBy) => {
      const { nodes: everything } = await list('documents', {}, orderBy);
      expect(everything).toHaveLength(15);

      const walked: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const result: Awaited<ReturnType<typeof harness.run<PageResult>>> = await harness.run<PageResult>(PAGE, {
          orderBy,
          after,
        });
        expect(result.errors).toBeUndefined();
        const { nodes, edges, pageInfo, totalCount } = result.data!.documents;
        expect(totalCount).toBe(15);
        expect(edges.map((edge) => edge.node.id)).toEqual(nodes.map((node) => node.id));
        expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
        walked.push(...nodes.map((node) => node.id));
        if (!pageInfo.hasNextPage) break;
        expect(nodes).toHaveLength(4);
        after = pageInfo.endCursor;
      }
      expect(walked).toEqual(everything.map((node) => node.id));
    });

    it('continues from any edge cursor, not only the last', async () => {
      const first = await harness.run<PageResult>(PAGE, { orderBy: 'VALUE_ASC' });
      const second = first.data!.documents.edges[1]!;
      const resumed = await harness.run<PageResult>(PAGE, { orderBy: 'VALUE_ASC', after: second.cursor });
      expect(resumed.data!.documents.nodes.slice(0, 2)).toEqual(first.data!.documents.nodes.slice(2, 4));
    });

    it('gives an empty last page with no end cursor after the last item', async () => {
      const { nodes } = await list('documents', {}, 'NAME_ASC');
      const all = await harness.run<PageResult>(
        `query { documents(first: 15) { nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
      );
      expect(all.data!.documents.pageInfo.hasNextPage).toBe(false);
      expect(all.data!.documents.nodes).toEqual(nodes);
      const after = await harness.run<PageResult>(PAGE, {
        orderBy: 'NAME_ASC',
        after: all.data!.documents.pageInfo.endCursor,
      });
      expect(after.data!.documents).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('runs the count query only when totalCount is asked for', async () => {
      const without = await harness.run(`{ documents(first: 2) { nodes { id } } }`);
      const withCount = await harness.run(`{ documents(first: 2) { nodes { id } totalCount } }`);
      expect(withCount.context.db.queryCount).toBe(without.context.db.queryCount + 1);
    });
  });

  describe('page limits and cursors', () => {
    const problemsOf = (result: { errors?: { extensions?: { code?: string; problems?: { field: string }[] } }[] }) => ({
      code: result.errors?.[0]?.extensions?.code,
      fields: result.errors?.[0]?.extensions?.problems?.map((problem) => problem.field),
    });

    it('accepts up to 100 items a page', async () => {
      const result = await harness.run(`{ documents(first: 100) { nodes { id } } }`);
      expect(result.errors).toBeUndefined();
    });

    it.each([101, 0, -1])('refuses first: %i as BAD_USER_INPUT naming first', async (first) => {
      const result = await harness.run(`query ($first: Int) { regions(first: $first) { nodes { id } } }`, { first });
      expect(result.data).toBeNull();
      expect(problemsOf(result)).toEqual({ code: 'BAD_USER_INPUT', fields: ['first'] });
    });

    it('names first when a filter is given too', async () => {
      const result = await harness.run(`{ regions(first: 500, filter: { text: "a" }) { nodes { id } } }`);
      expect(problemsOf(result)).toEqual({ code: 'BAD_USER_INPUT', fields: ['first'] });
    });

    it.each([
      ['garbage', 'not-a-cursor'],
      ['JSON of another shape', Buffer.from('{"value":"a","id":"b"}').toString('base64url')],
      ['a forged value type', Buffer.from('[12,"doc:l-d1","NAME_ASC"]').toString('base64url')],
    ])('refuses a cursor that is %s as BAD_USER_INPUT naming after', async (_what, after) => {
      const result = await harness.run(`query ($after: String) { documents(after: $after) { nodes { id } } }`, {
        after,
      });
      expect(problemsOf(result)).toEqual({ code: 'BAD_USER_INPUT', fields: ['after'] });
    });

    it.each([
      ['NAME_ASC', 'NAME_DESC'],
      ['NAME_ASC', 'DATE_ASC'],
      ['DATE_DESC', 'DATE_ASC'],
      ['VALUE_ASC', 'NAME_ASC'],
      ['VALUE_DESC', 'VALUE_ASC'],
    ])('refuses a cursor of %s under %s as BAD_USER_INPUT naming after', async (issuedFor, usedFor) => {
      const issued = await harness.run<{ documents: { pageInfo: { endCursor: string } } }>(
        `query ($orderBy: ListOrder) { documents(orderBy: $orderBy, first: 2) { pageInfo { endCursor } } }`,
        { orderBy: issuedFor },
      );
      const result = await harness.run(
        `query ($orderBy: ListOrder, $after: String) { documents(orderBy: $orderBy, after: $after) { nodes { id } } }`,
        { orderBy: usedFor, after: issued.data!.documents.pageInfo.endCursor },
      );
      expect(problemsOf(result)).toEqual({ code: 'BAD_USER_INPUT', fields: ['after'] });
    });

    it.each(['!!!', ' - ', '', '¿?'])(
      'refuses a text filter with no letter or digit (%j), which would match every name',
      async (text) => {
        const result = await harness.run(
          `query ($text: String) { regions(filter: { text: $text }) { nodes { id } } }`,
          {
            text,
          },
        );
        expect(result.data).toBeNull();
        expect(problemsOf(result)).toEqual({ code: 'BAD_USER_INPUT', fields: ['filter.text'] });
        expect(result.errors?.[0]?.message).toContain('letter or digit');
      },
    );

    it('names the filter field of a bad filter', async () => {
      const result = await harness.run(`{ documents(filter: { dateFrom: "2023-13" }) { nodes { id } } }`);
      expect(problemsOf(result)).toEqual({ code: 'BAD_USER_INPUT', fields: ['filter.dateFrom'] });
    });
  });
});
