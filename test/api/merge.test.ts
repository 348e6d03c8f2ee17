import { Harness } from '../support/harness';

/**
 * One entity, many names: spellings kept as aliases with the sources that used them; merging two
 * entities found to be one moves every tie and statement to the one kept, and reverting the merge
 * restores both exactly.
 */

const INGEST = `mutation ($report: ReportInput!) { ingestReport(report: $report) { changeId entities { ref id created } } }`;
const MERGE = `mutation ($keep: ID!, $merge: [ID!]!, $dryRun: Boolean) {
  mergeEntities(keep: $keep, merge: $merge, dryRun: $dryRun) {
    keep merged dryRun tiesMoved tiesCombined tiesDropped aliasesAdded changeId entity { id aliases mergedFrom }
  }
}`;

interface Merged {
  mergeEntities: {
    keep: string;
    merged: string[];
    dryRun: boolean;
    tiesMoved: number;
    tiesCombined: number;
    tiesDropped: number;
    aliasesAdded: string[];
    changeId: string | null;
    entity: { id: string; aliases: string[]; mergedFrom: string[] } | null;
  };
}

/** Two reports of one steel company under two names, with ties that move, combine and drop. */
function reports(second: string) {
  return [
    {
      source: { id: 'source:merge-a', name: 'Merge report A' },
      entities: [
        { ref: 'org', organization: { name: 'Baosteel', kind: 'COMPANY' } },
        { ref: 'kz', region: { id: 'region:kz', name: 'Kazakhstan', kind: 'COUNTRY' } },
        { ref: 'deal', document: { id: 'doc:merge-deal-a', kind: 'CONTRACT', title: 'Steel supply A' } },
        {
          ref: 'forum',
          forum: {
            id: 'forum:kz-xuar-cross-border-dialogue-2',
            name: 'Second Kazakhstan–Xinjiang dialogue',
            kind: 'DIALOGUE',
          },
        },
      ],
      ties: [
        { type: 'BINDS', from: 'deal', to: 'org', locator: '¶1' },
        { type: 'BASED_IN', from: 'org', to: 'kz', locator: '¶1' },
        { type: 'INVOLVES', from: 'forum', to: 'org', locator: '¶2' },
      ],
    },
    {
      source: { id: 'source:merge-b', name: 'Merge report B' },
      entities: [
        { ref: 'org', organization: { name: second, kind: 'COMPANY' }, locator: '¶3' },
        { ref: 'deal', document: { id: 'doc:merge-deal-b', kind: 'CONTRACT', title: 'Steel supply B' } },
        {
          ref: 'forum',
          forum: {
            id: 'forum:kz-xuar-cross-border-dialogue-2',
            name: 'Second Kazakhstan–Xinjiang dialogue',
            kind: 'DIALOGUE',
          },
        },
        { ref: 'signer', official: { name: 'Wang Steel' } },
      ],
      ties: [
        { type: 'BINDS', from: 'deal', to: 'org', locator: '¶3' },
        { type: 'INVOLVES', from: 'forum', to: 'org', locator: '¶4' },
        { type: 'SIGNED', from: 'signer', to: 'deal', onBehalfOf: 'org', locator: '¶5' },
      ],
    },
  ];
}

