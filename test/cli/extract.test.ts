import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI; `extract` needs no database, so none is configured. */
function cli(args: string[]): Promise<Run> {
  return new Promise((resolveRun) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolveRun({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function newest(dir: string): number {
  let latest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    latest = Math.max(latest, item.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// Written for this test.
const TEXT = `Mongolia and Kazakhstan sign three memoranda

Mongolian Minister of Foreign Affairs Batmunkh Battsetseg and Kazakh Minister of Trade and Integration Arman Shakkaliyev signed three memoranda of understanding in Astana on 12 March.
`;

describe('ties-graph extract', () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(CLI) || statSync(CLI).mtimeMs < newest(join(ROOT, 'src'))) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
        cwd: ROOT,
      });
    }
    dir = mkdtempSync(join(tmpdir(), 'ties-graph-extract-'));
    writeFileSync(join(dir, 'memoranda.txt'), TEXT);
  });

  it('drafts without the GraphQL layer loaded (eval:extract and scripts import the extractor alone)', () => {
    // No reflect-metadata here: a decorated class reached from the extractor would throw on load.
    const output = execFileSync(
      process.execPath,
      [
        '-r',
        require.resolve('ts-node/register/transpile-only'),
        '-e',
        "const { extractReport } = require('./src/modules/extract/extract.service'); " +
          "process.stdout.write(String(extractReport('Kazakhstan and China met in Astana on 3 March 2024.', {}).entities.length));",
      ],
      { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, encoding: 'utf8' },
    );
    expect(Number(output)).toBeGreaterThan(0);
  });

  it('writes the draft of a text to stdout as JSON', async () => {
    const run = await cli(['extract', join(dir, 'memoranda.txt'), '--published', '2024-03', '--publisher', 'A desk']);
    expect(run.code).toBe(0);
    const draft = JSON.parse(run.stdout) as {
      source: Record<string, string>;
      entities: { ref: string; quote: string }[];
      ties: { type: string; from: string }[];
    };
    expect(draft.source).toEqual({
      name: 'Mongolia and Kazakhstan sign three memoranda',
      publisher: 'A desk',
      publishedOn: '2024-03',
    });
    expect(draft.entities.map((e) => e.ref)).toEqual(
      expect.arrayContaining(['mongolia', 'kazakhstan', 'astana', 'batmunkh-battsetseg', 'arman-shakkaliyev']),
    );
    expect(
      draft.ties
        .filter((t) => t.type === 'SIGNED')
        .map((t) => t.from)
        .sort(),
    ).toEqual(['arman-shakkaliyev', 'batmunkh-battsetseg']);
    for (const statement of [...draft.entities, ...(draft.ties as unknown as { quote: string }[])])
      expect(TEXT).toContain(statement.quote);
  });

  it('writes YAML a person can edit, with the same content', async () => {
    const out = join(dir, 'memoranda.yaml');
    const run = await cli(['extract', join(dir, 'memoranda.txt'), '--published', '2024-03', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/memoranda\.yaml: \d+ entities, \d+ ties/);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toMatch(/^source:\n {2}name: Mongolia and Kazakhstan sign three memoranda\n/);
    const json = await cli(['extract', join(dir, 'memoranda.txt'), '--published', '2024-03']);
    expect(parseYaml(yaml)).toEqual(JSON.parse(json.stdout));
  });

  it('drafts a folder one file at a time, names the files it could not read, and exits 2', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ties-graph-texts-'));
    writeFileSync(join(folder, 'a.txt'), TEXT);
    writeFileSync(
      join(folder, 'a.source.json'),
      JSON.stringify({ publisher: 'Sidecar desk', publishedOn: '2024-03-13' }),
    );
    writeFileSync(join(folder, 'b.txt'), '   \n\n ');
    writeFileSync(join(folder, 'c.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(join(folder, 'notes.md'), 'not a text to draft');
    const out = join(folder, 'drafts');
    const run = await cli(['extract', folder, '--out', out]);
    expect(run.code).toBe(2);
    expect(readdirSync(out)).toEqual(['a.json']);
    expect((JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as { source: unknown }).source).toMatchObject({
      publisher: 'Sidecar desk',
      publishedOn: '2024-03-13',
    });
    expect(run.stderr).toContain(`${join(folder, 'b.txt')}: is empty`);
    expect(run.stderr).toContain(`${join(folder, 'c.txt')}: is not a text file`);
  });

  it('refuses bad input with exit code 2 and a message naming it', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    for (const [args, message] of [
      [['extract', empty], /empty\.txt: is empty/],
      [['extract', join(dir, 'missing.txt')], /missing\.txt: no such file or folder/],
      [
        ['extract', join(dir, 'memoranda.txt'), '--published', 'March 2024'],
        /--published must be YYYY, YYYY-MM or YYYY-MM-DD/,
      ],
      [['extract', dir], /is a folder: give --out <folder>/],
    ] as const) {
      const run = await cli([...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});
