import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SYSTEM_USER } from '../../src/modules/auth/auth.roles';
import { graphGateway } from '../../src/modules/importer/gateway';
import { ImporterService } from '../../src/modules/importer/importer.service';
import { loadMapping } from '../../src/modules/importer/mapping';
import { Harness } from '../support/harness';

const INGEST = `mutation ($report: ReportInput!) { ingestReport(report: $report) { tiesCreated } }`;
const BINDINGS = `query ($id: ID!) { document(id: $id) { bindings { role to { id } sources { sourceId } } } }`;

interface Bindings {
  document: { bindings: { role: string; to: { id: string } }[] } | null;
}

/** Issue 16, item 2: a party's side of a document (investor or host, lender or borrower …). */
describe('roles of parties', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  const roles = async (id: string) => {
    const result = await harness.run<Bindings>(BINDINGS, { id });
    expect(result.errors).toBeUndefined();
    return Object.fromEntries(result.data!.document!.bindings.map((tie) => [tie.to.id, tie.role]));
  };

  it('records each party side from a report, and reads ties stored without one as PARTY', async () => {
    const result = await harness.run(INGEST, {
      report: {
        source: { id: 'source:roles-test', name: 'Roles test source' },
        entities: [
          {
            ref: 'deal',
            document: { id: 'doc:roles-test-deal', kind: 'COMMERCIAL_AGREEMENT', title: 'Roles test deal' },
          },
          { ref: 'investor', organization: { name: 'Roles Test Investor LLC', kind: 'COMPANY' } },
        ],
        ties: [
          { type: 'BINDS', from: 'deal', to: 'investor', role: 'INVESTOR' },
          { type: 'BINDS', from: 'deal', to: 'region:kz', role: 'HOST' },
          { type: 'BINDS', from: 'deal', to: 'region:cn' },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(await roles('doc:roles-test-deal')).toEqual({
      'org:roles-test-investor-llc': 'INVESTOR',
      'region:kz': 'HOST',
      'region:cn': 'PARTY',
    });
    // The seed's agreements were stored before roles: every party reads as PARTY.
    const seeded = await harness.cypher<{ id: string }>(
      `MATCH (d:Document)-[:BINDS]->() RETURN DISTINCT d.id AS id ORDER BY id LIMIT 1`,
    );
    expect(new Set(Object.values(await roles(seeded[0]!.id)))).toEqual(new Set(['PARTY']));
  });

  it('refuses a role BINDS does not take, naming the ones it does, and writes nothing', async () => {
    const before = await harness.changeCount();
    const result = await harness.run(INGEST, {
      report: {
        source: { id: 'source:roles-test', name: 'Roles test source' },
        entities: [{ ref: 'deal', document: { id: 'doc:roles-test-lease', kind: 'AGREEMENT', title: 'Lease' } }],
        ties: [{ type: 'BINDS', from: 'deal', to: 'region:kz', role: 'LANDLORD' }],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors?.[0]?.extensions?.problems)).toContain(
      '\\"LANDLORD\\" is not a role of a BINDS tie; one of PARTY, INVESTOR, HOST, LENDER, BORROWER, BUYER, SELLER',
    );
    expect(await harness.changeCount()).toBe(before);
    expect((await harness.run<Bindings>(BINDINGS, { id: 'doc:roles-test-lease' })).data?.document).toBeNull();
  });

  it('takes roles from a mapping, and exports them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ties-graph-roles-'));
    writeFileSync(join(dir, 'loans.csv'), 'Ref,Lender,Borrower\nL-1,Roles Test Bank,Roles Test Borrower\n');
    writeFileSync(
      join(dir, 'loans.mapping.yaml'),
      `format: 1
source: { id: 'source:roles-loans', name: Roles test loans }
csv: { path: loans.csv }
entities:
  - { ref: loan, type: Document, fields: { id: 'doc:roles-loan-{Ref}', title: 'Loan {Ref}', kind: AGREEMENT } }
  - { ref: lender, type: Organization, fields: { name: '{Lender}', kind: COMPANY } }
  - { ref: borrower, type: Organization, fields: { name: '{Borrower}', kind: COMPANY } }
ties:
  - { type: BINDS, from: loan, to: lender, role: LENDER }
  - { type: BINDS, from: loan, to: borrower, role: BORROWER }
`,
    );
    const summary = await new ImporterService(
      harness.schema,
      graphGateway(harness.schema, () => harness.context(SYSTEM_USER)),
    ).run(loadMapping(join(dir, 'loans.mapping.yaml')));
    expect(summary).toMatchObject({ rowsImported: 1, rowsRejected: 0 });
    expect(await roles('doc:roles-loan-L-1')).toEqual({
      'org:roles-test-bank': 'LENDER',
      'org:roles-test-borrower': 'BORROWER',
    });

    const served = await harness.serve();
    try {
      const exported = (await (await fetch(`${served.url}/export/json`)).json()) as {
        relationships: { type: string; start: string; end: string; properties?: Record<string, unknown> }[];
      };
      const loanTies = exported.relationships.filter((tie) => tie.start === 'doc:roles-loan-L-1');
      expect(JSON.stringify(loanTies)).toContain('LENDER');
      expect(JSON.stringify(loanTies)).toContain('BORROWER');
    } finally {
      await served.close();
    }
  });
});
