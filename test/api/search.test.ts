import { Harness } from '../support/harness';
import { ingest, SIGNING_REPORT } from '../support/signing-report';

interface SearchResult {
  search: { score: number; entity: { __typename: string; id: string; name: string } }[];
}

const SEARCH = `
  query ($text: String!, $types: [EntityType!], $first: Int) {
    search(text: $text, types: $types, first: $first) { score entity { __typename id name } }
  }`;

describe('search(text): full-text search over names and aliases', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    // Kassym-Jomart Tokayev, alias Qasym-Jomart Toqaev.
    await ingest(harness, SIGNING_REPORT);
  });

  afterAll(async () => {
    await harness.close();
  });

  async function search(text: string, extra: Record<string, unknown> = {}) {
    const result = await harness.run<SearchResult>(SEARCH, { text, ...extra });
    expect(result.errors).toBeUndefined();
    return result.data!.search;
  }

  const ids = (hits: SearchResult['search']) => hits.map((hit) => hit.entity.id);

  it('finds an entity by an alias', async () => {
    const hits = await search('XUAR');
    expect(hits[0]?.entity).toEqual({
      __typename: 'Region',
      id: 'region:cn-xj',
      name: 'Xinjiang Uygur Autonomous Region',
    });
  });

  it.each(['tokáyev', 'TOKAYEV', 'Toqaev', 'qasym-jomart', 'Kassym-Jomart Tokayev'])(
    'finds an official whatever the case and accents: %s',
    async (text) => {
      expect(ids(await search(text))).toEqual(['official:kassym-jomart-tokayev']);
    },
  );

  it('matches the last word as a prefix', async () => {
    expect(ids(await search('Serik Zhuman'))).toEqual(['official:serik-zhumangarin']);
    expect(ids(await search('xinj'))).toContain('region:cn-xj');
  });

  it('ranks best first and keeps to `first`', async () => {
    const hits = await search('Kazakhstan');
    expect(hits.length).toBeGreaterThan(3);
    expect(hits[0]?.entity.id).toBe('region:kz');
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(await search('Kazakhstan', { first: 2 })).toHaveLength(2);
  });

  it('keeps to the types asked for', async () => {
    expect(ids(await search('Kazakhstan', { types: ['REGION'] }))).toEqual(['region:kz']);
    const bodies = await search('Kazakhstan', { types: ['ORGANIZATION', 'OFFICIAL'] });
    expect(ids(bodies).sort()).toEqual(['org:kz-government', 'org:kz-ministry-of-trade-and-integration']);
  });

  it('finds names with quotes in them', async () => {
    expect(ids(await search("People's Republic", { types: ['REGION'] }))).toEqual(['region:cn']);
  });

  it.each([
    '}) DETACH DELETE n //',
    '"',
    "'",
    '\\',
    'AND',
    'OR NOT',
    '*',
    'a*',
    '?',
    '(((',
    '[1 TO 5]',
    '{x}',
    'name:China',
    'China~2',
    'China^10',
    '&& || !',
    '/.*/',
    '-China',
    '+',
    '   ',
  ])('takes any text literally and safely: %j', async (text) => {
    const before = await harness.fingerprint();
    const result = await harness.run<SearchResult>(SEARCH, { text });
    expect(result.errors).toBeUndefined();
    expect(Array.isArray(result.data?.search)).toBe(true);
    expect(await harness.fingerprint()).toEqual(before);
  });

  it('reads operators as words', async () => {
    // As Lucene syntax this would find China and not the Kazakhstan–China figures; as words, the opposite.
    const hits = ids(await search('China AND NOT Kazakhstan'));
    expect(hits).toContain('figure:kz-cn-trade-2022');
    expect(hits).not.toContain('region:cn');
    expect(ids(await search('-China', { types: ['REGION'] }))).toEqual(['region:cn']);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ text: '' }, '^text: '],
    [{ text: 'x'.repeat(201) }, '^text: '],
    [{ text: 'China', first: 0 }, '^first: '],
    [{ text: 'China', first: 101 }, '^first: '],
  ])('rejects %j', async (variables, message) => {
    const result = await harness.run(SEARCH, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(new RegExp(message));
  });
});
