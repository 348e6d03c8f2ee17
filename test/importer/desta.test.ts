import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';

import { graphGateway } from '../../src/modules/importer/gateway';
import { ImporterService, type ImportSummary } from '../../src/modules/importer/importer.service';
import { loadMapping } from '../../src/modules/importer/mapping';
import { encodeIdPart } from '../../src/modules/importer/template';
import { SYSTEM_USER } from '../../src/modules/auth/auth.roles';
import { type GraphQLResponse, Harness } from '../support/harness';

const DESTA = join(__dirname, '..', '..', 'data', 'desta');
const KAZAKHSTAN = '398';
const FORUM = 'forum:kz-xuar-cross-border-dialogue-2';

/** The CSV as the test reads it, independently of the importer. */
interface Row {
  number: string;
  baseTreaty: string;
  entryType: string;
  year: number | null;
  members: string[];
}

function readDesta(): Row[] {
  const records = parse<Record<string, string>>(readFileSync(join(DESTA, 'DESTA.csv')), {
    delimiter: ';',
    columns: true,
  });
  return records.map((record) => ({
    number: record.number!,
    baseTreaty: record.base_treaty!,
    entryType: record.entry_type!,
    year: record.year === 'NA' ? null : Number(record.year),
    members: Array.from({ length: 91 }, (_, index) => record[`c${index + 1}`]!).filter((code) => code !== 'NA'),
  }));
}

/** A member code as a region id: ISO numeric → alpha-2, and DESTA's two codes outside ISO 3166-1. */
function regionId(code: string): string {
  const special: Record<string, string> = { '530': 'region:an', '900': 'region:xk' };
  const alpha2 = countries.numericToAlpha2(code.padStart(3, '0'));
  return special[code] ?? `region:${alpha2!.toLowerCase()}`;
}

const docId = (number: string) => `doc:desta-${encodeIdPart(number)}`;

