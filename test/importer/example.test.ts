import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dryRunGateway, graphGateway } from '../../src/modules/importer/gateway';
import { ImporterService } from '../../src/modules/importer/importer.service';
import { loadMapping } from '../../src/modules/importer/mapping';
import { formatSummary } from '../../src/modules/importer/summary';
import { SYSTEM_USER } from '../../src/modules/auth/auth.roles';
import { Harness } from '../support/harness';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'importing');
const MAPPING = join(EXAMPLE, 'partnerships.mapping.yaml');

/** Runs the CLI as a user would, without a database (dry runs need none). */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'cli', 'index.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, NEO4J_URI: '' } },
      (error, stdout, stderr) => resolveRun({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the importing guide’s worked example', () => {
  let harness: Harness;

  const runImport = () =>
    new ImporterService(
      harness.schema,
      graphGateway(harness.schema, () => harness.context(SYSTEM_USER)),
    ).run(loadMapping(MAPPING));

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('is the example the guide shows, file for file', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'importing.md'), 'utf8');
    expect(guide).toContain(`\`\`\`csv\n${readFileSync(join(EXAMPLE, 'partnerships.csv'), 'utf8')}\`\`\``);
    expect(guide).toContain(`\`\`\`yaml\n${readFileSync(MAPPING, 'utf8')}\`\`\``);
  });

  it('imports three deals and rejects the row whose country code is not ISO, as the guide says', async () => {
    const summary = await runImport();
    expect(summary).toMatchObject({ rowsRead: 4, rowsImported: 3, rowsRejected: 1, tiesRejected: 0 });
    expect(summary.rejections).toEqual([
      {
        row: 4,
        line: 5,
        what: 'row',
        reason:
          'column Investor country: "XYZ" is not in ISO 3166-1 alpha3 (i18n-iso-countries) or the overrides of "country"',
      },
    ]);
    const guide = readFileSync(join(ROOT, 'docs', 'importing.md'), 'utf8');
    const printed = formatSummary(summary).split('\n').slice(2).join('\n');
    expect(guide).toContain(printed);

    const result = await harness.run<Record<string, unknown>>(`{
      document(id: "doc:example-P-001") {
        name
        status
        signedOn { value precision }
        value { amount currency }
        sectors { name }
        parties { ... on Organization { name } ... on Region { name } }
        signatures { from { name } onBehalfOf { ... on Organization { name } } }
        sources { sourceId locator }
      }
      p2: document(id: "doc:example-P-002") { status signedOn { value precision } value { amount } }
      p3: document(id: "doc:example-P-003") { status signedOn { value precision } value { amount } }
      official(id: "official:aida-nurlanova") { positions { title to { name } } }
      organization(id: "org:steppe-logistics") { region { name } }
    }`);
    expect(result.errors).toBeUndefined();
    const document = result.data!.document as Record<string, unknown>;
    expect(document).toMatchObject({
      name: 'Steppe Logistics deal P-001',
      status: 'SIGNED',
      signedOn: { value: '2023-03-14', precision: 'DAY' },
      value: { amount: 1_250_500_000, currency: 'USD' },
      signatures: [{ from: { name: 'Aida Nurlanova' }, onBehalfOf: { name: 'Steppe Logistics' } }],
      sources: [{ sourceId: 'source:example-partnerships-v1', locator: 'row 1' }],
    });
    expect((document.sectors as { name: string }[]).map((sector) => sector.name).sort()).toEqual([
      'Logistics',
      'Transport',
    ]);
    expect((document.parties as { name: string }[]).map((party) => party.name).sort()).toEqual([
      "People's Republic of China",
      'Steppe Logistics',
    ]);
    expect(result.data!.p2).toEqual({
      status: 'IN_FORCE',
      signedOn: { value: '2023-02', precision: 'MONTH' },
      value: { amount: 80_000_000 },
    });
    expect(result.data!.p3).toEqual({
      status: 'UNDER_NEGOTIATION',
      signedOn: { value: '2022', precision: 'YEAR' },
      value: null,
    });
    const positions = (result.data!.official as { positions: { title: string; to: { name: string } }[] }).positions;
    expect(positions.map((position) => `${position.title}, ${position.to.name}`).sort()).toEqual([
      'Chief Executive, Caspian Grid',
      'Chief Executive, Steppe Logistics',
    ]);
    expect(result.data!.organization).toEqual({ region: { name: 'Kazakhstan' } });
  });

  it('changes nothing when run again', async () => {
    const before = await harness.fingerprint();
    const again = await runImport();
    expect(again).toMatchObject({ entitiesCreated: 0, tiesCreated: 0, rowsImported: 3 });
    expect(await harness.fingerprint()).toEqual(before);
  });

  it('checks a mapping and its CSV from the command line, naming file, line and column', async () => {
    // --strict turns the rejected row into exit status 1; without it the run exits 0.
    const dry = await cli('import', MAPPING, '--dry-run', '--strict');
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain('Rows: 4 read, 3 imported, 1 rejected');
    expect(dry.code).toBe(1);

    const dir = mkdtempSync(join(tmpdir(), 'ties-import-'));
    const broken = readFileSync(MAPPING, 'utf8').replace('column: Status, map: status', 'column: State, map: status');
    writeFileSync(
      join(dir, 'bad.mapping.yaml'),
      broken.replace('path: partnerships.csv', `path: ${join(EXAMPLE, 'partnerships.csv')}`),
    );
    const bad = await cli('import', join(dir, 'bad.mapping.yaml'), '--dry-run');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /bad\.mapping\.yaml:\d+ entities\[0\]\.fields\.status\.column: column "State" is not in partnerships\.csv/,
    );
  }, 60_000);

  it('refuses a malformed CSV with its file and line, before writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ties-import-'));
    const csv = join(dir, 'short.csv');
    const lines = readFileSync(join(EXAMPLE, 'partnerships.csv'), 'utf8').split('\n');
    writeFileSync(csv, [lines[0], lines[1], 'P-009,2021,Only three cells'].join('\n'));
    const importer = new ImporterService(harness.schema, dryRunGateway(harness.schema));
    await expect(importer.run(loadMapping(MAPPING), { csvPath: csv })).rejects.toThrow(/^short\.csv:3: /);
  });
});
