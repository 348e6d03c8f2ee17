/**
 * Peak memory of the CLI on big inputs: ingest of report files and `import --dry-run` of a CSV,
 * generated here at the size asked for (50 MB unless PEAK_MB says otherwise).
 *
 *   npm run peak-memory
 *   PEAK_MB=200 npm run peak-memory
 *
 * Each case runs the built CLI (`node dist/cli/index.js`, built first when the sources are newer)
 * as its own process, preloaded with a hook that writes the process's peak resident set size
 * (`process.resourceUsage().maxRSS`) when it exits. None of the cases needs Neo4j: the reports are
 * refused before the database is opened, and a dry run opens none. Prints a table for
 * docs/importing.md. Not part of `npm test`: it writes a few hundred MB to a temporary folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const MB = Number(process.env.PEAK_MB ?? 50);

function newestSource(dir: string): number {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Writes lines from `line(i)` until the file holds `bytes`, then `tail`; returns the number of lines. */
async function generate(path: string, head: string, line: (index: number) => string, bytes: number, tail = '') {
  const out = createWriteStream(path);
  let size = Buffer.byteLength(head);
  out.write(head);
  let index = 0;
  while (size < bytes) {
    const text = line(index);
    size += Buffer.byteLength(text);
    index += 1;
    if (!out.write(text)) await new Promise<void>((resolveDrain) => out.once('drain', () => resolveDrain()));
  }
  out.write(tail);
  await new Promise<void>((resolveEnd) => out.end(resolveEnd));
  return index;
}

interface Case {
  readonly what: string;
  readonly file: string;
  readonly args: string[];
}

function run(dir: string, hook: string, { what, file, args }: Case) {
  const rssFile = join(dir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', hook, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, PEAK_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  const said = `${child.stdout}${child.stderr}`.trim().split('\n').at(-1) ?? '';
  return {
    what,
    input: `${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`,
    exit: child.status,
    peak: `${peakMb.toFixed(0)} MB`,
    seconds: seconds.toFixed(1),
    said: said.replace(dir, '<tmp>').slice(0, 140),
  };
}

async function main(): Promise<void> {
  if (!statSync(CLI, { throwIfNoEntry: false }) || statSync(CLI).mtimeMs < newestSource(join(ROOT, 'src'))) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'ties-graph-peak-'));
  try {
    const hook = join(dir, 'peak-rss.js');
    writeFileSync(
      hook,
      "process.on('exit', () => require('fs').writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
    );
    const bytes = MB * 1024 * 1024;
    const organization = (index: number) => `Organization number ${index}`;

    const json = join(dir, 'report.json');
    await generate(
      json,
      '{"source":{"name":"Generated source"},"entities":[',
      (index) =>
        `${index > 0 ? ',' : ''}{"ref":"e${index}","organization":{"name":"${organization(index)}","kind":"COMPANY","aliases":["O${index}"]}}`,
      bytes,
      ']}',
    );
    const yamlEntity = (index: number) =>
      `  - ref: e${index}\n    organization:\n      name: ${organization(index)}\n      kind: COMPANY\n      aliases: [O${index}]\n`;
    const yaml = join(dir, 'report.yaml');
    await generate(yaml, 'source:\n  name: Generated source\nentities:\n', yamlEntity, bytes);
    // Under the size limit, over the entity limit: read until the 2,001st entity, then refused.
    const yamlUnderSize = join(dir, 'report-7mb.yaml');
    await generate(yamlUnderSize, 'source:\n  name: Generated source\nentities:\n', yamlEntity, 7 * 1024 * 1024);
    const jsonUnderSize = join(dir, 'report-7mb.json');
    await generate(
      jsonUnderSize,
      '{"source":{"name":"Generated source"},"entities":[',
      (index) =>
        `${index > 0 ? ',' : ''}{"ref":"e${index}","organization":{"name":"${organization(index)}","kind":"COMPANY"}}`,
      7 * 1024 * 1024,
      ']}',
    );

    // The importing guide's example mapping, over a CSV of invented deals.
    const mapping = join(ROOT, 'examples', 'importing', 'partnerships.mapping.yaml');
    const csv = join(dir, 'partnerships.csv');
    const header = readFileSync(join(ROOT, 'examples', 'importing', 'partnerships.csv'), 'utf8').split('\n')[0];
    const two = (n: number) => String(n).padStart(2, '0');
    const countries = ['KAZ', 'CHN', 'UZB', 'KGZ', 'TJK', 'RUS', 'MNG', 'TUR'];
    const rows = await generate(
      csv,
      `${header}\n`,
      (index) =>
        `G-${index},${two((index % 28) + 1)}/${two((index % 12) + 1)}/20${10 + (index % 14)},Company ${index % 5000},` +
        `${countries[index % 8]},${countries[(index + 3) % 8]},Energy; Mining,"${(index % 900) + 1}.5",` +
        `Person ${index % 3000},Chief Executive,signed\n`,
      bytes,
    );

    const cases: Case[] = [
      { what: `ingest: JSON report, ${MB} MB`, file: json, args: ['ingest', json] },
      { what: `ingest: YAML report, ${MB} MB`, file: yaml, args: ['ingest', yaml] },
      {
        what: 'ingest: YAML report under the size limit, over the entity limit',
        file: yamlUnderSize,
        args: ['ingest', yamlUnderSize],
      },
      {
        what: 'ingest: JSON report under the size limit, over the entity limit',
        file: jsonUnderSize,
        args: ['ingest', jsonUnderSize],
      },
      {
        what: `import --dry-run: CSV, ${MB} MB (${rows} rows)`,
        file: csv,
        args: ['import', mapping, '--csv', csv, '--dry-run'],
      },
    ];
    const results = cases.map((entry) => run(dir, hook, entry));
    process.stdout.write(
      '| case | input | exit | peak RSS (CLI process) | seconds |\n| --- | --- | --- | --- | --- |\n',
    );
    for (const result of results) {
      process.stdout.write(
        `| ${result.what} | ${result.input} | ${result.exit} | ${result.peak} | ${result.seconds} |\n`,
      );
    }
    process.stdout.write('\nLast line each printed:\n');
    for (const result of results) process.stdout.write(`- ${result.what}: ${result.said}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
