import { EDITOR, Harness, READER } from '../support/harness';

/** create<Type>, update<Type> and delete<Type> for every entity type, and what they refuse. */

interface TypeCase {
  type: string;
  /** The selection that shows the typed fields. */
  fields: string;
  create: Record<string, unknown>;
  created: Record<string, unknown>;
  update: Record<string, unknown>;
  updated: Record<string, unknown>;
}

const CASES: TypeCase[] = [
  {
    type: 'Region',
    fields: 'kind iso2 iso3 isoNumeric isoSubdivision',
    create: { id: 'region:m-xl', name: 'Xland', aliases: ['Ex Land'], kind: 'COUNTRY', iso2: 'XL', iso3: 'XLD' },
    created: { name: 'Xland', aliases: ['Ex Land'], kind: 'COUNTRY', iso2: 'XL', iso3: 'XLD', isoNumeric: null },
    update: { name: 'Xland Republic', kind: 'COUNTRY', iso2: 'XR', isoNumeric: '999', aliases: ['Xee'] },
    // an update replaces the typed fields: iso3, left out, is gone
    updated: { name: 'Xland Republic', aliases: ['Xee'], iso2: 'XR', iso3: null, isoNumeric: '999' },
  },
  {
    type: 'Organization',
    fields: 'kind',
    create: { name: 'Xland Mining Board', kind: 'GOVERNMENT' },
    created: { name: 'Xland Mining Board', kind: 'GOVERNMENT', aliases: [] },
    update: { name: 'Xland Mining Company', kind: 'COMPANY', aliases: ['XMC'] },
    updated: { name: 'Xland Mining Company', kind: 'COMPANY', aliases: ['XMC'] },
  },
  {
    type: 'Official',
    fields: 'description',
    create: { name: 'Zed Quill', description: 'Trade envoy' },
    created: { name: 'Zed Quill', description: 'Trade envoy' },
    update: { name: 'Zed Q. Quill', aliases: ['Z. Quill'] },
    updated: { name: 'Zed Q. Quill', aliases: ['Z. Quill'] },
  },
  {
    type: 'Forum',
    fields: 'kind edition date { value precision earliest latest }',
    create: { name: 'Xland trade fair', kind: 'CONFERENCE', edition: 3, date: '2024-02' },
    created: {
      kind: 'CONFERENCE',
      edition: 3,
      date: { value: '2024-02', precision: 'MONTH', earliest: '2024-02-01', latest: '2024-02-29' },
    },
    update: { name: 'Xland trade fair', kind: 'CONFERENCE', date: '2024-02-20' },
    updated: {
      edition: null,
      date: { value: '2024-02-20', precision: 'DAY', earliest: '2024-02-20', latest: '2024-02-20' },
    },
  },
  {
    type: 'Document',
    fields:
      'kind title count status signedOn { value precision } inForceOn { value } value { amount currency qualifier }',
    create: {
      kind: 'TRADE_AGREEMENT',
      title: 'Xland–Yland trade agreement',
      status: 'SIGNED',
      signedOn: '2023',
      inForceOn: '2024-01-01',
      value: { amount: 1.5e9, currency: 'EUR', qualifier: 'APPROXIMATE' },
    },
    created: {
      name: 'Xland–Yland trade agreement',
      title: 'Xland–Yland trade agreement',
      count: 1,
      status: 'SIGNED',
      signedOn: { value: '2023', precision: 'YEAR' },
      inForceOn: { value: '2024-01-01' },
      value: { amount: 1.5e9, currency: 'EUR', qualifier: 'APPROXIMATE' },
    },
    update: { kind: 'COMMERCIAL_AGREEMENT', count: 4, status: 'IN_FORCE' },
    // an untitled group is named after what it stands for
    updated: { name: '4 commercial agreements', title: null, count: 4, signedOn: null, value: null },
  },
  {
    type: 'Sector',
    fields: 'name',
    create: { name: 'Aquaculture' },
    created: { name: 'Aquaculture' },
    update: { name: 'Aquaculture and fisheries', aliases: ['Fisheries'] },
    updated: { name: 'Aquaculture and fisheries', aliases: ['Fisheries'] },
  },
  {
    type: 'Source',
    fields: 'publisher url publishedOn { value precision } citation',
    create: {
      name: 'Xland Gazette, 3 May',
      publisher: 'Xland Gazette',
      url: 'https://gazette.example/3-may',
      publishedOn: '2024-05-03',
      citation: 'Xland Gazette (2024)',
    },
    created: {
      publisher: 'Xland Gazette',
      url: 'https://gazette.example/3-may',
      publishedOn: { value: '2024-05-03', precision: 'DAY' },
      citation: 'Xland Gazette (2024)',
    },
    update: { name: 'Xland Gazette, 3 May', url: 'http://gazette.example/3-may' },
    updated: { publisher: null, url: 'http://gazette.example/3-may', publishedOn: null, citation: null },
  },
  {
    type: 'Figure',
    fields: 'metric value unit qualifier period { value precision } changePercent changeFactor itemCount items',
    create: {
      metric: 'IMPORTS',
      value: 12.5,
      unit: 'USD',
      qualifier: 'AT_MOST',
      period: '2021',
      changePercent: -4.5,
      changeFactor: 0.5,
      itemCount: 2,
      items: ['tea', 'rice'],
    },
    created: {
      name: 'imports 2021',
      metric: 'IMPORTS',
      value: 12.5,
      unit: 'USD',
      qualifier: 'AT_MOST',
      period: { value: '2021', precision: 'YEAR' },
      changePercent: -4.5,
      changeFactor: 0.5,
      itemCount: 2,
      items: ['tea', 'rice'],
    },
    update: { name: 'Xland imports', metric: 'IMPORTS', value: 13, unit: 'km' },
    updated: {
      name: 'Xland imports',
      value: 13,
      unit: 'km',
      qualifier: 'EXACT',
      period: null,
      changePercent: null,
      items: [],
    },
  },
];

