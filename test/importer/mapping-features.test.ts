import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { graphGateway } from '../../src/modules/importer/gateway';
import { ImporterService } from '../../src/modules/importer/importer.service';
import { loadMapping } from '../../src/modules/importer/mapping';
import { formatSummary } from '../../src/modules/importer/summary';
import { SYSTEM_USER } from '../../src/modules/auth/auth.roles';
import { Harness } from '../support/harness';

/** A register written the way people write them: month names, sectors in prose, an id twice. */
const CSV = `Ref,Signed,Title,Sectors
R-1,17 March 2023,Grain corridor,"energy, mining and tourism"
R-2,Mar 2023,Rail link,construction
R-3,2022,Undated plan,"agriculture and food industry"
R-1,28 March 2023,Grain corridor (signed copy),energy
`;

const MAPPING = `format: 1
source: { id: 'source:test-register', name: Test register }
csv: { path: register.csv }
entities:
  - ref: deal
    type: Document
    fields:
      id: 'doc:test-{Ref}'
      title: '{Title}'
      kind: AGREEMENT
      signedOn: { column: Signed, date: [D MMMM YYYY, MMM YYYY, YYYY] }
  - ref: sector
    type: Sector
    each: { column: Sectors, split: [', ', ' and '] }
    fields: { name: '{$value}' }
ties:
  - { type: COVERS, from: deal, to: sector }
`;

describe('mapping features through a real import', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    dir = mkdtempSync(join(tmpdir(), 'ties-graph-mapping-'));
    writeFileSync(join(dir, 'register.csv'), CSV);
    writeFileSync(join(dir, 'register.mapping.yaml'), MAPPING);
  });

  afterAll(async () => {
    await harness.close();
  });

  it('reads month names, splits on several separators, and flags the row that repeats an id', async () => {
    const summary = await new ImporterService(
      harness.schema,
      graphGateway(harness.schema, () => harness.context(SYSTEM_USER)),
    ).run(loadMapping(join(dir, 'register.mapping.yaml')));
    expect(summary).toMatchObject({ rowsRead: 4, rowsImported: 4, rowsRejected: 0, rejections: [] });
    expect(summary.repeatedIds).toEqual([{ row: 4, line: 5, id: 'doc:test-R-1', firstRow: 1 }]);
    expect(formatSummary(summary)).toContain(
      'Repeated ids (a later row states a document or figure an earlier row stated; both were applied):\n' +
        '  row 4 (line 5): doc:test-R-1, first in row 1\n',
    );

    const result = await harness.run<{
      documents: {
        nodes: { id: string; signedOn: { value: string; precision: string }; sectors: { name: string }[] }[];
      };
    }>(`{ documents(first: 10) { nodes { id signedOn { value precision } sectors { name } } } }`);
    expect(result.errors).toBeUndefined();
    const byId = Object.fromEntries(
      result.data!.documents.nodes.map((node) => [
        node.id,
        { signedOn: node.signedOn, sectors: node.sectors.map((sector) => sector.name).sort() },
      ]),
    );
    expect(byId).toEqual({
      // Row 4 restates R-1: its date replaces row 1's, its sector adds to them.
      'doc:test-R-1': { signedOn: { value: '2023-03-28', precision: 'DAY' }, sectors: ['energy', 'mining', 'tourism'] },
      'doc:test-R-2': { signedOn: { value: '2023-03', precision: 'MONTH' }, sectors: ['construction'] },
      'doc:test-R-3': { signedOn: { value: '2022', precision: 'YEAR' }, sectors: ['agriculture', 'food industry'] },
    });
  });
});
