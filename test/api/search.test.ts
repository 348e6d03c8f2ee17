import { Harness } from '../support/harness';
import { ingest, SIGNING_REPORT } from '../support/signing-report';

interface SearchResult {
  search: { score: number; match: string; entity: { __typename: string; id: string; name: string } }[];
}

const SEARCH = `
  query ($text: String!, $types: [EntityType!], $first: Int) {
    search(text: $text, types: $types, first: $first) { score match entity { __typename id name } }
  }`;

describe('search(text): full-text search over names and aliases', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    // Kassym-Jomart Tokayev, alias Qasym-Jomart Toqaev.
    await ingest(harness, SIGNING_REPORT);
    // More names starting "Orbit" than a page or the full-text window holds, longest first, and
    // one entity whose alias is "Orbit Works".
    await ingest(harness, {
      source: { id: 'source:test-search-ranking', name: 'Search ranking test source' },
      entities: [
        ...Array.from({ length: 260 }, (_, index) => ({
          ref: `o${index}`,
          locator: '¶1',
          organization: { name: `Orbit Works Holding Number ${260 - index}`, kind: 'COMPANY' },
        })),
        { ref: 'works', locator: '¶1', organization: { name: 'Works of the Orbit', kind: 'COMPANY' } },
        {
          ref: 'ow',
          locator: '¶1',
          organization: { name: 'Northern Foundry', kind: 'COMPANY', aliases: ['Orbit Works'] },
        },
        { ref: 'o', locator: '¶1', organization: { name: 'Orbit', kind: 'COMPANY' } },
      ],
      ties: [],
    });
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

  it('ranks the whole name, then name prefixes, then word prefixes: "kazak" finds Kazakhstan first', async () => {
    const hits = await search('kazak');
    expect(hits[0]).toMatchObject({ match: 'NAME_PREFIX', entity: { id: 'region:kz' } });
    const matches = hits.map((hit) => hit.match);
    const order = ['NAME', 'ALIAS', 'NAME_PREFIX', 'ALIAS_PREFIX', 'WORD_PREFIX', 'TEXT'];
    expect(matches.map((match) => order.indexOf(match))).toEqual(
      [...matches.map((match) => order.indexOf(match))].sort((x, y) => x - y),
    );
    expect(hits.filter((hit) => hit.match === 'WORD_PREFIX').map((hit) => hit.entity.id)).toContain(
      'org:kz-government',
    );
    expect((await search('Kazakhstan'))[0]).toMatchObject({ match: 'NAME', entity: { id: 'region:kz' } });
  });

  it('finds the whole name first however many names share its words, then the alias, then the prefixes', async () => {
    const hits = await search('orbit', { first: 5 });
    expect(hits.map((hit) => [hit.match, hit.entity.name])).toEqual([
      ['NAME', 'Orbit'],
      ['NAME_PREFIX', 'Orbit Works Holding Number 1'],
      ['NAME_PREFIX', 'Orbit Works Holding Number 2'],
      ['NAME_PREFIX', 'Orbit Works Holding Number 3'],
      ['NAME_PREFIX', 'Orbit Works Holding Number 4'],
    ]);
    const works = await search('Orbit Works', { first: 3 });
    expect(works.map((hit) => [hit.match, hit.entity.name])).toEqual([
      ['ALIAS', 'Northern Foundry'],
      ['NAME_PREFIX', 'Orbit Works Holding Number 1'],
      ['NAME_PREFIX', 'Orbit Works Holding Number 2'],
    ]);
    const all = await search('orbit works', { first: 100 });
    expect(all).toHaveLength(100);
    expect(all.map((hit) => hit.entity.name)).not.toContain('Works of the Orbit');
    // "orbit" is in Northern Foundry's alias only: a full-text match, after every word-prefix match.
    const text = await search('foundry orbit', { first: 3 });
    expect(text[0]).toMatchObject({ match: 'TEXT', entity: { name: 'Northern Foundry' } });
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
