import { Harness, READER } from '../support/harness';

/** createTie, updateTie and deleteTie, and the tie catalog they enforce. */

const REPORT = {
  source: { id: 'source:t-notes', name: 'Tie notes' },
  entities: [
    { ref: 'o1', official: { id: 'official:t-o1', name: 'Olga One' } },
    { ref: 'g1', organization: { id: 'org:t-g1', name: 'First Board', kind: 'GOVERNMENT' } },
    { ref: 'g2', organization: { id: 'org:t-g2', name: 'Second Board', kind: 'MINISTRY' } },
    { ref: 'r1', region: { id: 'region:t-r1', name: 'Tieland', kind: 'COUNTRY' } },
    { ref: 'r2', region: { id: 'region:t-r2', name: 'North Tieland', kind: 'SUBNATIONAL' } },
    { ref: 'f1', forum: { id: 'forum:t-f1', name: 'Tie summit', kind: 'SUMMIT' } },
    { ref: 'f2', forum: { id: 'forum:t-f2', name: 'Tie series', kind: 'SERIES' } },
    { ref: 'd1', document: { id: 'doc:t-d1', name: 'Tie accord', kind: 'AGREEMENT' } },
    { ref: 'd2', document: { id: 'doc:t-d2', name: 'Tie package', kind: 'PACKAGE', count: 2 } },
    { ref: 's1', sector: { id: 'sector:t-s1', name: 'Tie sector' } },
    { ref: 'x1', figure: { id: 'figure:t-x1', metric: 'TRADE_VOLUME', value: 1, unit: 'USD' } },
  ],
};

const CREATE = `mutation ($input: TieInput!) { createTie(input: $input) }`;
const UPDATE = `mutation ($input: TieInput!) { updateTie(input: $input) }`;
const DELETE = `mutation ($input: TieKeyInput!) { deleteTie(input: $input) }`;

interface Position {
  title: string;
  since: { value: string } | null;
  until: { value: string } | null;
  from: { id: string };
  to: { id: string };
  sources: { sourceId: string; locator: string | null }[];
}