describe('DESTA imported through its mapping', () => {
  let harness: Harness;
  let rows: Row[];
  let first: ImportSummary;

  const runImport = () =>
    new ImporterService(
      harness.schema,
      graphGateway(harness.schema, () => harness.context(SYSTEM_USER)),
    ).run(loadMapping(join(DESTA, 'desta.mapping.yaml')));

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    rows = readDesta();
    first = await runImport();
  }, 300_000);

  afterAll(async () => {
    await harness.close();
  });

  it('imports every row, with nothing rejected', () => {
    expect(first.rowsRead).toBe(rows.length);
    expect(first.rowsImported).toBe(rows.length);
    expect(first.rejections).toEqual([]);
    // DESTA's row numbers are unique, so no document id repeats.
    expect(first.repeatedIds).toEqual([]);
    const memberships = rows.reduce((sum, row) => sum + new Set(row.members).size, 0);
    const partOf = rows.filter((row) => row.baseTreaty !== row.number).length;
    expect(first.tiesCreated).toBe(memberships + partOf);
    expect(first.tieStatements).toBe(memberships + partOf);
    // Every row's document, and every country it names: new, or the seed's Kazakhstan and China.
    const countries = new Set(rows.flatMap((row) => row.members));
    expect(first.entitiesCreated + first.entitiesMerged).toBe(rows.length + countries.size);
    expect(first.entitiesMerged).toBe(2);
  });

  it('counts the base treaties Kazakhstan is party to, page by page, as the CSV does', async () => {
    const expected = rows
      .filter((row) => row.entryType === 'base_treaty' && row.members.includes(KAZAKHSTAN))
      .map((row) => docId(row.number))
      .sort();
    const found: { id: string; status: string }[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: GraphQLResponse<{ documents: DocumentsPage }> = await harness.run<{ documents: DocumentsPage }>(
        `query ($after: String) {
          documents(filter: { region: "region:kz", kinds: [TRADE_AGREEMENT] }, first: 10, after: $after) {
            totalCount
            nodes { id status }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        { after },
      );
      expect(page.errors).toBeUndefined();
      const documents = page.data!.documents;
      total = documents.totalCount;
      found.push(...documents.nodes);
      after = documents.pageInfo.hasNextPage ? documents.pageInfo.endCursor : null;
    } while (after);

    // TRADE_AGREEMENT is DESTA's base treaties and the agreements still under negotiation.
    const negotiations = rows.filter((row) => row.entryType === 'negotiation' && row.members.includes(KAZAKHSTAN));
    expect(total).toBe(expected.length + negotiations.length);
    expect(found).toHaveLength(total);
    const baseTreaties = found.filter((document) => document.status !== 'UNDER_NEGOTIATION').map((d) => d.id);
    expect(baseTreaties.sort()).toEqual(expected);
    expect(expected).toHaveLength(23);
  });

  it("gives Kazakhstan's partners over base treaties as the CSV does", async () => {
    const expected = new Set(
      rows
        .filter((row) => row.entryType === 'base_treaty' && row.members.includes(KAZAKHSTAN))
        .flatMap((row) => row.members.filter((code) => code !== KAZAKHSTAN).map(regionId)),
    );
    const result = await harness.run<{
      region: { documents: { kind: string; status: string; parties: { id: string }[] }[] };
    }>(`{
      region(id: "region:kz") {
        documents { kind status parties { ... on Region { id } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const partners = new Set(
      result
        .data!.region.documents.filter((d) => d.kind === 'TRADE_AGREEMENT' && d.status !== 'UNDER_NEGOTIATION')
        .flatMap((d) => d.parties.map((party) => party.id))
        .filter((id) => id !== 'region:kz'),
    );
    expect([...partners].sort()).toEqual([...expected].sort());
  });

  it('gives every entry type its own document kind, withdrawals and consolidated texts included', async () => {
    const kinds: Record<string, string> = {
      base_treaty: 'TRADE_AGREEMENT',
      negotiation: 'TRADE_AGREEMENT',
      accession: 'ACCESSION',
      'protocol or amendment': 'AMENDMENT',
      withdrawal: 'WITHDRAWAL',
      consolidated: 'CONSOLIDATED',
    };
    const expected: Record<string, number> = {};
    for (const row of rows) expected[kinds[row.entryType]!] = (expected[kinds[row.entryType]!] ?? 0) + 1;
    expect(expected.WITHDRAWAL).toBeGreaterThan(0);
    expect(expected.CONSOLIDATED).toBeGreaterThan(0);
    const fields = Object.keys(expected)
      .map((kind) => `${kind}: documents(filter: { kinds: [${kind}] }) { totalCount }`)
      .join('\n');
    const result = await harness.run<Record<string, { totalCount: number }>>(
      `{ ${fields} other: documents(filter: { kinds: [OTHER] }) { totalCount } }`,
    );
    expect(result.errors).toBeUndefined();
    const { other, ...found } = result.data!;
    expect(Object.fromEntries(Object.entries(found).map(([kind, page]) => [kind, page.totalCount]))).toEqual(expected);
    expect(other!.totalCount).toBe(0);
  });

  it('counts agreements per decade of signature as the CSV does', async () => {
    const perDecade = new Map<number, number>();
    for (const row of rows) {
      if ((row.entryType === 'base_treaty' || row.entryType === 'negotiation') && row.year !== null) {
        const decade = Math.floor(row.year / 10) * 10;
        perDecade.set(decade, (perDecade.get(decade) ?? 0) + 1);
      }
    }
    const decades = [...perDecade.keys()].sort();
    const fields = decades
      .map(
        (decade) =>
          `d${decade}: documents(filter: { kinds: [TRADE_AGREEMENT], dateFrom: "${decade}", dateTo: "${decade + 9}" }) { totalCount }`,
      )
      .join('\n');
    const result = await harness.run<Record<string, { totalCount: number }>>(`{ ${fields} }`);
    expect(result.errors).toBeUndefined();
    const answered = Object.fromEntries(decades.map((decade) => [decade, result.data![`d${decade}`]!.totalCount]));
    expect(answered).toEqual(Object.fromEntries(perDecade));
  });

  it('links the seed forum to the agreements through the same Kazakhstan and China nodes', async () => {
    // The forum involves Kazakhstan and Xinjiang, which is part of China.
    const result = await harness.run<{
      forum: { participants: Party[] };
    }>(
      `query ($id: ID!) {
        forum(id: $id) {
          participants { ... on Region { id name documents { id } parent { id name documents { id } } } }
        }
      }`,
      { id: FORUM },
    );
    expect(result.errors).toBeUndefined();
    const participants = result.data!.forum.participants;
    const kazakhstan = participants.find((party) => party.id === 'region:kz')!;
    const china = participants.find((party) => party.id === 'region:cn-xj')!.parent!;
    for (const [region, name, code] of [
      [kazakhstan, 'Kazakhstan', KAZAKHSTAN],
      [china, 'China', '156'],
    ] as const) {
      const expected = rows.filter((row) => row.members.includes(code)).map((row) => docId(row.number));
      expect(region.name).toBe(name);
      expect(region.documents.map((document) => document.id)).toEqual(expect.arrayContaining(expected));
    }
    const regions = await harness.cypher<{ n: number }>(
      `MATCH (r:Region) WHERE r.iso2 IN ['KZ', 'CN'] RETURN count(r) AS n`,
    );
    expect(Number(regions[0]!.n)).toBe(2);
  });

  it('ties accessions to their base treaty and states every fact with the dataset, version and row', async () => {
    const result = await harness.run<{
      document: {
        kind: string;
        signedOn: { value: string; precision: string };
        partOf: { id: string; title: string };
        sources: { sourceId: string; locator: string }[];
      };
      source: { citation: string; version: string };
    }>(`{
      document(id: "doc:desta-3~2B1") {
        kind
        signedOn { value precision }
        partOf { id title }
        sources { sourceId locator }
      }
      source(id: "source:desta-manytrade-8780322") { citation version }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.document).toEqual({
      kind: 'ACCESSION',
      signedOn: { value: '1997', precision: 'YEAR' },
      partOf: { id: 'doc:desta-3', title: 'African Economic Community' },
      sources: [{ sourceId: 'source:desta-manytrade-8780322', locator: 'row 3+1' }],
    });
    expect(result.data!.source.version).toBe('878032250b6893e75800f1f8432762f7fd66f28d');
    const bib = readFileSync(join(DESTA, 'DESTA.bib'), 'utf8');
    const title = /title = \{(.*)\}/.exec(bib)![1]!;
    expect(result.data!.source.citation).toContain(title);
    expect(result.data!.source.citation).toContain('Dür');
  });

  it('changes nothing when run again', async () => {
    const before = await harness.fingerprint();
    const again = await runImport();
    expect(again.entitiesCreated).toBe(0);
    expect(again.tiesCreated).toBe(0);
    expect(again.rejections).toEqual([]);
    expect(await harness.fingerprint()).toEqual(before);
  }, 300_000);
});

interface Party {
  id: string;
  name: string;
  documents: { id: string }[];
  parent?: Party | null;
}

interface DocumentsPage {
  totalCount: number;
  nodes: { id: string; status: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
