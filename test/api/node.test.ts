import { Harness } from '../support/harness';

/** Every entity type resolves through `node(id)`, `entity(id)` and its own root field. */
describe('node(id), entity(id) and <type>(id)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  const ONE_OF_EACH: [typename: string, field: string, id: string, name: string][] = [
    ['Official', 'official', 'official:serik-zhumangarin', 'Serik Zhumangarin'],
    ['Region', 'region', 'region:kz', 'Kazakhstan'],
    [
      'Organization',
      'organization',
      'org:kz-ministry-of-trade-and-integration',
      'Ministry of Trade and Integration of the Republic of Kazakhstan',
    ],
    ['Forum', 'forum', 'forum:ma-xingrui-visit-kazakhstan-2023', 'Visit of Ma Xingrui to Kazakhstan'],
    ['Document', 'document', 'doc:kz-xuar-dialogue-2-commercial', '5 commercial agreements'],
    ['Sector', 'sector', 'sector:energy', 'Energy'],
    [
      'Source',
      'source',
      'source:commonspace-2023-03-kz-cn-agreements',
      'Kazakhstan and China sign commercial agreements worth $565m',
    ],
    ['Figure', 'figure', 'figure:kz-cn-border-length', 'Length of the Kazakhstan–China border'],
  ];

  it.each(ONE_OF_EACH)('resolves a %s by node(id), entity(id) and %s(id)', async (typename, field, id, name) => {
    const result = await harness.run<Record<string, { __typename: string; id: string; name?: string } | null>>(
      `query ($id: ID!) {
        node(id: $id) { __typename id ... on Entity { name } }
        entity(id: $id) { __typename id name aliases createdAt updatedAt }
        typed: ${field}(id: $id) { __typename id name }
      }`,
      { id },
      null,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toEqual({ __typename: typename, id, name });
    expect(result.data?.entity).toMatchObject({ __typename: typename, id, name });
    expect(result.data?.typed).toEqual({ __typename: typename, id, name });
  });

  it('answers null for an id nothing has', async () => {
    const result = await harness.run(
      `{ node(id: "region:atlantis") { id } entity(id: "region:atlantis") { id } region(id: "region:atlantis") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null, entity: null, region: null });
  });

  it.each(ONE_OF_EACH)(
    'refuses a %s id at every other typed field, naming its prefix',
    async (typename, _field, id) => {
      const others = ONE_OF_EACH.filter(([other]) => other !== typename);
      const result = await harness.run<Record<string, unknown>>(
        `query ($id: ID!) { ${others.map(([, field]) => `${field}(id: $id) { id }`).join(' ')} }`,
        { id },
      );
      expect(Object.values(result.data ?? { missing: true }).every((value) => value === null)).toBe(true);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(others.map(() => 'BAD_USER_INPUT'));
      expect(result.errors?.map((error) => error.message.split(':')[1]?.trim())).toEqual(
        others.map(([other]) => `must be ${/^[AEIOU]/.test(other) ? 'an' : 'a'} ${other} id`),
      );
    },
  );

  it('resolves many ids in one request with one query', async () => {
    const ids = ONE_OF_EACH.map(([, , id]) => id);
    const result = await harness.run<Record<string, { id: string }>>(
      `{ ${ids.map((id, index) => `n${index}: node(id: "${id}") { id }`).join(' ')} }`,
    );
    expect(Object.values(result.data ?? {}).map((node) => node.id)).toEqual(ids);
    expect(result.context.db.queryCount).toBe(1);
  });
});
