import { EDITOR, Harness, READER } from '../support/harness';

/**
 * The change log: every write leaves one change with its actor and its diff, in the write's own
 * transaction; history and the feed read it; a revert puts the graph back exactly.
 */

const CHANGE_FIELDS = `id at actor operation sourceId revertOf
  entities { id type action properties { property before after } }
  ties { type from to key action properties { property before after } }`;

interface ChangeView {
  id: string;
  actor: string | null;
  operation: string;
  sourceId: string | null;
  revertOf: string | null;
  entities: {
    id: string;
    type: string;
    action: string;
    properties: { property: string; before: unknown; after: unknown }[];
  }[];
  ties: { type: string; from: string; to: string; key: string; action: string }[];
}

const INGEST = `mutation ($report: ReportInput!) {
  ingestReport(report: $report) { changeId sourceId entities { ref id created } }
}`;

describe('the change log', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

  async function latest(): Promise<ChangeView> {
    const result = await harness.run<{ changes: { nodes: ChangeView[] } }>(
      `{ changes(first: 1) { nodes { ${CHANGE_FIELDS} } } }`,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.changes.nodes[0] as ChangeView;
  }

  it('records a create with its actor and every property, and only what changed on an update', async () => {
    const before = await harness.changeCount();
    const created = await harness.run<{ createSector: { id: string } }>(
      `mutation { createSector(input: { name: "Hydrogen", description: "green" }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(await harness.changeCount()).toBe(before + 1);
    const create = await latest();
    expect(create).toMatchObject({ actor: EDITOR.id, operation: 'createSector', sourceId: null, revertOf: null });
    expect(create.entities).toHaveLength(1);
    expect(create.entities[0]).toMatchObject({ id: 'sector:hydrogen', type: 'SECTOR', action: 'CREATED' });
    const createdProps = Object.fromEntries(create.entities[0]?.properties.map((p) => [p.property, p.after]) ?? []);
    expect(createdProps).toMatchObject({ id: 'sector:hydrogen', name: 'Hydrogen', description: 'green' });

    await harness.run(
      `mutation { updateSector(id: "sector:hydrogen", input: { name: "Hydrogen", description: "clean" }) { id } }`,
    );
    const update = await latest();
    expect(update.operation).toBe('updateSector');
    const changed = update.entities[0]?.properties.map((p) => p.property);
    expect(changed).toEqual(['description', 'updatedAt']);
    expect(update.entities[0]?.properties[0]).toEqual({ property: 'description', before: 'green', after: 'clean' });
  });

  it('shows who made a change to editors only', async () => {
    const asReader = await harness.run<{ changes: { nodes: { actor: string | null }[] } }>(
      `{ changes(first: 1) { nodes { actor operation } } }`,
      {},
      READER,
    );
    expect(asReader.errors).toBeUndefined();
    expect(asReader.data?.changes.nodes[0]?.actor).toBeNull();
  });

  it('records one change per report, none for the same report again', async () => {
    const report = {
      source: { id: 'source:h-report', name: 'History report', publishedOn: '2024-05' },
      entities: [
        { ref: 'kz', region: { id: 'region:kz', name: 'Kazakhstan', kind: 'COUNTRY' }, locator: '¶1' },
        { ref: 'deal', document: { kind: 'AGREEMENT', count: 2, title: 'Two deals' }, locator: '¶2' },
      ],
      ties: [{ type: 'BINDS', from: 'deal', to: 'kz', locator: '¶2' }],
    };
    const first = await harness.run<{ ingestReport: { changeId: string | null } }>(INGEST, { report });
    expect(first.errors).toBeUndefined();
    const changeId = first.data?.ingestReport.changeId;
    expect(changeId).toMatch(/^change:/);
    const change = await latest();
    expect(change).toMatchObject({ id: changeId, operation: 'ingestReport', sourceId: 'source:h-report' });
    expect(change.ties.map((tie) => tie.type).sort()).toEqual(['BINDS', 'STATED_IN', 'STATED_IN']);

    const count = await harness.changeCount();
    const again = await harness.run<{ ingestReport: { changeId: string | null } }>(INGEST, { report });
    expect(again.errors).toBeUndefined();
    expect(again.data?.ingestReport.changeId).toBeNull();
    expect(await harness.changeCount()).toBe(count);
  });

  it('lists the history of an entity and of a tie, newest first, paged', async () => {
    const history = await harness.run<{
      history: { nodes: ChangeView[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(`{ history(id: "sector:hydrogen", first: 1) { nodes { operation } pageInfo { hasNextPage endCursor } } }`);
    expect(history.errors).toBeUndefined();
    expect(history.data?.history.nodes.map((c) => c.operation)).toEqual(['updateSector']);
    expect(history.data?.history.pageInfo.hasNextPage).toBe(true);
    const next = await harness.run<{ history: { nodes: ChangeView[]; pageInfo: { hasNextPage: boolean } } }>(
      `query ($after: String) { history(id: "sector:hydrogen", first: 5, after: $after) { nodes { operation } pageInfo { hasNextPage } } }`,
      { after: history.data?.history.pageInfo.endCursor },
    );
    expect(next.data?.history.nodes.map((c) => c.operation)).toEqual(['createSector']);
    expect(next.data?.history.pageInfo.hasNextPage).toBe(false);

    const kz = await harness.run<{ history: { nodes: ChangeView[] } }>(
      `{ history(id: "region:kz") { nodes { operation sourceId } } }`,
    );
    // The seed made it; the report above tied a document to it.
    expect(kz.data?.history.nodes.map((c) => c.operation)).toEqual(['ingestReport', 'ingestReport']);

    const tie = await harness.run<{ tieHistory: { nodes: ChangeView[] } }>(
      `{ tieHistory(type: BINDS, from: "doc:kz-xuar-dialogue-2-interregional", to: "region:kz") { nodes { operation sourceId } } }`,
    );
    expect(tie.errors).toBeUndefined();
    expect(tie.data?.tieHistory.nodes.map((c) => c.operation)).toEqual(['ingestReport']);
  });

  it('filters the feed by actor, type, entity, region and time', async () => {
    const feed = async (filter: Record<string, unknown>) => {
      const result = await harness.run<{ changes: { nodes: ChangeView[]; totalCount: number } }>(
        `query ($filter: ChangeFilter) { changes(filter: $filter, first: 50) { totalCount nodes { operation } } }`,
        { filter },
      );
      expect(result.errors).toBeUndefined();
      return result.data?.changes;
    };
    const all = await feed({});
    expect(all?.totalCount).toBe(await harness.changeCount());
    expect((await feed({ actor: 'system' }))?.nodes.every((c) => c.operation === 'ingestReport')).toBe(true);
    expect((await feed({ actor: EDITOR.id }))?.totalCount).toBe(3);
    // The seed's report made sectors too.
    expect((await feed({ type: 'SECTOR' }))?.nodes.map((c) => c.operation)).toEqual([
      'updateSector',
      'createSector',
      'ingestReport',
    ]);
    expect((await feed({ entity: 'sector:hydrogen' }))?.totalCount).toBe(2);
    expect((await feed({ since: '2999-01-01T00:00:00Z' }))?.totalCount).toBe(0);
    // Xinjiang's changes: the seed's, not the sector's nor the Kazakhstan report's.
    const xinjiang = await feed({ region: 'region:cn-xj' });
    expect(xinjiang?.nodes.map((c) => c.operation)).toEqual(['ingestReport']);
    const refused = await harness.run(`{ changes(filter: { type: "Nonsense" }) { totalCount } }`);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
  });

  it('reverts a delete: the entity comes back with its ties and their sources, exactly', async () => {
    const before = await harness.fingerprint();
    const deleted = await harness.run(`mutation { deleteRegion(id: "region:cn-xj") }`);
    expect(deleted.errors).toBeUndefined();
    const gone = await harness.run<{ region: unknown }>(`{ region(id: "region:cn-xj") { id } }`);
    expect(gone.data?.region).toBeNull();
    const deletion = await latest();
    expect(deletion.operation).toBe('deleteRegion');
    expect(deletion.entities[0]).toMatchObject({ id: 'region:cn-xj', action: 'DELETED' });
    expect(deletion.ties.length).toBeGreaterThan(3);

    const reverted = await harness.run<{ revertChange: ChangeView }>(
      `mutation ($id: ID!) { revertChange(id: $id) { ${CHANGE_FIELDS} } }`,
      { id: deletion.id },
    );
    expect(reverted.errors).toBeUndefined();
    expect(reverted.data?.revertChange).toMatchObject({ operation: 'revertChange', revertOf: deletion.id });
    expect(await harness.fingerprint()).toEqual(before);

    // Reverting the revert deletes it again (a redo); reverting that restores it once more.
    const redo = await harness.run<{ revertChange: { id: string } }>(
      `mutation ($id: ID!) { revertChange(id: $id) { id } }`,
      {
        id: reverted.data?.revertChange.id,
      },
    );
    expect(redo.errors).toBeUndefined();
    expect((await harness.run<{ region: unknown }>(`{ region(id: "region:cn-xj") { id } }`)).data?.region).toBeNull();
    const undo = await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, {
      id: redo.data?.revertChange.id,
    });
    expect(undo.errors).toBeUndefined();
    expect(await harness.fingerprint()).toEqual(before);
  });

  it('reverts a report: what it created goes, what it added to goes back as it was', async () => {
    const before = await harness.fingerprint();
    const result = await harness.run<{ ingestReport: { changeId: string } }>(INGEST, {
      report: {
        source: { name: 'Revertable report' },
        entities: [
          { ref: 'kz', region: { name: 'Kazakhstan', kind: 'COUNTRY', aliases: ['Qazaqstan'] } },
          { ref: 'org', organization: { name: 'Steppe Rail', kind: 'COMPANY' } },
        ],
        ties: [{ type: 'BASED_IN', from: 'org', to: 'kz' }],
      },
    });
    expect(result.errors).toBeUndefined();
    const revert = await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, {
      id: result.data?.ingestReport.changeId,
    });
    expect(revert.errors).toBeUndefined();
    expect(await harness.fingerprint()).toEqual(before);
    // The alias is gone again, and with it its resolution key.
    const search = await harness.cypher(`MATCH (k:NameKey {key: 'Region:qazaqstan'}) RETURN k`);
    expect(search).toHaveLength(0);
  });

  it('refuses a revert when a later change touched the same facts, naming it', async () => {
    await harness.run(`mutation { createSector(input: { name: "Tidal", description: "one" }) { id } }`);
    const create = await latest();
    await harness.run(
      `mutation { updateSector(id: "sector:tidal", input: { name: "Tidal", description: "two" }) { id } }`,
    );
    const update = await latest();
    const before = await harness.fingerprint();
    const refused = await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, { id: create.id });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain(update.id);
    expect((refused.errors?.[0]?.extensions as { changes?: string[] }).changes).toEqual([update.id]);
    expect(await harness.fingerprint()).toEqual(before);

    // A tie made since to an entity the change created also blocks it.
    await harness.run(`mutation { createSector(input: { name: "Geothermal" }) { id } }`);
    const geothermal = await latest();
    await harness.run(
      `mutation { createTie(input: { type: COVERS, from: "doc:kz-xuar-dialogue-2-documents", to: "sector:geothermal" }) }`,
    );
    const tie = await latest();
    const blocked = await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, { id: geothermal.id });
    expect(codeOf(blocked)).toBe('CONFLICT');
    expect((blocked.errors?.[0]?.extensions as { changes?: string[] }).changes).toEqual([tie.id]);

    // Once the later change is reverted, the earlier one can be.
    expect(
      (await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, { id: update.id })).errors,
    ).toBeUndefined();
    expect(
      (await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, { id: create.id })).errors,
    ).toBeUndefined();
    expect((await harness.run<{ sector: unknown }>(`{ sector(id: "sector:tidal") { id } }`)).data?.sector).toBeNull();
  });

  it('needs an editor to revert, and names an unknown change', async () => {
    const asReader = await harness.run(
      `mutation { revertChange(id: "change:0000000000-0000000000") { id } }`,
      {},
      READER,
    );
    expect(codeOf(asReader)).toBe('FORBIDDEN');
    const unknown = await harness.run(`mutation { revertChange(id: "change:0000000000-0000000000") { id } }`);
    expect(codeOf(await harness.run(`mutation { revertChange(id: "change:nope") { id } }`))).toBe('BAD_USER_INPUT');
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });

  it('never loses a change under concurrent writers', async () => {
    const before = await harness.changeCount();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        harness.run(
          `mutation ($d: String!) { updateRegion(id: "region:kz", input: { name: "Kazakhstan", kind: COUNTRY, iso2: "KZ", description: $d }) { id } }`,
          {
            d: `edit ${index}`,
          },
        ),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(await harness.changeCount()).toBe(before + 20);
    // Each change's "before" is the state the previous one left: the descriptions form one chain.
    const history = await harness.run<{ history: { nodes: ChangeView[] } }>(
      `{ history(id: "region:kz", first: 20) { nodes { entities { id properties { property before after } } } } }`,
    );
    const steps = (history.data?.history.nodes ?? []).map((change) => {
      const description = change.entities
        .find((entity) => entity.id === 'region:kz')
        ?.properties.find((p) => p.property === 'description');
      return { before: description?.before, after: description?.after };
    });
    expect(steps).toHaveLength(20);
    for (let index = 0; index < steps.length - 1; index += 1) {
      expect(steps[index]?.before).toEqual(steps[index + 1]?.after);
    }
  });
});