const SOURCE = 'source:m-source';

describe('entity mutations', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    const source = await harness.run(
      `mutation { createSource(input: { id: "${SOURCE}", name: "Mutation notes" }) { id } }`,
    );
    expect(source.errors).toBeUndefined();
  });

  afterAll(async () => {
    await harness.close();
  });

  const lower = (type: string) => `${type.charAt(0).toLowerCase()}${type.slice(1)}`;
  const selection = (fields: string) =>
    `__typename id name aliases description createdAt updatedAt sources { sourceId locator } ${fields}`;

  async function create(type: string, input: Record<string, unknown>, user = EDITOR) {
    return harness.run<Record<string, { id: string } & Record<string, unknown>>>(
      `mutation ($input: ${type}Input!) { created: create${type}(input: $input) { id } }`,
      { input },
      user,
    );
  }

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  // One field can break several rules (an empty name is too short and has no letter); each is a problem.
  const fieldsOf = (result: { errors?: { extensions?: { problems?: { field: string }[] } }[] }) => [
    ...new Set(result.errors?.[0]?.extensions?.problems?.map((problem) => problem.field)),
  ];

  describe.each(CASES)('$type', ({ type, fields, create: createInput, created, update, updated }) => {
    let id: string;

    it(`create${type} writes every field, with its source`, async () => {
      const result = await harness.run<Record<string, Record<string, unknown>>>(
        `mutation ($input: ${type}Input!) { created: create${type}(input: $input) { ${selection(fields)} } }`,
        { input: { ...createInput, statedIn: { sourceId: SOURCE, locator: '¶2' } } },
      );
      expect(result.errors).toBeUndefined();
      const entity = result.data!.created!;
      expect(entity).toMatchObject({ __typename: type, ...created, sources: [{ sourceId: SOURCE, locator: '¶2' }] });
      expect(entity.createdAt).toEqual(entity.updatedAt);
      id = entity.id as string;
      expect(id.startsWith(`${{ Organization: 'org', Document: 'doc' }[type] ?? lower(type)}:`)).toBe(true);

      const read = await harness.run<Record<string, unknown>>(
        `query ($id: ID!) { read: ${lower(type)}(id: $id) { ${selection(fields)} } }`,
        { id },
      );
      expect(read.data?.read).toEqual(entity);
    });

    it(`update${type} replaces the typed fields and aliases, keeping id and createdAt`, async () => {
      const before = await harness.run<Record<string, { createdAt: string; updatedAt: string }>>(
        `query ($id: ID!) { read: ${lower(type)}(id: $id) { createdAt updatedAt } }`,
        { id },
      );
      const result = await harness.run<Record<string, Record<string, unknown>>>(
        `mutation ($id: ID!, $input: ${type}Input!) { updated: update${type}(id: $id, input: $input) { ${selection(fields)} } }`,
        { id, input: update },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.updated).toMatchObject({ id, ...updated, createdAt: before.data?.read?.createdAt });
      expect(result.data?.updated?.updatedAt).not.toEqual(before.data?.read?.updatedAt);
    });

    it(`delete${type} removes it and answers its id`, async () => {
      const result = await harness.run<Record<string, string>>(
        `mutation ($id: ID!) { deleted: delete${type}(id: $id) }`,
        { id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.deleted).toBe(id);
      const read = await harness.run(`query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(read.data).toEqual({ node: null });
    });

    it(`update${type} and delete${type} of a missing id are NOT_FOUND and change nothing`, async () => {
      const before = await harness.fingerprint();
      const updateResult = await harness.run(
        `mutation ($id: ID!, $input: ${type}Input!) { update${type}(id: $id, input: $input) { id } }`,
        { id, input: update },
      );
      expect(codeOf(updateResult)).toBe('NOT_FOUND');
      const deleteResult = await harness.run(`mutation ($id: ID!) { delete${type}(id: $id) }`, { id });
      expect(codeOf(deleteResult)).toBe('NOT_FOUND');
      expect(await harness.fingerprint()).toEqual(before);
    });
  });

  describe('ids of another type', () => {
    it('are refused for update and delete, naming the prefix they need', async () => {
      const before = await harness.fingerprint();
      const updateResult = await harness.run(
        `mutation { updateRegion(id: "${SOURCE}", input: { name: "Mutation notes", kind: COUNTRY }) { id } }`,
      );
      expect(codeOf(updateResult)).toBe('BAD_USER_INPUT');
      expect(updateResult.errors?.[0]?.message).toMatch(/^id: must be a Region id: "region:"/);
      const deleteResult = await harness.run(`mutation { deleteOfficial(id: "${SOURCE}") }`);
      expect(codeOf(deleteResult)).toBe('BAD_USER_INPUT');
      expect(deleteResult.errors?.[0]?.message).toMatch(/^id: must be an Official id: "official:"/);
      // Well formed and of the right type, but naming nothing: NOT_FOUND.
      const absent = await harness.run(`mutation { deleteOfficial(id: "official:m-nobody") }`);
      expect(codeOf(absent)).toBe('NOT_FOUND');
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('must carry the prefix of the type they name', async () => {
      const before = await harness.fingerprint();
      const result = await create('Region', { id: 'official:m-not-a-region', name: 'Misnamed', kind: 'COUNTRY' });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['input.id']);
      expect(await harness.fingerprint()).toEqual(before);
    });
  });

  describe('duplicates', () => {
    beforeAll(async () => {
      for (const [type, input] of [
        ['Region', { id: 'region:m-yl', name: 'Yland', aliases: ['Why Land'], kind: 'COUNTRY' }],
        ['Region', { id: 'region:m-zl', name: 'Zland', kind: 'COUNTRY' }],
        ['Document', { id: 'doc:m-accord', name: 'Yland accord', kind: 'AGREEMENT' }],
      ] as const) {
        const result = await create(type, input);
        expect(result.errors).toBeUndefined();
      }
    });

    it.each([
      ['the same id', 'Region', { id: 'region:m-yl', name: 'Another', kind: 'COUNTRY' }],
      ['the same name, in other case and accents', 'Region', { name: 'YLÄND', kind: 'SUBNATIONAL' }],
      ['a name that is an alias', 'Region', { name: 'why land', kind: 'COUNTRY' }],
      ['an alias that is a name', 'Region', { name: 'Yland North', aliases: ['Yland'], kind: 'COUNTRY' }],
      ['an alias that is an alias', 'Region', { name: 'Yland South', aliases: ['Why-Land'], kind: 'COUNTRY' }],
      ['the id of a document', 'Document', { id: 'doc:m-accord', kind: 'AGREEMENT' }],
    ])('create with %s is a CONFLICT and changes nothing', async (_what, type, input) => {
      const before = await harness.fingerprint();
      const result = await create(type, input);
      expect(codeOf(result)).toBe('CONFLICT');
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('allows the same name for another type, and for documents, which never resolve by name', async () => {
      expect((await create('Official', { name: 'Yland' })).errors).toBeUndefined();
      expect((await create('Document', { name: 'Yland accord', kind: 'AGREEMENT' })).errors).toBeUndefined();
    });

    it.each([
      ['the name of another region', { name: 'Yland', kind: 'COUNTRY' }],
      ['an alias of another region', { name: 'Zland', aliases: ['WHY LAND'], kind: 'COUNTRY' }],
    ])('update to %s is a CONFLICT and changes nothing', async (_what, input) => {
      const before = await harness.fingerprint();
      const result = await harness.run(
        `mutation ($input: RegionInput!) { updateRegion(id: "region:m-zl", input: $input) { id } }`,
        { input },
      );
      expect(codeOf(result)).toBe('CONFLICT');
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('lets an update keep its own name and aliases', async () => {
      const result = await harness.run<{ updateRegion: { name: string; aliases: string[] } }>(
        `mutation { updateRegion(id: "region:m-yl", input: { name: "YLAND", aliases: ["Why Land", "Yland"], kind: COUNTRY }) { name aliases } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateRegion).toEqual({ name: 'YLAND', aliases: ['Why Land', 'Yland'] });
    });
  });

  describe('bad input', () => {
    it.each([
      ['an invalid ISO alpha-2 code', 'Region', { name: 'Q', kind: 'COUNTRY', iso2: 'qq' }, 'input.iso2'],
      ['an invalid ISO alpha-3 code', 'Region', { name: 'Q', kind: 'COUNTRY', iso3: 'QQ' }, 'input.iso3'],
      ['an invalid ISO numeric code', 'Region', { name: 'Q', kind: 'COUNTRY', isoNumeric: '12' }, 'input.isoNumeric'],
      [
        'an invalid ISO 3166-2 code',
        'Region',
        { name: 'Q', kind: 'CITY', isoSubdivision: 'Q1' },
        'input.isoSubdivision',
      ],
      ['an id that is no id', 'Region', { id: 'Region Q', name: 'Q', kind: 'COUNTRY' }, 'input.id'],
      ['an empty name', 'Official', { name: '' }, 'input.name'],
      ['a name without a letter or digit', 'Official', { name: ' — ' }, 'input.name'],
      ['an empty alias', 'Official', { name: 'Q', aliases: ['Q2', ''] }, 'input.aliases'],
      ['month 13', 'Forum', { name: 'Q', kind: 'MEETING', date: '2023-13' }, 'input.date'],
      ['30 February', 'Forum', { name: 'Q', kind: 'MEETING', date: '2023-02-30' }, 'input.date'],
      ['a date with a time', 'Source', { name: 'Q', publishedOn: '2023-02-03T10:00' }, 'input.publishedOn'],
      ['a URL without a scheme', 'Source', { name: 'Q', url: 'gazette.example/q' }, 'input.url'],
      ['a URL of another scheme', 'Source', { name: 'Q', url: 'ftp://gazette.example/q' }, 'input.url'],
      [
        'negative money',
        'Document',
        { kind: 'CONTRACT', value: { amount: -5, currency: 'USD' } },
        'input.value.amount',
      ],
      [
        'a currency that is no ISO code',
        'Document',
        { kind: 'CONTRACT', value: { amount: 5, currency: 'usd' } },
        'input.value.currency',
      ],
      ['a count of zero', 'Document', { kind: 'CONTRACT', count: 0 }, 'input.count'],
      [
        'a negative factor',
        'Figure',
        { metric: 'OTHER', value: 1, unit: 'km', changeFactor: -1 },
        'input.changeFactor',
      ],
      [
        'an unknown source',
        'Sector',
        { name: 'Q', statedIn: { sourceId: 'source:m-none' } },
        'input.statedIn.sourceId',
      ],
      ['a source id that is no id', 'Sector', { name: 'Q', statedIn: { sourceId: 'nope' } }, 'input.statedIn.sourceId'],
    ])('create with %s is BAD_USER_INPUT naming the field, and writes nothing', async (_what, type, input, field) => {
      const before = await harness.fingerprint();
      const result = await create(type, input);
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual([field]);
      expect(result.errors?.[0]?.message).toContain(field);
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('names the field of a bad update too, even when the input repeats the id', async () => {
      const before = await harness.fingerprint();
      const result = await harness.run(
        `mutation { updateRegion(id: "region:m-yl", input: { id: "region:m-yl", name: "Yland", kind: COUNTRY, iso2: "yl" }) { id } }`,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['input.iso2']);
      expect(await harness.fingerprint()).toEqual(before);
    });
  });

  describe('access', () => {
    it('refuses writes to readers (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
      const before = await harness.fingerprint();
      expect(codeOf(await create('Sector', { name: 'Forestry' }, READER))).toBe('FORBIDDEN');
      expect(codeOf(await create('Sector', { name: 'Forestry' }, null as never))).toBe('UNAUTHENTICATED');
      expect(codeOf(await harness.run(`mutation { deleteSource(id: "${SOURCE}") }`, {}, READER))).toBe('FORBIDDEN');
      expect(await harness.fingerprint()).toEqual(before);
    });
  });

  describe('deleting', () => {
    it('removes the ties of a deleted entity', async () => {
      const made = await harness.run(`mutation {
        a: createOfficial(input: { id: "official:m-del", name: "Del Person" }) { id }
        b: createOrganization(input: { id: "org:m-del", name: "Del Board", kind: OTHER }) { id }
        t: createTie(input: { type: HOLDS, from: "official:m-del", to: "org:m-del", title: "Chair" })
      }`);
      expect(made.errors).toBeUndefined();
      const result = await harness.run(`mutation { deleteOrganization(id: "org:m-del") }`);
      expect(result.errors).toBeUndefined();
      const ties = await harness.cypher(`MATCH (:Official {id: 'official:m-del'})-[r]-() RETURN r`);
      expect(ties).toEqual([]);
    });

    it('refuses to delete a source that still backs statements (CONFLICT)', async () => {
      const stated = await harness.run<{ createSector: { sources: { sourceId: string; locator: string | null }[] } }>(
        `mutation { createSector(input: { name: "Shipping", statedIn: { sourceId: "${SOURCE}" } }) { sources { sourceId locator } } }`,
      );
      expect(stated.errors).toBeUndefined();
      // no locator given: null, as for ties
      expect(stated.data?.createSector.sources).toEqual([{ sourceId: SOURCE, locator: null }]);
      const before = await harness.fingerprint();
      const result = await harness.run(`mutation { deleteSource(id: "${SOURCE}") }`);
      expect(codeOf(result)).toBe('CONFLICT');
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('refuses to delete a source that only backs a tie (CONFLICT)', async () => {
      // Mutation fields run one after another, so each sees what the one before wrote.
      const tie = await harness.run(`mutation {
        s: createSource(input: { id: "source:m-tie-only", name: "Tie-only source" }) { id }
        o: createOrganization(input: { id: "org:m-del-2", name: "Del Board Two", kind: OTHER }) { id }
        t: createTie(input: { type: HOLDS, from: "official:m-del", to: "org:m-del-2", title: "Chair",
                              statedIn: { sourceId: "source:m-tie-only", locator: "p. 4" } })
      }`);
      expect(tie.errors).toBeUndefined();
      const before = await harness.fingerprint();
      const result = await harness.run(`mutation { deleteSource(id: "source:m-tie-only") }`);
      expect(codeOf(result)).toBe('CONFLICT');
      expect(await harness.fingerprint()).toEqual(before);
    });
  });
});
