import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse as parseCsv } from 'csv-parse/sync';

import { parseGraphml } from '../support/graphml';
import { freePort } from '../support/free-port';
import { Harness } from '../support/harness';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would, against the test Neo4j unless `env` says otherwise. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolveRun({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * Runs the CLI with a stdout whose reader is gone before anything is written, as when
 * `ties-graph export | head` has read its lines and exited.
 */
function cliIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', rejectRun);
    child.once('close', (code) => resolveRun({ code, stderr }));
  });
}

const GOOD_YAML = `# A report as a researcher writes it by hand.
source:
  id: source:cli-test
  name: CLI test source
  publishedOn: 2024-05
entities:
  - ref: kg
    region:
      id: region:kg
      name: Kyrgyzstan
      kind: COUNTRY
      iso2: KG
  - ref: forum
    forum:
      id: forum:cli-test-dialogue
      name: CLI test dialogue
      kind: DIALOGUE
      date: 2024-05-02
ties:
  - type: INVOLVES
    from: forum
    to: kg
  - type: INVOLVES
    from: forum
    to: region:kz
`;

const GOOD_JSON = JSON.stringify(
  {
    source: { id: 'source:cli-test-2', name: 'Second CLI test source' },
    entities: [{ ref: 's', sector: { id: 'sector:cli-testing', name: 'Testing' } }],
  },
  null,
  2,
);

const INVALID_YAML = `source:
  name: A report with a wrong code
entities:
  - ref: kg
    region:
      name: Kyrgyzstan
      kind: COUNTRY
      iso2: KGZ
`;

