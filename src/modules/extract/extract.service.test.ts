import 'reflect-metadata';

import type { GraphQLSchema } from 'graphql';

import { createSchema } from '../../schema/schema';
import { textOf } from './draft';
import { extractReport } from './extract.service';
import { numberAppears } from './numbers';
import type { DraftReportData, ReportEntity } from './report';
import { reportFormatProblems } from './report-format';

// A short report written for this test, in the genre the extractor reads.
const TEXT = `Georgia and Azerbaijan sign twelve agreements worth $240m

On Thursday (9 May) Georgian and Azerbaijani companies signed twelve documents at the "Third Georgia-Azerbaijan Business Forum" in Tbilisi.

The documents included seven commercial agreements totalling $240m and five memoranda of understanding. The agreements cover the sectors of logistics, tourism and agriculture.

Azerbaijani Minister of Economy Mikayil Jabbarov attended the forum. Speaking at the event, Georgian Prime Minister Irakli Kobakhidze said trade between Georgia and Azerbaijan rose by 12% to over $1.1 billion last year.

A contract between Caspian Shipping Company and Batumi Port LLC was signed by Jabbarov on behalf of Azerbaijan.
`;

function entity(report: DraftReportData, field: keyof ReportEntity, name: string): ReportEntity | undefined {
  return report.entities.find((e) => {
    const value = e[field] as Record<string, unknown> | undefined;
    return value !== undefined && (textOf(value.name) || textOf(value.title)).includes(name);
  });
}

describe('extractReport on a short article', () => {
  let schema: GraphQLSchema;
  const report = extractReport(TEXT, { source: { publishedOn: '2024-05', publisher: 'A test desk' } });

  beforeAll(async () => {
    schema = await createSchema();
  });

  it('is a report in the ingestReport format', () => {
    expect(reportFormatProblems(schema, report)).toEqual([]);
    expect(report.source).toEqual({
      name: 'Georgia and Azerbaijan sign twelve agreements worth $240m',
      publisher: 'A test desk',
      publishedOn: '2024-05',
    });
  });

  it('quotes every statement verbatim and states no number the text does not', () => {
    const flat = TEXT.replace(/\s+/g, ' ');
    for (const statement of [...report.entities, ...report.ties]) {
      expect(flat).toContain(statement.quote.replace(/\s+/g, ' '));
      expect(statement.confidence).toBeGreaterThan(0);
      expect(statement.confidence).toBeLessThanOrEqual(1);
    }
    for (const e of report.entities) {
      const fields = e.document ?? e.figure ?? {};
      const value = fields.value as { amount?: number } | number | undefined;
      const amount = typeof value === 'number' ? value : value?.amount;
      if (amount !== undefined) expect(numberAppears(amount, TEXT)).toBe(true);
      if (typeof fields.count === 'number' && fields.count > 1) expect(numberAppears(fields.count, TEXT)).toBe(true);
    }
  });

  it('finds countries, the city and the forum with its edition, date and place', () => {
    expect(entity(report, 'region', 'Georgia')?.region).toMatchObject({ kind: 'COUNTRY', iso2: 'GE' });
    expect(entity(report, 'region', 'Azerbaijan')?.region).toMatchObject({ kind: 'COUNTRY', iso2: 'AZ' });
    expect(entity(report, 'region', 'Tbilisi')?.region).toMatchObject({ kind: 'CITY' });
    const forum = entity(report, 'forum', 'Third Georgia-Azerbaijan Business Forum');
    expect(forum?.forum).toMatchObject({ edition: 3, date: '2024-05-09' });
    expect(report.ties).toContainEqual(
      expect.objectContaining({ type: 'HELD_IN', from: forum?.ref, to: entity(report, 'region', 'Tbilisi')?.ref }),
    );
  });

  it('finds the document groups with counts, kinds, values and parts', () => {
    const all = report.entities.filter((e) => e.document);
    const twelve = all.find((e) => e.document?.count === 12);
    const seven = all.find((e) => e.document?.count === 7);
    const five = all.find((e) => e.document?.count === 5);
    expect(twelve?.document).toMatchObject({ kind: 'PACKAGE', signedOn: '2024-05-09' });
    expect(seven?.document).toMatchObject({ kind: 'COMMERCIAL_AGREEMENT', value: { amount: 240e6, currency: 'USD' } });
    expect(five?.document).toMatchObject({ kind: 'MEMORANDUM_OF_UNDERSTANDING' });
    expect(report.ties).toContainEqual(expect.objectContaining({ type: 'PART_OF', from: seven?.ref, to: twelve?.ref }));
    expect(report.ties).toContainEqual(expect.objectContaining({ type: 'SIGNED_AT', from: twelve?.ref }));
  });

  it('finds officials, their positions and the organizations they imply', () => {
    const jabbarov = entity(report, 'official', 'Mikayil Jabbarov');
    const kobakhidze = entity(report, 'official', 'Irakli Kobakhidze');
    expect(report.ties).toContainEqual(
      expect.objectContaining({ type: 'HOLDS', from: jabbarov?.ref, title: 'Minister of Economy' }),
    );
    expect(report.ties).toContainEqual(
      expect.objectContaining({ type: 'HOLDS', from: kobakhidze?.ref, title: 'Prime Minister' }),
    );
    expect(entity(report, 'organization', 'Ministry of Economy of Azerbaijan')?.organization).toMatchObject({
      kind: 'MINISTRY',
    });
    expect(entity(report, 'organization', 'Government of Georgia')?.organization).toMatchObject({ kind: 'GOVERNMENT' });
    expect(report.ties).toContainEqual(
      expect.objectContaining({ type: 'ATTENDED', from: jabbarov?.ref, role: 'participant' }),
    );
    expect(report.ties).toContainEqual(
      expect.objectContaining({ type: 'ATTENDED', from: kobakhidze?.ref, role: 'speaker' }),
    );
  });

  it('finds sectors, figures with qualifier, change and period, and who stated them', () => {
    expect(report.entities.filter((e) => e.sector).map((e) => e.sector?.name)).toEqual([
      'Logistics',
      'Tourism',
      'Agriculture',
    ]);
    const trade = report.entities.find((e) => e.figure?.metric === 'TRADE_VOLUME');
    expect(trade?.figure).toMatchObject({
      value: 1.1e9,
      unit: 'USD',
      qualifier: 'AT_LEAST',
      changePercent: 12,
      period: '2023',
    });
    expect(report.ties).toContainEqual(
      expect.objectContaining({
        type: 'STATED_BY',
        from: trade?.ref,
        to: entity(report, 'official', 'Kobakhidze')?.ref,
      }),
    );
  });

  it('finds who signed and on whose behalf', () => {
    const contract = report.entities.find((e) => e.document?.kind === 'CONTRACT');
    expect(report.ties).toContainEqual(
      expect.objectContaining({
        type: 'SIGNED',
        from: entity(report, 'official', 'Jabbarov')?.ref,
        to: contract?.ref,
        onBehalfOf: entity(report, 'region', 'Azerbaijan')?.ref,
      }),
    );
    expect(entity(report, 'organization', 'Caspian Shipping Company')).toBeDefined();
    expect(entity(report, 'organization', 'Batumi Port LLC')).toBeDefined();
  });

  it('drafts the same report from the same text every time', () => {
    expect(extractReport(TEXT, { source: { publishedOn: '2024-05', publisher: 'A test desk' } })).toEqual(report);
  });
});
