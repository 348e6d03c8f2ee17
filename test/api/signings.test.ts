import { Harness } from '../support/harness';

interface Named {
  id: string;
}
interface SigningNode {
  signatory: Named;
  onBehalfOf: Named | null;
  document: Named & { kind: string };
  forum: Named | null;
  counterparts: { signatory: Named; onBehalfOf: Named | null; sources: { sourceId: string; locator: string }[] }[];
  parties: Named[];
  sources: { sourceId: string; locator: string }[];
}
interface SigningPage {
  signings: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: SigningNode[];
  };
}

const SIGNINGS = `
  query ($filter: SigningFilter, $first: Int, $after: String, $orderBy: SigningOrder) {
    signings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        signatory { id }
        onBehalfOf { ... on Region { id } ... on Organization { id } }
        document { id kind }
        forum { id }
        counterparts {
          signatory { id }
          onBehalfOf { ... on Region { id } ... on Organization { id } }
          sources { sourceId locator }
        }
        parties { ... on Region { id } ... on Organization { id } }
        sources { sourceId locator }
      }
    }
  }`;

/** A signing as "document official", which is how rows are told apart. */
const rowOf = (node: SigningNode) => `${node.document.id} ${node.signatory.id}`;

describe('signings: who signed what with whom under which forum', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded({ signings: true });
  });

  afterAll(async () => {
    await harness.close();
  });

  async function signings(variables: Record<string, unknown> = {}) {
    const result = await harness.run<SigningPage>(SIGNINGS, { first: 50, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data!.signings;
  }

  it('lists one row per signatory and document, newest first', async () => {
    const page = await signings();
    expect(page.nodes.map(rowOf)).toEqual([
      'doc:tourism-mou official:li-qiang',
      'doc:tourism-mou official:kassym-jomart-tokayev',
      'doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin',
      'doc:checkpoints official:serik-zhumangarin',
      'doc:checkpoints official:ma-xingrui',
      'doc:gov-contract official:serik-zhumangarin',
    ]);
    expect(page.totalCount).toBe(6);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('shows the party signed for, the forum, the counterparts with their parties and the document parties', async () => {
    const page = await signings();
    const ma = page.nodes.find((node) => rowOf(node) === 'doc:checkpoints official:ma-xingrui');
    expect(ma).toEqual({
      signatory: { id: 'official:ma-xingrui' },
      onBehalfOf: { id: 'region:cn-xj' },
      document: { id: 'doc:checkpoints', kind: 'INTERREGIONAL_AGREEMENT' },
      forum: { id: 'forum:kz-xuar-cross-border-dialogue-2' },
      counterparts: [
        {
          signatory: { id: 'official:serik-zhumangarin' },
          onBehalfOf: { id: 'region:kz' },
          sources: [{ sourceId: 'source:test-signings', locator: '¶2' }],
        },
      ],
      parties: [{ id: 'region:kz' }, { id: 'region:cn-xj' }],
      sources: [{ sourceId: 'source:test-signings', locator: '¶2' }],
    });
    const contract = page.nodes.find((node) => node.document.id === 'doc:gov-contract');
    expect(contract).toMatchObject({ onBehalfOf: { id: 'org:kz-government' }, forum: null, counterparts: [] });
  });

  it('gives a part of a reported group the parties of the group', async () => {
    const page = await signings({
      filter: { official: 'official:serik-zhumangarin', kinds: ['COMMERCIAL_AGREEMENT'] },
    });
    expect(page.nodes).toHaveLength(1);
    expect(page.nodes[0]?.forum).toEqual({ id: 'forum:kz-xuar-cross-border-dialogue-2' });
    expect(page.nodes[0]?.parties.map((party) => party.id)).toEqual(['region:cn', 'region:kz']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'a region, with its parts (signed for Xinjiang, or binding it)',
      { region: 'region:cn' },
      [
        'doc:tourism-mou official:li-qiang',
        'doc:tourism-mou official:kassym-jomart-tokayev',
        'doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin',
        'doc:checkpoints official:serik-zhumangarin',
        'doc:checkpoints official:ma-xingrui',
      ],
    ],
    [
      'a sub-region',
      { region: 'region:cn-xj' },
      ['doc:checkpoints official:serik-zhumangarin', 'doc:checkpoints official:ma-xingrui'],
    ],
    [
      'a body based in the region',
      { region: 'region:kz', kinds: ['CONTRACT'] },
      ['doc:gov-contract official:serik-zhumangarin'],
    ],
    ['an organization', { organization: 'org:kz-government' }, ['doc:gov-contract official:serik-zhumangarin']],
    [
      'an official',
      { official: 'official:serik-zhumangarin' },
      [
        'doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin',
        'doc:checkpoints official:serik-zhumangarin',
        'doc:gov-contract official:serik-zhumangarin',
      ],
    ],
    [
      'a forum',
      { forum: 'forum:kz-xuar-cross-border-dialogue-2' },
      [
        'doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin',
        'doc:checkpoints official:serik-zhumangarin',
        'doc:checkpoints official:ma-xingrui',
      ],
    ],
    [
      'a forum series',
      { forum: 'forum:kz-xuar-cross-border-dialogue' },
      [
        'doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin',
        'doc:checkpoints official:serik-zhumangarin',
        'doc:checkpoints official:ma-xingrui',
      ],
    ],
    [
      'a sector, including the sectors of a reported group',
      { sector: 'sector:energy' },
      ['doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin'],
    ],
    [
      'a document kind',
      { kinds: ['MEMORANDUM_OF_UNDERSTANDING'] },
      ['doc:tourism-mou official:li-qiang', 'doc:tourism-mou official:kassym-jomart-tokayev'],
    ],
    [
      'a date range of partial dates',
      { dateFrom: '2023', dateTo: '2023-03' },
      [
        'doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin',
        'doc:checkpoints official:serik-zhumangarin',
        'doc:checkpoints official:ma-xingrui',
      ],
    ],
    [
      'several filters at once',
      { official: 'official:serik-zhumangarin', region: 'region:cn' },
      ['doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin', 'doc:checkpoints official:serik-zhumangarin'],
    ],
    [
      'a pair of regions',
      { region: 'region:kz', counterpart: 'region:cn' },
      [
        'doc:tourism-mou official:li-qiang',
        'doc:tourism-mou official:kassym-jomart-tokayev',
        'doc:kz-xuar-dialogue-2-commercial official:serik-zhumangarin',
        'doc:checkpoints official:serik-zhumangarin',
        'doc:checkpoints official:ma-xingrui',
      ],
    ],
    ['an entity nothing was signed for', { region: 'region:atlantis' }, []],
  ])('filters by %s', async (_what, filter, expected) => {
    const page = await signings({ filter });
    expect(page.nodes.map(rowOf)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
  });

  it('pages with keyset cursors in both orders', async () => {
    for (const orderBy of ['DATE_DESC', 'DATE_ASC']) {
      const all = (await signings({ orderBy })).nodes.map(rowOf);
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await signings({ orderBy, first: 4, after });
        seen.push(...page.nodes.map(rowOf));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
    const descending = (await signings()).nodes.map(rowOf);
    const ascending = (await signings({ orderBy: 'DATE_ASC' })).nodes.map(rowOf);
    expect(ascending).toEqual([...descending].reverse());
  });

  it('refuses a cursor of the other sort order', async () => {
    const { endCursor } = (await signings({ first: 2 })).pageInfo;
    const result = await harness.run(SIGNINGS, { first: 2, after: endCursor, orderBy: 'DATE_ASC' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/^after: /);
  });

  it('answers a whole page, nested fields included, with one query (and one more for totalCount)', async () => {
    const result = await harness.run(
      `{ signings(first: 10) { nodes { signatory { name } document { name } forum { name }
           counterparts { signatory { name } onBehalfOf { ... on Region { name } } }
           parties { ... on Region { name } ... on Organization { name } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.context.db.queryCount).toBe(1);
    const counted = await harness.run(`{ signings(first: 10) { totalCount nodes { signatory { name } } } }`);
    expect(counted.context.db.queryCount).toBe(2);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ filter: { region: 'Kazakhstan' } }, 'filter.region'],
    [{ filter: { dateFrom: '2023-02-30' } }, 'filter.dateFrom'],
    [{ first: 0 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
  ])('rejects bad input %j', async (variables, field) => {
    const result = await harness.run(SIGNINGS, { first: 10, ...variables });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`^${field}: `));
  });
});