describe('entity resolution: spellings and merges', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  const ingest = async (report: unknown) => {
    const result = await harness.run<{ ingestReport: { changeId: string; entities: { ref: string; id: string }[] } }>(
      INGEST,
      { report },
    );
    expect(result.errors).toBeUndefined();
    return result.data?.ingestReport;
  };

  it('keeps every spelling a source uses as an alias, with the source that used it', async () => {
    await ingest({
      source: { id: 'source:spelling', name: 'Spelling report' },
      entities: [{ ref: 'xj', locator: '¶1', region: { name: 'XINJIANG', kind: 'SUBNATIONAL' } }],
    });
    const region = await harness.run<{
      region: { aliases: string[]; sources: { sourceId: string; names: string[] }[] };
    }>(`{ region(id: "region:cn-xj") { aliases sources { sourceId names } } }`);
    expect(region.data?.region.aliases).toContain('XINJIANG');
    expect(region.data?.region.sources.find((source) => source.sourceId === 'source:spelling')?.names).toEqual([
      'XINJIANG',
    ]);
    const found = await harness.run<{ search: { entity: { id: string } }[] }>(
      `{ search(text: "XINJIANG") { entity { id } } }`,
    );
    expect(found.data?.search.map((hit) => hit.entity.id)).toContain('region:cn-xj');
  });

  it('resolves a name written in another word order to the same entity', async () => {
    const result = await ingest({
      source: { id: 'source:word-order', name: 'Word order report' },
      entities: [{ ref: 'minister', official: { name: 'Zhumangarin Serik' } }],
    });
    expect(result?.entities[0]?.id).toBe('official:serik-zhumangarin');
  });

  describe('merging', () => {
    let before: Awaited<ReturnType<Harness['fingerprint']>>;
    let merged: Merged['mergeEntities'] | undefined;

    beforeAll(async () => {
      for (const report of reports('BaoSteel Group')) await ingest(report);
      before = await harness.fingerprint();
    });

    it('says in a dry run what would move, and changes nothing', async () => {
      const changes = await harness.changeCount();
      const dry = await harness.run<Merged>(MERGE, {
        keep: 'org:baosteel',
        merge: ['org:baosteel-group'],
        dryRun: true,
      });
      expect(dry.errors).toBeUndefined();
      expect(dry.data?.mergeEntities).toMatchObject({
        dryRun: true,
        changeId: null,
        entity: null,
        aliasesAdded: ['BaoSteel Group'],
      });
      expect(await harness.fingerprint()).toEqual(before);
      expect(await harness.changeCount()).toBe(changes);
    });

    it('moves every tie and statement to the kept entity, combining those that become one', async () => {
      const result = await harness.run<Merged>(MERGE, { keep: 'org:baosteel', merge: ['org:baosteel-group'] });
      expect(result.errors).toBeUndefined();
      merged = result.data?.mergeEntities;
      // BINDS from deal B moves; INVOLVES from the forum becomes one with A's; STATED_IN to B moves.
      expect(merged).toMatchObject({
        keep: 'org:baosteel',
        merged: ['org:baosteel-group'],
        tiesCombined: 1,
        tiesDropped: 0,
      });
      expect(merged?.entity).toEqual({
        id: 'org:baosteel',
        aliases: ['BaoSteel Group'],
        mergedFrom: ['org:baosteel-group'],
      });

      const org = await harness.run<{
        organization: {
          id: string;
          documents: { id: string }[];
          forums: { id: string }[];
          sources: { sourceId: string }[];
        };
      }>(`{ organization(id: "org:baosteel") { id documents { id } forums { id } sources { sourceId } } }`);
      expect(org.data?.organization.documents.map((d) => d.id).sort()).toEqual([
        'doc:merge-deal-a',
        'doc:merge-deal-b',
      ]);
      expect(org.data?.organization.forums).toEqual([{ id: 'forum:kz-xuar-cross-border-dialogue-2' }]);
      expect(org.data?.organization.sources.map((s) => s.sourceId).sort()).toEqual([
        'source:merge-a',
        'source:merge-b',
      ]);

      // The combined tie keeps both statements; nothing is counted twice.
      const involves = await harness.cypher<{ ties: unknown; sources: string[] }>(
        `MATCH (:Forum {id: 'forum:kz-xuar-cross-border-dialogue-2'})-[r:INVOLVES]->(:Organization {id: 'org:baosteel'})
         RETURN count(r) AS ties, collect(r.sourceIds)[0] AS sources`,
      );
      expect(Number(involves[0]?.ties)).toBe(1);
      expect(involves[0]?.sources).toEqual(['source:merge-a', 'source:merge-b']);
      // A signature on behalf of the merged entity is on behalf of the kept one.
      const signed = await harness.cypher<{ party: string }>(
        `MATCH (:Official)-[r:SIGNED]->(:Document {id: 'doc:merge-deal-b'}) RETURN r.onBehalfOf AS party`,
      );
      expect(signed).toEqual([{ party: 'org:baosteel' }]);
    });

    it('keeps finding the merged entity by its old id, by its names and in new reports', async () => {
      for (const query of [
        `{ node(id: "org:baosteel-group") { id } }`,
        `{ organization(id: "org:baosteel-group") { id } }`,
      ]) {
        const result = await harness.run<Record<string, { id: string }>>(query);
        expect(Object.values(result.data ?? {})[0]).toEqual({ id: 'org:baosteel' });
      }
      const again = await ingest({
        source: { id: 'source:merge-c', name: 'Merge report C' },
        entities: [
          { ref: 'byName', organization: { name: 'BaoSteel Group', kind: 'COMPANY' } },
          { ref: 'byId', organization: { id: 'org:baosteel-group', name: 'Baosteel', kind: 'COMPANY' } },
        ],
        ties: [{ type: 'BASED_IN', from: 'org:baosteel-group', to: 'region:kz' }],
      });
      expect(again?.entities.map((entity) => entity.id)).toEqual(['org:baosteel', 'org:baosteel']);
      expect(
        (await harness.run<{ node: unknown }>(`{ node(id: "org:baosteel-group") { __typename } }`)).data?.node,
      ).toEqual({
        __typename: 'Organization',
      });
      const revert = await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, { id: again?.changeId });
      expect(revert.errors).toBeUndefined();
    });

    it('unmerges by reverting the merge: both entities come back exactly', async () => {
      const revert = await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, {
        id: merged?.changeId,
      });
      expect(revert.errors).toBeUndefined();
      expect(await harness.fingerprint()).toEqual(before);
      expect((await harness.run<{ node: unknown }>(`{ node(id: "org:baosteel-group") { id } }`)).data?.node).toEqual({
        id: 'org:baosteel-group',
      });
    });

    it('refuses entities of different types, the kept one among the merged, and unknown ids', async () => {
      const types = await harness.run(MERGE, { keep: 'org:baosteel', merge: ['region:kz'] });
      expect(codeOf(types)).toBe('BAD_USER_INPUT');
      expect(types.errors?.[0]?.message).toMatch(/only entities of one type merge/);
      expect(codeOf(await harness.run(MERGE, { keep: 'org:baosteel', merge: ['org:baosteel'] }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await harness.run(MERGE, { keep: 'org:baosteel', merge: ['org:nobody'] }))).toBe('NOT_FOUND');
      expect(codeOf(await harness.run(MERGE, { keep: 'org:baosteel', merge: ['kz'] }))).toBe('BAD_USER_INPUT');
      expect(await harness.fingerprint()).toEqual(before);
    });

    it('never loses a tie when overlapping merges run at once', async () => {
      const ORGS = 12;
      await ingest({
        source: { id: 'source:overlap', name: 'Overlap report' },
        entities: Array.from({ length: ORGS }, (_, index) => [
          { ref: `o${index}`, organization: { id: `org:overlap-${index}`, name: `Overlap ${index}`, kind: 'COMPANY' } },
          {
            ref: `d${index}`,
            document: { id: `doc:overlap-${index}`, kind: 'CONTRACT', title: `Overlap deal ${index}` },
          },
        ]).flat(),
        ties: Array.from({ length: ORGS }, (_, index) => ({ type: 'BINDS', from: `d${index}`, to: `o${index}` })),
      });
      // Each merge shares an entity with the next: they must wait for each other, never interleave.
      const results = await Promise.all(
        Array.from({ length: ORGS - 1 }, (_, index) =>
          harness.run(MERGE, { keep: `org:overlap-${index}`, merge: [`org:overlap-${index + 1}`] }),
        ),
      );
      for (const result of results) expect([undefined, 'NOT_FOUND']).toContain(codeOf(result));
      const ties = await harness.cypher<{ deal: string; org: string }>(
        `MATCH (d:Document)-[:BINDS]->(o:Organization) WHERE d.id STARTS WITH 'doc:overlap-' RETURN d.id AS deal, o.id AS org`,
      );
      // Every deal still binds exactly one company, one that exists.
      expect(ties).toHaveLength(ORGS);
      const companies = await harness.cypher<{ count: unknown }>(
        `MATCH (o:Organization) WHERE o.id STARTS WITH 'org:overlap-' RETURN count(o) AS count`,
      );
      expect(Number(companies[0]?.count)).toBe(ORGS - results.filter((result) => !result.errors).length);
    });

    it('answers every query as if the graph had only the kept entity', async () => {
      // Merge again, read, then build the same graph with one name for the company and read again.
      await harness.reset();
      await harness.seed();
      for (const report of reports('BaoSteel Group')) await ingest(report);
      const result = await harness.run<Merged>(MERGE, { keep: 'org:baosteel', merge: ['org:baosteel-group'] });
      expect(result.errors).toBeUndefined();
      const afterMerge = await answers();
      await harness.reset();
      await harness.seed();
      for (const report of reports('Baosteel')) await ingest(report);
      expect(afterMerge).toEqual(await answers());
    });

    const answers = async () => {
      const result = await harness.run<{
        neighborhood: { nodes: { id: string }[]; edges: { type: string; source: string; target: string }[] };
        signings: { totalCount: number };
        documents: { totalCount: number };
      }>(`{
        neighborhood(id: "org:baosteel", depth: 2) { nodes { id } edges { type source target } }
        signings(filter: { organization: "org:baosteel" }) { totalCount }
        documents(filter: { organization: "org:baosteel" }) { totalCount }
      }`);
      expect(result.errors).toBeUndefined();
      const data = result.data;
      return {
        signings: data?.signings,
        documents: data?.documents,
        nodes: data?.neighborhood.nodes.map((node) => node.id).sort(),
        edges: data?.neighborhood.edges.map((edge) => `${edge.type} ${edge.source} ${edge.target}`).sort(),
      };
    };
  });
});
