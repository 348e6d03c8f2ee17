import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { DatasetInfo } from './database';
import type { Measurement } from './load';
import type { Parameters } from './parameters';
import { type ProfiledStatement, renderStatements } from './profile';
import { SYSTEM_LABELS, SYSTEMS, type System } from './queries';

export interface QueryResult {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly cases: readonly string[];
  /** Interleaved rounds the measured time was cut into (one for queries whose requests are slow). */
  readonly rounds: number;
  readonly measurements: Record<System, Measurement>;
  /** ties-graph before the changes measured (`--baseline`), on the same requests. */
  readonly baseline?: Measurement;
}

export interface Target {
  readonly target: string;
  readonly query: string;
  readonly measured: number;
  readonly limit: number;
  /** How `measured` must compare with `limit`. */
  readonly must: 'at least' | 'at most';
  readonly pass: boolean;
}

/** Why a target was missed: ties-graph's statements under PROFILE, and CPU flame graphs. */
export interface Evidence {
  readonly query: string;
  readonly statements: readonly ProfiledStatement[];
  readonly flames: readonly { system: System; file: string; cpuMs: number; table: string }[];
}

export interface RunReport {
  readonly mode: 'quick' | 'full';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGiB: number;
    readonly node: string;
    readonly platform: string;
    /** 1, 5 and 15 minute load averages when the run started and ended. */
    readonly loadBefore: readonly number[];
    readonly loadAfter: readonly number[];
  };
  readonly settings: {
    readonly scale: number;
    readonly seed: number;
    readonly connections: number;
    readonly warmupSeconds: number;
    readonly durationSeconds: number;
    readonly rounds: number;
    readonly heapMb: number;
    readonly pageCacheMb: number;
  };
  readonly dataset: DatasetInfo & { readonly generatedThisRun: boolean };
  readonly parameters: Parameters;
  readonly queries: readonly QueryResult[];
  readonly targets: readonly Target[];
  readonly evidence: readonly Evidence[];
}

const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const ms = (value: number): string => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const rate = (value: number): string => (value < 100 ? value.toFixed(1) : value.toFixed(0));

/** The targets of the issue, each as measured in this run. */
export function evaluateTargets(queries: readonly QueryResult[], dataset: DatasetInfo): Target[] {
  const targets: Target[] = [];
  const add = (target: string, query: string, measured: number, limit: number, must: Target['must']) =>
    targets.push({
      target,
      query,
      measured,
      limit,
      must,
      pass: must === 'at least' ? measured >= limit : measured <= limit,
    });
  for (const query of queries) {
    const { 'ties-graph': ours, peer, floor } = query.measurements;
    add('throughput vs @neo4j/graphql', query.id, ours.throughput / peer.throughput, 1.5, 'at least');
    add('p99 vs @neo4j/graphql', query.id, ours.p99 / peer.p99, 1, 'at most');
    add('floor throughput / ties-graph throughput', query.id, floor.throughput / ours.throughput, 1.3, 'at most');
  }
  const first = queries.find((query) => query.id === 'Q3a');
  const fiftieth = queries.find((query) => query.id === 'Q3b');
  if (first && fiftieth) {
    const cost = (query: QueryResult) => 1 / query.measurements['ties-graph'].throughput;
    add('50th page cost / first page cost', 'Q3', cost(fiftieth) / cost(first), 1.2, 'at most');
  }
  add(
    'batched load / one MERGE per fact (rows/s)',
    'load',
    dataset.load.rowsPerSecond / dataset.load.sample.perFactRowsPerSecond,
    10,
    'at least',
  );
  return targets;
}

