import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { GraphQLSchema } from 'graphql';

import { createSchema } from '../../schema/schema';
import { ENTITY_SPECS } from '../entity/entity.specs';
import type { ReportReply } from '../write/report.gateway';
import { dryRunGateway, type ImportGateway, type ReportJson } from './gateway';
import { ImporterService } from './importer.service';
import { parseMapping } from './mapping';
import { formatSummary } from './summary';

// Treaties, each part of its base treaty (named by id), signed in a year.
const MAPPING = `format: 1
source: { id: 'source:treaties', name: Treaties }
locator: 'row {number}'
entities:
  - ref: treaty
    type: Document
    fields:
      id: 'doc:t-{number}'
      kind: TRADE_AGREEMENT
      title: 'Treaty {number}'
      signedOn: { column: year, date: YYYY }
  - ref: party
    type: Organization
    fields: { name: '{party}', kind: COMPANY }
ties:
  - { type: BINDS, from: treaty, to: party }
  - type: PART_OF
    from: treaty
    to: { id: 'doc:t-{base}' }
    when: { column: base, notEquals: '{number}' }
`;

/** A graph that is only a set of ids: a report's entities are created unless there already. */
function fakeGraph(existing: Record<string, string>): ImportGateway {
  const names = new Map(Object.entries(existing));
  const specs = Object.values(ENTITY_SPECS);
  return {
    dryRun: false,
    ingest(report: ReportJson): Promise<ReportReply> {
      const entities = report.entities.map((entity) => {
        const spec = specs.find((each) => each.reportField !== null && entity[each.reportField] !== undefined);
        const fields = entity[spec?.reportField ?? ''] as { id?: string; name?: string; title?: string };
        const id = fields.id ?? `org:${fields.name ?? ''}`;
        const created = !names.has(id);
        names.set(id, fields.name ?? fields.title ?? id);
        return { ref: entity.ref as string, id, created };
      });
      return Promise.resolve({
        sourceId: 'source:treaties',
        entities,
        tiesCreated: report.ties.length,
        tiesMatched: 0,
      });
    },
    names: (ids) => Promise.resolve(new Map(ids.flatMap((id) => (names.has(id) ? [[id, names.get(id) ?? '']] : [])))),
  };
}

describe('ImporterService', () => {
  let schema: GraphQLSchema;
  let dir: string;

  const run = (gateway: ImportGateway, csv: string) => {
    writeFileSync(join(dir, 'treaties.csv'), csv);
    return new ImporterService(schema, gateway).run(parseMapping(MAPPING, 'treaties.yaml'), {
      csvPath: join(dir, 'treaties.csv'),
    });
  };

  beforeAll(async () => {
    schema = await createSchema();
    dir = mkdtempSync(join(tmpdir(), 'importer-service-test-'));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks ties between rows in a dry run, and flags a repeated id with its first row', async () => {
    const summary = await run(
      dryRunGateway(schema),
      'number,base,year,party\n1,1,2001,Acme\n2,1,2002,Acme\n3,2,2003,Bolt\n1,1,2004,Acme\n',
    );
    // Rows 2 and 3 name treaties of other rows by id; their own treaty is theirs, not "missing".
    expect(summary).toMatchObject({ rowsRead: 4, rowsRejected: 0, tiesRejected: 0, tieStatements: 4 + 2 });
    expect(summary.rejections).toEqual([]);
    expect(summary.repeatedIds).toEqual([{ row: 4, line: 5, id: 'doc:t-1', firstRow: 1 }]);
    expect(summary.repeatedIdCount).toBe(1);
  });

  it('counts created and merged entities, and rejects a tie to an id in neither the run nor the graph', async () => {
    const summary = await run(
      fakeGraph({ 'doc:t-9': 'Treaty 9', 'org:Acme': 'Acme' }),
      'number,base,year,party\n1,9,2001,Acme\n2,1,2002,Bolt\n3,7,2003,Bolt\n4,4,2004,Acme\n',
    );
    // Created: doc:t-1 … doc:t-4 and org:Bolt; merged: org:Acme (in the graph already).
    expect(summary).toMatchObject({ entitiesCreated: 5, entitiesMerged: 1, rowsRejected: 0, tiesRejected: 1 });
    expect(summary.rejections).toEqual([
      {
        row: 3,
        line: 4,
        what: 'tie',
        reason: 'PART_OF tie to "doc:t-7": no such entity in the graph or in this import',
      },
    ]);
    // Four BINDS ties, then PART_OF to doc:t-9 (the graph's) and doc:t-1 (row 1's).
    expect(summary.tieStatements).toBe(4 + 2);
  });

  it('lists the first 50 rejected rows and counts the others', async () => {
    const rows = Array.from({ length: 120 }, (_, index) => `${index + 1},${index + 1},year ${index + 1},Acme`);
    const summary = await run(dryRunGateway(schema), `number,base,year,party\n${rows.join('\n')}\n`);
    expect(summary).toMatchObject({ rowsRead: 120, rowsImported: 0, rowsRejected: 120, tiesRejected: 0 });
    expect(summary.rejections.map((rejection) => rejection.row)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(formatSummary(summary)).toContain('\n  … and 70 more\n');
  });
});
