import { loadMigrations } from '../../src/db/migrate';
import { Harness } from '../support/harness';

/**
 * One entity of a type per name, whatever the number of writers: the resolution keys are claimed
 * in the database (NameKey nodes under a uniqueness constraint), not read before the write. Each
 * race runs 20+ writers at once and is repeated, since a lost race shows only some of the time.
 */

const WRITERS = 20;
const ROUNDS = 3;

const INGEST = `mutation ($report: ReportInput!) {
  ingestReport(report: $report) { entities { ref id created } }
}`;

interface Ingested {
  ingestReport: { entities: { ref: string; id: string; created: boolean }[] };
}

describe('concurrent writers', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
  });

  afterAll(async () => {
    await harness.close();
  });

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

  async function entitiesNamed(label: string, nameKey: string): Promise<{ id: string; description: string | null }[]> {
    return harness.cypher<{ id: string; description: string | null }>(
      `MATCH (n:$($label)) WHERE n.nameKey = $nameKey OR $nameKey IN coalesce(n.aliasKeys, [])
       RETURN n.id AS id, n.description AS description`,
      { label, nameKey },
    );
  }

  it('creates one entity for 20 concurrent creates of one name, and tells the others CONFLICT', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const name = `Race Sector ${round}`;
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, writer) =>
          harness.run<{ createSector: { id: string } }>(
            `mutation ($name: String!, $description: String!) {
               createSector(input: { name: $name, description: $description }) { id }
             }`,
            // Spellings differ in case and accents only: they fold to one key.
            { name: writer % 2 === 0 ? name : name.toUpperCase(), description: `writer ${writer}` },
          ),
        ),
      );
      const created = results.filter((result) => result.errors === undefined);
      expect(created).toHaveLength(1);
      expect(results.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(WRITERS - 1);

      const stored = await entitiesNamed('Sector', `race sector ${round}`);
      expect(stored).toHaveLength(1);
      // The one caller told "created" is the one whose description survived.
      const winner = results.indexOf(created[0] as (typeof results)[number]);
      expect(stored[0]).toEqual({ id: created[0]?.data?.createSector.id, description: `writer ${winner}` });
    }
  });

  it('resolves 20 concurrent reports naming one new organization to one entity', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, writer) =>
          harness.run<Ingested>(INGEST, {
            report: {
              source: { id: `source:race-${round}-${writer}`, name: `Race report ${round}.${writer}` },
              entities: [{ ref: 'org', organization: { name: `Gamma Works ${round}`, kind: 'COMPANY' } }],
            },
          }),
        ),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      const ids = new Set(results.map((result) => result.data?.ingestReport.entities[0]?.id));
      expect(ids.size).toBe(1);
      expect(results.filter((result) => result.data?.ingestReport.entities[0]?.created)).toHaveLength(1);
      expect(await entitiesNamed('Organization', `gamma works ${round}`)).toHaveLength(1);
    }
  });

  it('makes one entity of a name and its alias stated by two concurrent reports', async () => {
    // Report A names "Alpha" with the alias "Beta"; report B names "Beta". Ten pairs at once.
    const PAIRS = WRITERS / 2;
    for (let round = 0; round < ROUNDS; round += 1) {
      const report = (pair: number, side: 'a' | 'b') => ({
        source: { id: `source:alias-${round}-${pair}-${side}`, name: `Alias report ${round}.${pair}.${side}` },
        entities: [
          {
            ref: 'org',
            organization:
              side === 'a'
                ? { name: `Alpha Org ${round}-${pair}`, aliases: [`Beta Org ${round}-${pair}`], kind: 'COMPANY' }
                : { name: `Beta Org ${round}-${pair}`, kind: 'COMPANY' },
          },
        ],
      });
      const results = await Promise.all(
        Array.from({ length: PAIRS }, (_, pair) => [
          harness.run<Ingested>(INGEST, { report: report(pair, 'a') }),
          harness.run<Ingested>(INGEST, { report: report(pair, 'b') }),
        ]).flat(),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      for (let pair = 0; pair < PAIRS; pair += 1) {
        const a = results[2 * pair]?.data?.ingestReport.entities[0]?.id;
        const b = results[2 * pair + 1]?.data?.ingestReport.entities[0]?.id;
        expect(a).toBe(b);
        expect(await entitiesNamed('Organization', `beta org ${round} ${pair}`)).toHaveLength(1);
      }
    }
  });

  it('keeps apart names that share their first 80 folded characters, however many writers', async () => {
    const prefix = 'The Joint Intergovernmental Commission on Trade Economic Scientific and Technical Cooperation';
    expect(prefix.length).toBeGreaterThan(84);
    for (let round = 0; round < ROUNDS; round += 1) {
      const names = Array.from({ length: WRITERS }, (_, writer) => `${prefix} Sector ${round}-${writer}`);
      const results = await Promise.all(
        names.map((name) =>
          harness.run<{ createSector: { id: string; name: string } }>(
            `mutation ($name: String!) { createSector(input: { name: $name }) { id name } }`,
            { name },
          ),
        ),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      const ids = results.map((result) => result.data?.createSector.id ?? '');
      expect(new Set(ids).size).toBe(WRITERS);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual('sector:'.length + 80);
      expect(results.map((result) => result.data?.createSector.name)).toEqual(names);

      // Named again in a report, each long name resolves to its own entity, not the first one.
      const again = await harness.run<Ingested>(INGEST, {
        report: {
          source: { id: `source:long-${round}`, name: `Long names ${round}` },
          entities: names.map((name, index) => ({ ref: `s${index}`, sector: { name } })),
        },
      });
      expect(again.errors).toBeUndefined();
      expect(again.data?.ingestReport.entities.map((entity) => entity.id)).toEqual(ids);
      expect(again.data?.ingestReport.entities.some((entity) => entity.created)).toBe(false);
    }
  });

  it('gives a new entity a free id when a renamed entity holds its slug', async () => {
    const first = await harness.run<{ createSector: { id: string } }>(
      `mutation { createSector(input: { name: "Shipping" }) { id } }`,
    );
    expect(first.data?.createSector.id).toBe('sector:shipping');
    const renamed = await harness.run(
      `mutation { updateSector(id: "sector:shipping", input: { name: "Maritime transport" }) { id } }`,
    );
    expect(renamed.errors).toBeUndefined();
    const second = await harness.run<Ingested>(INGEST, {
      report: { source: { name: 'Slug report' }, entities: [{ ref: 's', sector: { name: 'Shipping' } }] },
    });
    expect(second.errors).toBeUndefined();
    const id = second.data?.ingestReport.entities[0]?.id;
    expect(id).toMatch(/^sector:shipping-[0-9a-f]{6}$/);
    expect(second.data?.ingestReport.entities[0]?.created).toBe(true);
    const names = await harness.cypher<{ name: string }>(
      `MATCH (n:Sector) WHERE n.id IN ['sector:shipping', $id] RETURN n.name AS name ORDER BY n.id`,
      { id },
    );
    expect(names.map((row) => row.name)).toEqual(['Maritime transport', 'Shipping']);
  });

  it('frees the names an update drops, so another entity may take them', async () => {
    await harness.run(`mutation { createSector(input: { name: "Fisheries", aliases: ["Fishing"] }) { id } }`);
    const taken = await harness.run(`mutation { createSector(input: { name: "Fishing" }) { id } }`);
    expect(codeOf(taken)).toBe('CONFLICT');
    const dropped = await harness.run(
      `mutation { updateSector(id: "sector:fisheries", input: { name: "Fisheries", aliases: [] }) { id } }`,
    );
    expect(dropped.errors).toBeUndefined();
    const free = await harness.run<{ createSector: { id: string } }>(
      `mutation { createSector(input: { name: "Fishing" }) { id } }`,
    );
    expect(free.errors).toBeUndefined();
    expect(free.data?.createSector.id).toBe('sector:fishing');

    const deleted = await harness.run(`mutation { deleteSector(id: "sector:fishing") }`);
    expect(deleted.errors).toBeUndefined();
    const keys = await harness.cypher(`MATCH (k:NameKey {entityId: 'sector:fishing'}) RETURN k`);
    expect(keys).toHaveLength(0);
  });
});

describe('migrations 0004 and 0007 (resolution keys for a graph written before them)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('gives every named entity its keys, so names written before it still resolve', async () => {
    const numbered = await harness.run(
      `mutation { createForum(input: { name: "2023 Astana Forum Round 2-1", kind: SUMMIT, aliases: ["Forum of Astana"] }) { id } }`,
    );
    expect(numbered.errors).toBeUndefined();
    const expected = await harness.cypher<{ key: string; id: string }>(
      `MATCH (k:NameKey) RETURN k.key AS key, k.entityId AS id ORDER BY key`,
    );
    expect(expected.length).toBeGreaterThan(20);
    await harness.cypher('MATCH (k:NameKey) DELETE k');
    for (const migration of loadMigrations().filter((candidate) => [4, 7].includes(candidate.version))) {
      for (const statement of migration.statements) await harness.cypher(statement);
    }
    const rebuilt = await harness.cypher<{ key: string; id: string }>(
      `MATCH (k:NameKey) RETURN k.key AS key, k.entityId AS id ORDER BY key`,
    );
    expect(rebuilt).toEqual(expected);
  });
});