describe('tie mutations', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    const ingested = await harness.run(
      `mutation ($report: ReportInput!) { ingestReport(report: $report) { sourceId } }`,
      {
        report: REPORT,
      },
    );
    expect(ingested.errors).toBeUndefined();
    const other = await harness.run(
      `mutation { createSource(input: { id: "source:t-other", name: "Other tie notes" }) { id } }`,
    );
    expect(other.errors).toBeUndefined();
  });

  afterAll(async () => {
    await harness.close();
  });

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  const fieldsOf = (result: { errors?: { extensions?: { problems?: { field: string }[] } }[] }) =>
    result.errors?.[0]?.extensions?.problems?.map((problem) => problem.field);

  async function positions(): Promise<Position[]> {
    const result = await harness.run<{ official: { positions: Position[] } }>(
      `{ official(id: "official:t-o1") {
          positions { title since { value } until { value } from { id } to { id } sources { sourceId locator } }
        } }`,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.official.positions;
  }

  describe('a position (HOLDS)', () => {
    const MINISTER = { type: 'HOLDS', from: 'official:t-o1', to: 'org:t-g1', title: 'Minister' };

    it('createTie creates it with its details and source, and answers true', async () => {
      const result = await harness.run(CREATE, {
        input: { ...MINISTER, since: '2020-05', statedIn: { sourceId: 'source:t-notes', locator: '¶1' } },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ createTie: true });
      expect(await positions()).toEqual([
        {
          title: 'Minister',
          since: { value: '2020-05' },
          until: null,
          from: { id: 'official:t-o1' },
          to: { id: 'org:t-g1' },
          sources: [{ sourceId: 'source:t-notes', locator: '¶1' }],
        },
      ]);
    });

    it('createTie of the same tie from another source adds the source, keeps the details, answers false', async () => {
      const result = await harness.run(CREATE, {
        input: { ...MINISTER, title: 'MINISTER', statedIn: { sourceId: 'source:t-other', locator: 'p. 2' } },
      });
      expect(result.data).toEqual({ createTie: false });
      const [position] = await positions();
      expect(position?.since).toEqual({ value: '2020-05' });
      expect(position?.sources).toEqual([
        { sourceId: 'source:t-notes', locator: '¶1' },
        { sourceId: 'source:t-other', locator: 'p. 2' },
      ]);
    });

    it('createTie of the same tie with the same source and locator changes nothing', async () => {
      const before = await harness.fingerprint();
      const result = await harness.run(CREATE, {
        input: { ...MINISTER, statedIn: { sourceId: 'source:t-notes', locator: '¶1' } },
      });
      expect(result.data).toEqual({ createTie: false });
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('createTie with another title is another position between the same two', async () => {
      const result = await harness.run(CREATE, { input: { ...MINISTER, title: 'Adviser' } });
      expect(result.data).toEqual({ createTie: true });
      expect((await positions()).map((position) => position.title).sort()).toEqual(['Adviser', 'Minister']);
    });

    it('updateTie replaces the details, keeping the sources', async () => {
      const result = await harness.run(UPDATE, { input: { ...MINISTER, until: '2022' } });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ updateTie: true });
      const minister = (await positions()).find((position) => position.title === 'Minister');
      expect(minister).toMatchObject({ since: null, until: { value: '2022' } });
      expect(minister?.sources).toHaveLength(2);
    });

    it('deleteTie deletes the position of that title only', async () => {
      const result = await harness.run(DELETE, {
        input: { type: 'HOLDS', from: 'official:t-o1', to: 'org:t-g1', title: 'adviser' },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ deleteTie: true });
      expect((await positions()).map((position) => position.title)).toEqual(['Minister']);
    });

    it('updateTie and deleteTie of a tie that is not there are NOT_FOUND and change nothing', async () => {
      const before = await harness.fingerprint();
      const missing = { type: 'HOLDS', from: 'official:t-o1', to: 'org:t-g1', title: 'Adviser' };
      expect(codeOf(await harness.run(UPDATE, { input: missing }))).toBe('NOT_FOUND');
      expect(codeOf(await harness.run(DELETE, { input: missing }))).toBe('NOT_FOUND');
      expect(codeOf(await harness.run(UPDATE, { input: { ...missing, to: 'org:t-g2', title: 'Minister' } }))).toBe(
        'NOT_FOUND',
      );
      expect(codeOf(await harness.run(DELETE, { input: { type: 'BINDS', from: 'doc:t-d1', to: 'region:t-r1' } }))).toBe(
        'NOT_FOUND',
      );
      expect(await harness.fingerprint()).toEqual(before);
    });
  });

  describe('attendance and signatures', () => {
    it('keep their role and the party acted for', async () => {
      const made = await harness.run(`mutation {
        a: createTie(input: { type: ATTENDED, from: "official:t-o1", to: "forum:t-f1", role: "speaker", onBehalfOf: "region:t-r1" })
        s: createTie(input: { type: SIGNED, from: "official:t-o1", to: "doc:t-d1", onBehalfOf: "org:t-g1" })
      }`);
      expect(made.errors).toBeUndefined();
      const result = await harness.run<{
        official: {
          attendance: { role: string; onBehalfOf: { id: string }; to: { id: string } }[];
          signatures: { role: null; onBehalfOf: { id: string }; to: { id: string } }[];
        };
      }>(`{ official(id: "official:t-o1") {
        attendance { role to { id } onBehalfOf { ... on Region { id } ... on Organization { id } } }
        signatures { role to { id } onBehalfOf { ... on Region { id } ... on Organization { id } } }
      } }`);
      expect(result.errors).toBeUndefined();
      expect(result.data?.official).toEqual({
        attendance: [{ role: 'speaker', to: { id: 'forum:t-f1' }, onBehalfOf: { id: 'region:t-r1' } }],
        signatures: [{ role: null, to: { id: 'doc:t-d1' }, onBehalfOf: { id: 'org:t-g1' } }],
      });
    });

    it('updateTie can change the party acted for', async () => {
      const result = await harness.run(UPDATE, {
        input: { type: 'SIGNED', from: 'official:t-o1', to: 'doc:t-d1', onBehalfOf: 'region:t-r1' },
      });
      expect(result.errors).toBeUndefined();
      const read = await harness.run<{ document: { signatures: { onBehalfOf: { id: string } }[] } }>(
        `{ document(id: "doc:t-d1") { signatures { onBehalfOf { ... on Region { id } } } } }`,
      );
      expect(read.data?.document.signatures).toEqual([{ onBehalfOf: { id: 'region:t-r1' } }]);
    });
  });

  it('creates every tie type of the catalog between allowed ends', async () => {
    const ties: [string, string, string][] = [
      ['PART_OF', 'region:t-r2', 'region:t-r1'],
      ['PART_OF', 'org:t-g2', 'org:t-g1'],
      ['PART_OF', 'doc:t-d1', 'doc:t-d2'],
      ['BASED_IN', 'org:t-g1', 'region:t-r1'],
      ['SIGNED_AT', 'doc:t-d1', 'forum:t-f1'],
      ['BINDS', 'doc:t-d1', 'region:t-r1'],
      ['BINDS', 'doc:t-d1', 'org:t-g2'],
      ['COVERS', 'doc:t-d1', 'sector:t-s1'],
      ['HELD_IN', 'forum:t-f1', 'region:t-r2'],
      ['INVOLVES', 'forum:t-f1', 'org:t-g1'],
      ['IN_SERIES', 'forum:t-f1', 'forum:t-f2'],
      ['HELD_ALONGSIDE', 'forum:t-f2', 'forum:t-f1'],
      ['BETWEEN', 'figure:t-x1', 'region:t-r1'],
      ['FROM', 'figure:t-x1', 'region:t-r1'],
      ['TO', 'figure:t-x1', 'org:t-g2'],
      ['STATED_BY', 'figure:t-x1', 'official:t-o1'],
      ['REPORTED_AT', 'figure:t-x1', 'forum:t-f1'],
    ];
    for (const [type, from, to] of ties) {
      const result = await harness.run(CREATE, { input: { type, from, to } });
      expect({ type, from, to, errors: result.errors, data: result.data }).toEqual({
        type,
        from,
        to,
        errors: undefined,
        data: { createTie: true },
      });
    }
    const stored = await harness.cypher<{ n: number }>(
      `UNWIND $ties AS t
       MATCH (:Entity {id: t[1]})-[r]->(:Entity {id: t[2]}) WHERE type(r) = t[0]
       RETURN count(r) AS n`,
      { ties },
    );
    expect(Number(stored[0]?.n)).toBe(ties.length);
  });

  describe('catalog violations', () => {
    it.each([
      [
        'a HOLDS tie from a region',
        { type: 'HOLDS', from: 'region:t-r1', to: 'org:t-g1', title: 'Chair' },
        ['input.from'],
      ],
      [
        'a HOLDS tie to a region',
        { type: 'HOLDS', from: 'official:t-o1', to: 'region:t-r1', title: 'Chair' },
        ['input.to'],
      ],
      ['a HOLDS tie without a title', { type: 'HOLDS', from: 'official:t-o1', to: 'org:t-g2' }, ['input.title']],
      [
        'a HOLDS tie with a role',
        { type: 'HOLDS', from: 'official:t-o1', to: 'org:t-g2', title: 'Chair', role: 'x' },
        ['input.role'],
      ],
      [
        'a BINDS tie with a title',
        { type: 'BINDS', from: 'doc:t-d2', to: 'region:t-r1', title: 'Chair' },
        ['input.title'],
      ],
      [
        'a SIGNED_AT tie with a date',
        { type: 'SIGNED_AT', from: 'doc:t-d2', to: 'forum:t-f1', since: '2020' },
        ['input.since'],
      ],
      [
        'a COVERS tie on behalf of someone',
        { type: 'COVERS', from: 'doc:t-d2', to: 'sector:t-s1', onBehalfOf: 'region:t-r1' },
        ['input.onBehalfOf'],
      ],
      [
        'attendance on behalf of a forum',
        { type: 'ATTENDED', from: 'official:t-o1', to: 'forum:t-f2', onBehalfOf: 'forum:t-f1' },
        ['input.onBehalfOf'],
      ],
      ['a COVERS tie to a region', { type: 'COVERS', from: 'doc:t-d2', to: 'region:t-r1' }, ['input.to']],
      ['an unknown start', { type: 'BINDS', from: 'doc:t-nothing', to: 'region:t-r1' }, ['input.from']],
      ['unknown ends', { type: 'BINDS', from: 'doc:t-nothing', to: 'region:t-nowhere' }, ['input.from', 'input.to']],
      [
        'an unknown party',
        { type: 'SIGNED', from: 'official:t-o1', to: 'doc:t-d2', onBehalfOf: 'region:t-nowhere' },
        ['input.onBehalfOf'],
      ],
      ['an id that is no id', { type: 'BINDS', from: 'nothing', to: 'region:t-r1' }, ['input.from']],
      [
        'a date that is no date',
        { type: 'HOLDS', from: 'official:t-o1', to: 'org:t-g2', title: 'Chair', since: '2020-13' },
        ['input.since'],
      ],
      [
        'an unknown source',
        { type: 'BINDS', from: 'doc:t-d2', to: 'region:t-r1', statedIn: { sourceId: 'source:t-none' } },
        ['input.statedIn.sourceId'],
      ],
    ])('createTie with %s is BAD_USER_INPUT naming the field, and writes nothing', async (_what, input, fields) => {
      const before = await harness.fingerprint();
      const result = await harness.run(CREATE, { input });
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(fields);
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('updateTie checks the catalog as createTie does', async () => {
      const before = await harness.fingerprint();
      const result = await harness.run(UPDATE, {
        input: { type: 'HOLDS', from: 'official:t-o1', to: 'org:t-g1', title: 'Minister', role: 'x' },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['input.role']);
      expect(await harness.fingerprint()).toEqual(before);
    });
  });

  it('refuses tie writes to readers', async () => {
    const before = await harness.fingerprint();
    const result = await harness.run(CREATE, { input: { type: 'BINDS', from: 'doc:t-d2', to: 'region:t-r1' } }, READER);
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(await harness.fingerprint()).toEqual(before);
  });
});
