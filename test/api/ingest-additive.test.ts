import { Harness } from '../support/harness';

const INGEST = `mutation ($report: ReportInput!) { ingestReport(report: $report) { entities { id created } } }`;

/** A report adds what its source states; it never erases what another source stated. */
describe('ingesting is additive', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('keeps the stored name and fields a later report leaves out, and adds its aliases and provenance', async () => {
    const result = await harness.run<{ ingestReport: { entities: { id: string; created: boolean }[] } }>(INGEST, {
      report: {
        source: { name: 'A later note that only names the country', publishedOn: '2024' },
        entities: [
          { ref: 'kz', locator: 'line 1', region: { name: 'kazakhstan', kind: 'COUNTRY', aliases: ['Qazaqstan'] } },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.ingestReport.entities).toEqual([{ id: 'region:kz', created: false }]);

    const region = await harness.run<{
      region: { name: string; iso2: string; isoNumeric: string; aliases: string[]; sources: { locator: string }[] };
    }>(`{ region(id: "region:kz") { name iso2 isoNumeric aliases sources { locator } } }`);
    expect(region.data?.region).toMatchObject({ name: 'Kazakhstan', iso2: 'KZ', isoNumeric: '398' });
    // The report's spelling of the name is kept too, as an alias (issue 14: every spelling is kept).
    expect(region.data?.region.aliases).toEqual(
      expect.arrayContaining(['Republic of Kazakhstan', 'Qazaqstan', 'kazakhstan']),
    );
    expect(region.data?.region.sources.map((source) => source.locator).sort()).toEqual(['line 1', '¶1']);
  });

  it('records a different spelling of an existing name as an alias', async () => {
    await harness.run(INGEST, {
      report: {
        source: { name: 'A note spelling names differently' },
        entities: [
          { ref: 'xj', region: { id: 'region:cn-xj', name: 'Xinjiang Uyghur Autonomous Region', kind: 'SUBNATIONAL' } },
        ],
      },
    });
    const region = await harness.run<{ region: { name: string; aliases: string[] } }>(
      `{ region(id: "region:cn-xj") { name aliases } }`,
    );
    expect(region.data?.region.name).toBe('Xinjiang Uygur Autonomous Region');
    expect(region.data?.region.aliases).toContain('Xinjiang Uyghur Autonomous Region');
    const search = await harness.run<{ regions: { nodes: { id: string }[] } }>(
      `{ regions(filter: { text: "uyghur" }) { nodes { id } } }`,
    );
    expect(search.data?.regions.nodes).toEqual([{ id: 'region:cn-xj' }]);
  });
});