describe('ties-graph CLI', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    // The CLI is tested as shipped: compiled, run by node.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    harness = await Harness.openSeeded();
    dir = mkdtempSync(join(tmpdir(), 'ties-graph-cli-'));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  function write(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('ingests a folder of YAML and JSON reports, and again without creating anything', async () => {
    const folder = mkdtempSync(join(dir, 'reports-'));
    writeFileSync(join(folder, '1-kyrgyzstan.yaml'), GOOD_YAML);
    writeFileSync(join(folder, '2-sector.json'), GOOD_JSON);
    const first = await cli(['ingest', folder]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1-kyrgyzstan.yaml: 2 entities and 2 ties created (source source:cli-test)');
    expect(first.stdout).toContain('Ingested 2 of 2 report file(s)');
    const involved = await harness.cypher<{ id: string }>(
      'MATCH (:Forum {id: "forum:cli-test-dialogue"})-[:INVOLVES]->(r:Region) RETURN r.id AS id ORDER BY id',
    );
    expect(involved.map((row) => row.id)).toEqual(['region:kg', 'region:kz']);

    const again = await cli(['ingest', folder]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Ingested 2 of 2 report file(s): 0 entities and 0 ties created.');
  });

  it('names file, line and column of a syntax error, and ingests nothing of the folder', async () => {
    const folder = mkdtempSync(join(dir, 'syntax-'));
    writeFileSync(join(folder, 'a.json'), '{\n  "source": { "name": "x" },\n  "entities": [,]\n}\n');
    writeFileSync(join(folder, 'b.yaml'), 'source:\n  name: y\nentities:\n  - ref: a\n   region: {}\n');
    writeFileSync(join(folder, 'c.yaml'), GOOD_YAML.replaceAll('cli-test', 'cli-never'));
    const run = await cli(['ingest', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(folder, 'a.json')}:3:16: invalid JSON`);
    expect(run.stderr).toMatch(new RegExp(`${join(folder, 'b.yaml')}:5:\\d+: invalid YAML`));
    expect(run.stderr).toContain('Nothing was ingested');
    expect(await harness.cypher('MATCH (n {id: "source:cli-never"}) RETURN n')).toEqual([]);
  });

  it('names the file, the position and the field path of a value the API refuses', async () => {
    const file = write('invalid.yaml', INVALID_YAML);
    const run = await cli(['ingest', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${file}:8:13: entities\\[0\\]\\.region\\.iso2: must be `, 'm'));
    expect(run.stdout).toContain('Ingested 0 of 1 report file(s)');

    const missing = await cli(['ingest', join(dir, 'nowhere.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
  });

  it('counts entities per type and relationships per tie type', async () => {
    const run = await cli(['stats', '--json']);
    expect(run.code).toBe(0);
    const counts = JSON.parse(run.stdout) as { nodes: Record<string, number>; totalRelationships: number };
    const regions = await harness.cypher<{ total: number }>('MATCH (n:Region) RETURN count(n) AS total');
    const relationships = await harness.cypher<{ total: number }>(
      'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS total',
    );
    expect(counts.nodes.Region).toBe(regions[0]?.total);
    expect(counts.totalRelationships).toBe(relationships[0]?.total);
    const table = await cli(['stats']);
    expect(table.stdout).toMatch(/^ {2}Region\s+\d+$/m);
  });

  it('exports GraphML of a filtered subgraph to a file, CSV to a folder and JSON to stdout', async () => {
    const graphml = join(dir, 'kg.graphml');
    const run = await cli(['export', '--format', 'graphml', '--out', graphml, '--region', 'region:kg']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Wrote \d+ nodes and \d+ relationships to .*kg\.graphml/);
    const { nodes } = parseGraphml(readFileSync(graphml, 'utf8'));
    expect(nodes.map((node) => node.id)).toEqual(
      expect.arrayContaining(['forum:cli-test-dialogue', 'region:kg', 'source:cli-test']),
    );
    expect(nodes.map((node) => node.id)).not.toContain('forum:kz-xuar-cross-border-dialogue-2');
    expect(existsSync(`${graphml}.partial`)).toBe(false);

    const csvFolder = join(dir, 'csv');
    expect((await cli(['export', '--format', 'csv', '--out', csvFolder])).code).toBe(0);
    const header = parseCsv(readFileSync(join(csvFolder, 'nodes.csv'), 'utf8'))[0];
    expect(header?.slice(0, 2)).toEqual(['id:ID', ':LABEL']);
    const relationshipRows = parseCsv(readFileSync(join(csvFolder, 'relationships.csv'), 'utf8'));
    expect(relationshipRows[0]?.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);

    const json = await cli(['export', '--format', 'json', '--sector', 'sector:cli-testing']);
    expect(json.code).toBe(0);
    // The sector has no documents, so the subgraph is empty.
    expect(JSON.parse(json.stdout)).toEqual({ nodes: [], relationships: [] });
  });

  it('lists duplicate candidates with their reasons, as text and as JSON', async () => {
    await harness.cypher(
      `UNWIND $names AS e
       CREATE (n:Entity:Organization {id: e.id, name: e.name, aliases: [], kind: 'COMPANY',
                                      createdAt: datetime(), updatedAt: datetime()})`,
      {
        names: [
          { id: 'org:cli-baosteel', name: 'Baosteel' },
          { id: 'org:cli-baosteel-group', name: 'BaoSteel Group' },
        ],
      },
    );
    const json = await cli(['duplicates', '--type', 'Organization', '--min-score', '0.9', '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout) as {
      candidates: { id: string; score: number; reasons: { kind: string; measure?: string }[] }[];
      work: { comparisons: number; capped: boolean };
    };
    expect(answer.candidates.map((candidate) => candidate.id)).toContain('org:cli-baosteel org:cli-baosteel-group');
    expect(answer.candidates[0]?.reasons[0]).toMatchObject({ kind: 'NameSimilarity', measure: 'WITHOUT_LEGAL_FORM' });
    expect(answer.work.capped).toBe(false);

    const text = await cli(['duplicates', '--type', 'organization']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('0.930  org:cli-baosteel "Baosteel"  ~  org:cli-baosteel-group "BaoSteel Group"');
    expect(text.stdout).toContain('same name without its legal form 0.93 ("Baosteel" / "BaoSteel Group")');
    expect(text.stdout).toMatch(/candidate pair\(s\) of Organization scoring 0\.8 or more; compared \d+ pairs/);

    const badType = await cli(['duplicates', '--type', 'Treaty']);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--type: "Treaty" is not an entity type');
    const badScore = await cli(['duplicates', '--type', 'Official', '--min-score', '2']);
    expect(badScore.code).toBe(2);
    expect(badScore.stderr).toContain('--min-score: "2" is not a number from 0 to 1');
    const documents = await cli(['duplicates', '--type', 'Document']);
    expect(documents.code).toBe(2);
    expect(documents.stderr).toContain('never matched by name');
  });

  it('stops quietly when the reader of stdout goes away (| head), for every command that writes there', async () => {
    for (const args of [
      ['export', '--format', 'json'],
      ['export', '--format', 'graphml'],
      ['stats'],
      ['stats', '--json'],
      ['duplicates', '--type', 'Region'],
    ]) {
      const run = await cliIntoClosedPipe(args);
      expect({ args, ...run }).toEqual({ args, code: 141, stderr: '' });
    }
  });

  it('exits 2 on usage mistakes and bad filters', async () => {
    const noFormat = await cli(['export']);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain("required option '--format <format>' not specified");
    const badFilter = await cli(['export', '--format', 'json', '--from', '2023-13']);
    expect(badFilter.code).toBe(2);
    expect(badFilter.stderr).toContain('Invalid filter: from: must be a date');
    const csvToStdout = await cli(['export', '--format', 'csv']);
    expect(csvToStdout.code).toBe(2);
  });

  it('exits 3 when Neo4j cannot be reached', async () => {
    const run = await cli(['stats'], {
      NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`,
      NEO4J_CONNECT_TIMEOUT_MS: '1000',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Could not reach Neo4j');
  });
});
