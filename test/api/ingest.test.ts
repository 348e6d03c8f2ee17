import { Harness } from '../support/harness';

/**
 * `ingestReport` over the seed graph: all or nothing, idempotent, resolving what a report names
 * to what the graph has, and recording every statement's source.
 */

const INGEST = `mutation ($report: ReportInput!) {
  ingestReport(report: $report) { sourceId entities { ref id type created } tiesCreated tiesMatched }
}`;

interface Outcome {
  ingestReport: {
    sourceId: string;
    entities: { ref: string; id: string; type: string; created: boolean }[];
    tiesCreated: number;
    tiesMatched: number;
  };
}

type Report = Record<string, unknown>;

const SECOND_SOURCE = { id: 'source:i-second', name: 'A second report on the dialogue', publishedOn: '2023-04' };

describe('ingestReport', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  const ingest = (report: Report) => harness.run<Outcome>(INGEST, { report });
  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  const fieldsOf = (result: { errors?: { extensions?: { problems?: { field: string }[] } }[] }) =>
    result.errors?.[0]?.extensions?.problems?.map((problem) => problem.field);

  async function expectNothingWritten(report: Report, fields: string[]): Promise<void> {
    const before = await harness.fingerprint();
    const result = await ingest(report);
    expect(result.data).toBeNull();
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(result)).toEqual(fields);
    expect(await harness.fingerprint()).toEqual(before);
  }

  describe('all or nothing', () => {
    const entities = [
      { ref: 'new-official', official: { name: 'Nurlan Newcomer' } },
      { ref: 'new-org', organization: { name: 'Newcomer Holdings', kind: 'COMPANY' } },
    ];

    it('writes nothing when the last tie joins ends the catalog does not allow', async () => {
      await expectNothingWritten(
        {
          source: { name: 'A report with a bad last tie' },
          entities,
          ties: [
            { type: 'HOLDS', from: 'new-official', to: 'new-org', title: 'Chair' },
            { type: 'BASED_IN', from: 'new-org', to: 'region:kz' },
            { type: 'HOLDS', from: 'region:kz', to: 'new-org', title: 'Owner' },
          ],
        },
        ['report.ties[2].from'],
      );
    });

    it('writes nothing when the last tie names nothing the report or the graph has', async () => {
      await expectNothingWritten(
        {
          source: { name: 'A report with a dangling tie' },
          entities,
          ties: [
            { type: 'HOLDS', from: 'new-official', to: 'new-org', title: 'Chair' },
            { type: 'BASED_IN', from: 'new-org', to: 'region:atlantis' },
          ],
        },
        ['report.ties[1].to'],
      );
    });

    it('writes nothing when the last tie lacks a detail its type needs', async () => {
      await expectNothingWritten(
        {
          source: { name: 'A report with a title missing' },
          entities,
          ties: [
            { type: 'BASED_IN', from: 'new-org', to: 'region:kz' },
            { type: 'HOLDS', from: 'new-official', to: 'new-org' },
          ],
        },
        ['report.ties[1].title'],
      );
    });

    it('names the field of a bad entity by its path in the report', async () => {
      await expectNothingWritten(
        {
          source: { name: 'A report with a bad code' },
          entities: [...entities, { ref: 'bad-region', region: { name: 'Badland', kind: 'COUNTRY', iso2: 'bad' } }],
        },
        ['report.entities[2].region.iso2'],
      );
    });

    it('names the other problems a report can have', async () => {
      await expectNothingWritten(
        {
          source: { name: 'A report with several problems', url: 'example.org/report' },
          entities: [
            { ref: 'twice', sector: { name: 'Sector one' } },
            { ref: 'twice', sector: { name: 'Sector two' } },
            { ref: 'both', sector: { name: 'Sector three' }, official: { name: 'An official' } },
            { ref: 'dated', forum: { name: 'Forum', kind: 'MEETING', date: '2023-13' } },
          ],
          ties: [{ type: 'COVERS', from: 'twice', to: 'twice', title: 'x', since: '2023-02-30' }],
        },
        ['report.source.url', 'report.entities[3].forum.date', 'report.ties[0].since'],
      );
      await expectNothingWritten(
        {
          source: { name: 'A report with refs used twice' },
          entities: [
            { ref: 'twice', sector: { name: 'Sector one' } },
            { ref: 'twice', sector: { name: 'Sector two' } },
            { ref: 'both', sector: { name: 'Sector three' }, official: { name: 'An official' } },
          ],
          ties: [{ type: 'COVERS', from: 'twice', to: 'twice', title: 'x' }],
        },
        ['report.entities[1].ref', 'report.entities[2]', 'report.ties[0].title'],
      );
    });

    it('refuses an id that belongs to an entity of another type', async () => {
      await expectNothingWritten(
        {
          source: { name: 'A report that mistakes a region for an official' },
          entities: [...entities, { ref: 'kz', official: { id: 'region:kz', name: 'Kazakhstan' } }],
        },
        ['report.entities[2].official.id'],
      );
      await expectNothingWritten({ source: { id: 'region:kz', name: 'A source that is a region' }, entities }, [
        'report.source.id',
      ]);
    });
  });

  describe('idempotency', () => {
    const REPORT = {
      source: { id: 'source:i-idem', name: 'A report ingested twice', url: 'https://example.org/twice' },
      entities: [
        { ref: 'official', locator: '¶1', official: { name: 'Idem Potent', aliases: ['I. Potent'] } },
        { ref: 'forum', locator: '¶1', forum: { name: 'Idempotency forum', kind: 'MEETING', date: '2024-01' } },
        { ref: 'group', locator: '¶2', document: { kind: 'MEMORANDUM_OF_UNDERSTANDING', count: 3 } },
        { ref: 'figure', locator: '¶3', figure: { metric: 'INVESTMENT', value: 5e6, unit: 'USD', period: '2024' } },
      ],
      ties: [
        { type: 'ATTENDED', from: 'official', to: 'forum', role: 'host', onBehalfOf: 'region:kz', locator: '¶1' },
        { type: 'SIGNED_AT', from: 'group', to: 'forum', locator: '¶2' },
        { type: 'BINDS', from: 'group', to: 'region:kz', locator: '¶2' },
        { type: 'REPORTED_AT', from: 'figure', to: 'forum', locator: '¶3' },
      ],
    };

    it('changes nothing, not even updatedAt, when the same report comes again', async () => {
      const first = await ingest(REPORT);
      expect(first.errors).toBeUndefined();
      expect(first.data?.ingestReport.entities.every((entity) => entity.created)).toBe(true);
      expect(first.data?.ingestReport).toMatchObject({ sourceId: 'source:i-idem', tiesCreated: 4, tiesMatched: 0 });
      const before = await harness.fingerprint();

      const second = await ingest(REPORT);
      expect(second.errors).toBeUndefined();
      expect(second.data?.ingestReport.entities.map((entity) => [entity.id, entity.created])).toEqual(
        first.data?.ingestReport.entities.map((entity) => [entity.id, false]),
      );
      expect(second.data?.ingestReport).toMatchObject({ tiesCreated: 0, tiesMatched: 4 });
      expect(await harness.fingerprint()).toEqual(before);
    });
  });

  describe('resolution', () => {
    it('finds entities by id, by name and by alias, ignoring case and accents, and duplicates none', async () => {
      const officials = await harness.cypher(`MATCH (n:Official) RETURN n.id`);
      const result = await ingest({
        source: SECOND_SOURCE,
        entities: [
          { ref: 'ma', locator: 'a', official: { name: 'ma xíngrui' } },
          { ref: 'ma-again', locator: 'b', official: { name: 'MA XINGRUI' } },
          { ref: 'zh', locator: 'c', official: { id: 'official:serik-zhumangarin', name: 'Serik Zhumangarin' } },
          { ref: 'xj', locator: 'd', region: { name: 'xinjiang', kind: 'SUBNATIONAL' } },
          { ref: 'cn', locator: 'e', region: { name: 'Chinese People’s Republic', aliases: ['PRC'], kind: 'COUNTRY' } },
          { ref: 'gov', locator: 'f', organization: { name: 'Government of Kazakhstan', kind: 'GOVERNMENT' } },
        ],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.ingestReport.entities.map(({ ref, id, created }) => [ref, id, created])).toEqual([
        ['ma', 'official:ma-xingrui', false],
        ['ma-again', 'official:ma-xingrui', false],
        ['zh', 'official:serik-zhumangarin', false],
        ['xj', 'region:cn-xj', false],
        ['cn', 'region:cn', false],
        ['gov', 'org:kz-government', false],
      ]);
      expect(await harness.cypher(`MATCH (n:Official) RETURN n.id`)).toHaveLength(officials.length);
    });

    it('keeps the name an entity has and records a new name as an alias', async () => {
      const result = await harness.run<{
        official: { name: string; aliases: string[] };
        region: { name: string; aliases: string[] };
        china: { name: string; aliases: string[] };
      }>(`{
        official(id: "official:ma-xingrui") { name aliases }
        region(id: "region:cn-xj") { name aliases }
        china: region(id: "region:cn") { name aliases }
      }`);
      // The report's other spellings of the name are kept as aliases (issue 14).
      expect(result.data?.official).toEqual({ name: 'Ma Xingrui', aliases: ['ma xíngrui', 'MA XINGRUI'] });
      expect(result.data?.region).toEqual({
        name: 'Xinjiang Uygur Autonomous Region',
        aliases: ['XUAR', 'Xinjiang', 'xinjiang'],
      });
      expect(result.data?.china.name).toBe('China');
      expect(result.data?.china.aliases).toEqual(
        expect.arrayContaining(["People's Republic of China", 'PRC', 'Chinese People’s Republic']),
      );
    });

    it('adds the second source to the provenance of what it restates', async () => {
      const result = await harness.run<{ official: { sources: { sourceId: string; locator: string | null }[] } }>(
        `{ official(id: "official:ma-xingrui") { sources { sourceId locator } } }`,
      );
      expect(result.data?.official.sources).toEqual([
        { sourceId: 'source:commonspace-2023-03-kz-cn-agreements', locator: '¶3' },
        { sourceId: 'source:i-second', locator: 'a' },
        { sourceId: 'source:i-second', locator: 'b' },
      ]);
    });

    it('finds the new alias in lists and by later reports', async () => {
      const list = await harness.run<{ regions: { nodes: { id: string }[] } }>(
        `{ regions(filter: { text: "chinese people" }) { nodes { id } } }`,
      );
      expect(list.data?.regions.nodes).toEqual([{ id: 'region:cn' }]);
      const again = await ingest({
        source: SECOND_SOURCE,
        entities: [{ ref: 'cn', locator: 'e', region: { name: "CHINESE PEOPLE'S REPUBLIC", kind: 'COUNTRY' } }],
      });
      expect(again.data?.ingestReport.entities[0]).toMatchObject({ id: 'region:cn', created: false });
    });
  });

  describe('tie provenance', () => {
    const POSITION = {
      type: 'HOLDS',
      from: 'official:ma-xingrui',
      to: 'org:ccp-xuar-committee',
      title: 'Party Secretary',
    };

    async function tie() {
      const result = await harness.run<{
        official: { positions: { title: string; sources: { sourceId: string; locator: string | null }[] }[] };
      }>(`{ official(id: "official:ma-xingrui") { positions { title sources { sourceId locator } } } }`);
      return result.data?.official.positions.find((position) => position.title === 'Party Secretary');
    }

    it('a second source stating a tie adds a source entry without duplicating the tie', async () => {
      const relationships = (await harness.fingerprint()).relationships;
      const result = await ingest({ source: SECOND_SOURCE, entities: [], ties: [{ ...POSITION, locator: '¶9' }] });
      expect(result.errors).toBeUndefined();
      expect(result.data?.ingestReport).toMatchObject({ tiesCreated: 0, tiesMatched: 1 });
      expect((await harness.fingerprint()).relationships).toBe(relationships);
      expect((await tie())?.sources).toEqual([
        { sourceId: 'source:commonspace-2023-03-kz-cn-agreements', locator: '¶3' },
        { sourceId: 'source:i-second', locator: '¶9' },
      ]);
    });

    it('the same source and locator again adds nothing; another locator adds an entry', async () => {
      const before = await harness.fingerprint();
      const same = await ingest({ source: SECOND_SOURCE, entities: [], ties: [{ ...POSITION, locator: '¶9' }] });
      expect(same.errors).toBeUndefined();
      expect(await harness.fingerprint()).toEqual(before);

      const other = await ingest({ source: SECOND_SOURCE, entities: [], ties: [{ ...POSITION, locator: '¶10' }] });
      expect(other.errors).toBeUndefined();
      expect((await tie())?.sources.map((source) => source.locator)).toEqual(['¶3', '¶9', '¶10']);
    });

    it('a restatement that leaves out a detail keeps it', async () => {
      const result = await ingest({
        source: SECOND_SOURCE,
        entities: [],
        ties: [{ type: 'ATTENDED', from: 'official:serik-zhumangarin', to: 'forum:kz-xuar-cross-border-dialogue-2' }],
      });
      expect(result.errors).toBeUndefined();
      const read = await harness.run<{
        forum: { attendance: { role: string; onBehalfOf: { id: string } | null }[] };
      }>(
        `{ forum(id: "forum:kz-xuar-cross-border-dialogue-2") { attendance { role onBehalfOf { ... on Region { id } } } } }`,
      );
      expect(read.data?.forum.attendance).toEqual([{ role: 'speaker', onBehalfOf: { id: 'region:kz' } }]);
    });
  });

  describe('unnamed documents', () => {
    const group = (source: Record<string, unknown>) => ({
      source,
      entities: [{ ref: 'deals', document: { kind: 'COMMERCIAL_AGREEMENT', count: 5 } }],
      ties: [{ type: 'SIGNED_AT', from: 'deals', to: 'forum:kz-xuar-cross-border-dialogue-2' }],
    });

    it('are not merged across reports, though each report finds its own again', async () => {
      const first = await ingest(group({ name: 'First wire story' }));
      const second = await ingest(group({ name: 'Second wire story' }));
      const firstAgain = await ingest(group({ name: 'First wire story' }));
      const [a, b, c] = [first, second, firstAgain].map((result) => result.data?.ingestReport.entities[0]);
      expect(a?.created).toBe(true);
      expect(b?.created).toBe(true);
      expect(b?.id).not.toBe(a?.id);
      expect(c).toEqual({ ...a, created: false });
    });
  });
});
