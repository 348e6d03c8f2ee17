import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { graphGateway } from '../../src/modules/importer/gateway';
import { ImporterService } from '../../src/modules/importer/importer.service';
import { loadMapping } from '../../src/modules/importer/mapping';
import { SYSTEM_USER } from '../../src/modules/auth/auth.roles';
import { Harness } from '../support/harness';

/**
 * Countries and subdivisions by the names texts and datasets write them: a report naming
 * "Britain" finds the region with iso2 GB; an import needs no country table of its own; an
 * unknown name is a row error, never a new region.
 */

const INGEST = `mutation ($report: ReportInput!) { ingestReport(report: $report) { entities { ref id created } } }`;

interface Ingested {
  ingestReport: { entities: { ref: string; id: string; created: boolean }[] };
}

describe('country names', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    const uk = await harness.run(INGEST, {
      report: {
        source: { id: 'source:country-names-a', name: 'Country names report A' },
        entities: [{ ref: 'uk', region: { id: 'region:gb', name: 'United Kingdom', kind: 'COUNTRY', iso2: 'GB' } }],
      },
    });
    expect(uk.errors).toBeUndefined();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('resolves a report’s region names to the stored ISO regions, keeping the spelling as an alias', async () => {
    const answer = await harness.run<Ingested>(INGEST, {
      report: {
        source: { id: 'source:country-names-b', name: 'Country names report B' },
        entities: [
          { ref: 'britain', region: { name: 'Britain', kind: 'COUNTRY' } },
          { ref: 'kazakhstan', region: { name: 'Republic of Kazakhstan', kind: 'COUNTRY' } },
          { ref: 'xinjiang', region: { name: 'Xinjiang Uyghur Autonomous Region', kind: 'SUBNATIONAL' } },
          { ref: 'georgia', region: { name: 'Georgia', kind: 'SUBNATIONAL' } },
          { ref: 'deal', document: { id: 'doc:country-names-deal', kind: 'AGREEMENT', title: 'Names deal' } },
        ],
        ties: [
          { type: 'BINDS', from: 'deal', to: 'britain' },
          { type: 'BINDS', from: 'deal', to: 'kazakhstan' },
        ],
      },
    });
    expect(answer.errors).toBeUndefined();
    const byRef = new Map(answer.data?.ingestReport.entities.map((entity) => [entity.ref, entity]));
    expect(byRef.get('britain')).toEqual({ ref: 'britain', id: 'region:gb', created: false });
    expect(byRef.get('kazakhstan')).toEqual({ ref: 'kazakhstan', id: 'region:kz', created: false });
    expect(byRef.get('xinjiang')).toEqual({ ref: 'xinjiang', id: 'region:cn-xj', created: false });
    // A subnational Georgia is not the country: it is a region of its own.
    expect(byRef.get('georgia')?.created).toBe(true);

    const [uk] = await harness.cypher<{ name: string; aliases: string[] }>(
      'MATCH (r:Region {id: "region:gb"}) RETURN r.name AS name, r.aliases AS aliases',
    );
    expect(uk).toEqual({ name: 'United Kingdom', aliases: ['Britain'] });
    const parties = await harness.cypher<{ id: string }>(
      'MATCH (:Document {id: "doc:country-names-deal"})-[:BINDS]->(r) RETURN r.id AS id ORDER BY id',
    );
    expect(parties.map((party) => party.id)).toEqual(['region:gb', 'region:kz']);
  });

  it('leaves a country new to the graph a new region, as before', async () => {
    const answer = await harness.run<Ingested>(INGEST, {
      report: {
        source: { id: 'source:country-names-c', name: 'Country names report C' },
        entities: [{ ref: 'laos', region: { name: 'Laos', kind: 'COUNTRY' } }],
      },
    });
    expect(answer.data?.ingestReport.entities).toEqual([{ ref: 'laos', id: 'region:laos', created: true }]);
  });

  it('imports a CSV of country names with no table of its own, rejecting the row of an unknown name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ties-graph-country-names-'));
    writeFileSync(
      join(dir, 'deals.csv'),
      'Deal,Host,Partners\nD-1,Britain,Kazakhstan; UAE\nD-2,Atlantis,Kazakhstan\nD-3,Ivory Coast,Россия\n',
    );
    writeFileSync(
      join(dir, 'deals.mapping.yaml'),
      `format: 1
source: { id: 'source:country-names-csv', name: Country names register }
csv: { path: deals.csv }
entities:
  - ref: deal
    type: Document
    fields: { id: 'doc:country-names-{Deal}', title: 'Deal {Deal}', kind: AGREEMENT }
  - ref: host
    type: Region
    lookup: { list: countryName, key: { column: Host } }
  - ref: partner
    type: Region
    each: { column: Partners, split: ';' }
    lookup: countryName
ties:
  - { type: BINDS, from: deal, to: host }
  - { type: BINDS, from: deal, to: partner }
`,
    );
    const summary = await new ImporterService(
      harness.schema,
      graphGateway(harness.schema, () => harness.context(SYSTEM_USER)),
    ).run(loadMapping(join(dir, 'deals.mapping.yaml')));
    expect(summary).toMatchObject({ rowsRead: 3, rowsImported: 2, rowsRejected: 1 });
    expect(summary.rejections).toEqual([
      expect.objectContaining({
        row: 2,
        reason: expect.stringContaining('column Host: "Atlantis" is not a country or subdivision name') as unknown,
      }),
    ]);
    expect(await harness.cypher('MATCH (r:Region) WHERE r.name = "Atlantis" RETURN r')).toEqual([]);
    const bound = await harness.cypher<{ deal: string; regions: string[] }>(
      `MATCH (d:Document)-[:BINDS]->(r:Region) WHERE d.id STARTS WITH 'doc:country-names-D'
       WITH d, r ORDER BY r.id RETURN d.id AS deal, collect(r.id) AS regions ORDER BY deal`,
    );
    expect(bound).toEqual([
      { deal: 'doc:country-names-D-1', regions: ['region:ae', 'region:gb', 'region:kz'] },
      { deal: 'doc:country-names-D-3', regions: ['region:ci', 'region:ru'] },
    ]);
    const [uk] = await harness.cypher<{ name: string }>('MATCH (r:Region {id: "region:gb"}) RETURN r.name AS name');
    expect(uk?.name).toBe('United Kingdom');
  });
});