/** The generated part of docs/benchmarks.md. */
export function renderMarkdown(report: RunReport): string {
  const { machine, settings, dataset } = report;
  const lines: string[] = [];
  lines.push(
    `Run: ${report.mode} (\`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\`), ${report.startedAt} to ${report.finishedAt}.`,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}. ` +
      `Load average (1/5/15 min) before: ${machine.loadBefore.map((v) => v.toFixed(2)).join(' / ')}, ` +
      `after: ${machine.loadAfter.map((v) => v.toFixed(2)).join(' / ')}.`,
    '',
    `Graph: scale ${settings.scale}, seed ${settings.seed}: ${dataset.nodes.toLocaleString('en')} nodes, ` +
      `${dataset.relationships.toLocaleString('en')} relationships (${dataset.generatedThisRun ? 'generated in this run' : `generated ${dataset.load.generatedAt}, cached`}). ` +
      `Neo4j 5.26 Community (embedded launcher), heap ${settings.heapMb} MiB, page cache ${settings.pageCacheMb} MiB.`,
    '',
    `Load: ${settings.connections} connections; a warm-up pass of ${settings.warmupSeconds} s per system and query, ` +
      `then ${settings.durationSeconds} s measured per system and query in ${settings.rounds} interleaved round(s), one ` +
      'system at a time (the first rotating from round to round and query to query), each in its own process ' +
      'against the same Neo4j; throughput and CPU over all rounds, latencies the median of the rounds. ' +
      'Every answer is checked for errors during the run; before timing, the three answers to every parameter set ' +
      'were normalised and found identical.',
    '',
    '### Throughput and latency',
    '',
    '| Query | System | req/s | p50 ms | p99 ms | CPU ms/req: API | CPU ms/req: Neo4j | errors |',
    '| ----- | ------ | ----: | -----: | -----: | --------------: | ----------------: | -----: |',
  );
  for (const query of report.queries) {
    for (const system of SYSTEMS) {
      const m = query.measurements[system];
      lines.push(
        `| ${query.id} ${query.title} | ${SYSTEM_LABELS[system]} | ${rate(m.throughput)} | ${ms(m.p50)} | ${ms(m.p99)} | ` +
          `${m.cpuMsPerRequest.server.toFixed(2)} | ${m.cpuMsPerRequest.neo4j.toFixed(2)} | ${m.errors} |`,
      );
    }
  }
  lines.push(
    '',
    '### Ratios',
    '',
    '| Query | ties-graph / @neo4j/graphql req/s | ties-graph / @neo4j/graphql p99 | floor / ties-graph req/s |',
    '| ----- | --------------------------------: | ------------------------------: | -----------------------: |',
  );
  for (const query of report.queries) {
    const { 'ties-graph': ours, peer, floor } = query.measurements;
    lines.push(
      `| ${query.id} | ${ratio(ours.throughput / peer.throughput)} | ${ratio(ours.p99 / peer.p99)} | ${ratio(floor.throughput / ours.throughput)} |`,
    );
  }
  if (report.queries.some((query) => query.baseline)) {
    lines.push(
      '',
      '### ties-graph before and after the changes of this issue',
      '',
      'The same requests to ties-graph built from the commit before the first optimisation (`--baseline`), in this run.',
      '',
      '| Query | before req/s | after req/s | after / before | before CPU ms/req (API + Neo4j) | after CPU ms/req (API + Neo4j) |',
      '| ----- | -----------: | ----------: | -------------: | ------------------------------: | -----------------------------: |',
    );
    const cpu = (m: Measurement) => `${m.cpuMsPerRequest.server.toFixed(2)} + ${m.cpuMsPerRequest.neo4j.toFixed(2)}`;
    for (const query of report.queries) {
      const before = query.baseline;
      const after = query.measurements['ties-graph'];
      if (!before) continue;
      lines.push(
        `| ${query.id} | ${rate(before.throughput)} | ${rate(after.throughput)} | ${ratio(after.throughput / before.throughput)} | ${cpu(before)} | ${cpu(after)} |`,
      );
    }
  }
  lines.push(
    '',
    '### Targets',
    '',
    '| Target | Query | Measured | Must be | Result |',
    '| ------ | ----- | -------: | ------- | ------ |',
  );
  for (const target of report.targets) {
    lines.push(
      `| ${target.target} | ${target.query} | ${ratio(target.measured)} | ${target.must} ${ratio(target.limit)} | ${target.pass ? 'pass' : '**miss**'} |`,
    );
  }
  const load = dataset.load;
  lines.push(
    '',
    '### Loading the graph',
    '',
    `${load.rows.toLocaleString('en')} rows (entities and ties) through \`IngestRepository.upsertEntities\`/\`upsertTies\`, ` +
      `${load.batchRows.toLocaleString('en')} rows per write transaction: ${load.seconds.toFixed(1)} s, ` +
      `**${Math.round(load.rowsPerSecond).toLocaleString('en')} rows/s**. A sample of ${load.sample.rows.toLocaleString('en')} facts ` +
      `(documents with their ties) written one fact per transaction through the same statements: ` +
      `${Math.round(load.sample.perFactRowsPerSecond).toLocaleString('en')} rows/s; the same sample in two batches: ` +
      `${Math.round(load.sample.batchedRowsPerSecond).toLocaleString('en')} rows/s.`,
    '',
    '### Queries and parameters',
    '',
  );
  for (const query of report.queries) {
    lines.push(
      `- **${query.id} ${query.title}.** ${query.description} Parameter sets: ${query.cases
        .map((c) => `\`${c}\``)
        .slice(0, 8)
        .join(', ')}${query.cases.length > 8 ? ` and ${query.cases.length - 8} more` : ''}.` +
        (query.rounds === 1 && report.settings.rounds > 1
          ? ' Measured in one round (its slowest requests are long).'
          : ''),
    );
  }
  const p = report.parameters;
  lines.push(
    '',
    `Skew met by the parameters: regions bound by ${p.regions.map((r) => `${r.documents} (${r.id})`).join(', ')} documents; ` +
      `region pairs sharing ${p.regionPairs.map((r) => r.documents).join(', ')} documents; official pairs with ` +
      `${p.officialPairs.map((o) => `${o.paths} paths of length ${o.length}`).join(', ')}; searches with ${p.searches.map((s) => s.hits).join(', ')} hits.`,
  );
  if (report.evidence.length > 0) {
    lines.push('', '### Evidence for the misses', '');
    for (const item of report.evidence) {
      const query = report.queries.find((candidate) => candidate.id === item.query);
      lines.push(
        `#### ${item.query} ${query?.title ?? ''}`,
        '',
        `ties-graph runs ${item.statements.length} statement${item.statements.length === 1 ? '' : 's'} for \`${query?.cases[0] ?? ''}\` ` +
          `(PROFILE, plans cached): ${item.statements
            .map((s) => `\`${s.name}\` ${s.rows} rows, ${s.dbHits.toLocaleString('en')} db hits`)
            .join('; ')}.`,
        '',
        '<details><summary>Plans</summary>',
        renderStatements(item.statements),
        '</details>',
        '',
      );
      for (const flame of item.flames) {
        lines.push(
          `CPU of ${SYSTEM_LABELS[flame.system]} answering ${item.query} for ${report.settings.durationSeconds} s ` +
            `(${Math.round(flame.cpuMs).toLocaleString('en')} ms, start-up included): [flame graph](${flame.file})`,
          '',
          flame.table,
          '',
        );
      }
    }
  }
  return lines.join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/**
 * Writes the JSON, and the markdown section between the markers of `markdownFile` (the rest of
 * the file, the analysis written by hand, stays as it is; a missing file is created), formatted
 * as the project's Prettier check expects.
 */
export async function writeReport(report: RunReport, markdownFile: string, jsonFile: string): Promise<void> {
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  const section = `${START}\n\n${renderMarkdown(report)}\n\n${END}`;
  const existing = existsSync(markdownFile) ? readFileSync(markdownFile, 'utf8') : '';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const markdown =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${section}${existing.slice(end + END.length)}`
      : `# Benchmarks\n\n${section}\n`;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(markdownFile)) ?? {};
  writeFileSync(markdownFile, await prettier.format(markdown, { ...options, filepath: markdownFile }));
}
