/**
 * `npm run bench` — ties-graph against the Neo4j GraphQL Library and against hand-written Cypher,
 * on the same Neo4j and the same generated graph, each system in its own process.
 *
 *   npm run bench                 full run: scale 1 (~1M relationships), 15 s per query and system;
 *                                 writes docs/benchmarks.md (between its markers) and .json
 *   npm run bench -- --quick      scale 0.05, 1.5 s per query and system (under 3 minutes on 2 cores);
 *                                 writes .bench/benchmarks-quick.{md,json}
 *
 * Options: --scale N, --seed N, --duration S, --warmup S, --connections N, --only Q1,Q3a,
 * --regenerate (ignore the cached graph). NEO4J_HEAP_MB and NEO4J_PAGECACHE_MB size the embedded
 * Neo4j. The generated graph is cached in .bench/ per scale and seed.
 */
import 'reflect-metadata';

import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { loadConfig } from '../src/config';
import { createSchema } from '../src/schema/schema';

import { firstDifference } from './compare';
import { type BenchDatabase, openBenchDatabase } from './database';
import { flameGraph } from './flame';
import { combine, cpuSeconds, type Measurement, measure } from './load';
import { chooseParameters } from './parameters';
import { profileRequest } from './profile';
import { freePort } from '../test/support/free-port';
import { buildSystems, postJson, ROOT, type Server, startServer } from './processes';
import {
  type BenchQuery,
  type BenchRequest,
  type CursorSystem,
  nextCursor,
  q1,
  q2,
  q3,
  q3Requests,
  q4,
  q5,
  q6,
  SYSTEM_LABELS,
  SYSTEMS,
  type System,
} from './queries';
import {
  evaluateTargets,
  type Evidence,
  type QueryResult,
  renderMarkdown,
  type RunReport,
  type Target,
  writeReport,
} from './report';

interface Options {
  readonly mode: 'quick' | 'full';
  readonly scale: number;
  readonly seed: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  readonly regenerate: boolean;
  readonly only: readonly string[] | null;
  readonly sampleRows: number;
  /** Into how many interleaved rounds each system's measured time per query is cut. */
  readonly rounds: number;
  /** Set by any option that changes scale or durations: such a run is not written to docs/. */
  readonly scratch: boolean;
  /**
   * A checkout of ties-graph from before a change, built (dist/main.js), measured beside the
   * current one on the same requests: the before/after ratios of the change.
   */
  readonly baseline: string | null;
  /** PROFILE (and flame graphs, with `flames`) for each query with a missed target. */
  readonly evidence: boolean;
  readonly flames: boolean;
  /** Where each server writes a V8 CPU profile when it stops, or null for none. */
  readonly cpuProfileDir: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const text = value(name);
    const parsed = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} needs a positive number, got "${text}"`);
    return parsed;
  };
  const environment = (name: string, fallback: number): number => {
    const parsed = Number(process.env[name] ?? fallback);
    return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return {
    mode: quick ? 'quick' : 'full',
    scale: number('--scale', quick ? 0.05 : 1),
    seed: number('--seed', 42),
    durationSeconds: number('--duration', quick ? 1.5 : 15),
    warmupSeconds: number('--warmup', quick ? 0.5 : 5),
    rounds: number('--rounds', quick ? 1 : 3),
    connections: number('--connections', 8),
    heapMb: environment('NEO4J_HEAP_MB', quick ? 1024 : 4096),
    pageCacheMb: environment('NEO4J_PAGECACHE_MB', quick ? 512 : 4096),
    regenerate: argv.includes('--regenerate'),
    only: value('--only')?.split(',') ?? null,
    sampleRows: quick ? 200 : 2000,
    scratch: ['--scale', '--seed', '--duration', '--warmup', '--connections', '--rounds'].some((name) =>
      argv.includes(name),
    ),
    baseline: value('--baseline') ?? null,
    // A quick run is a smoke test that must finish in 3 minutes; PROFILE and flame graphs of its
    // misses are asked for with --evidence.
    evidence: quick ? argv.includes('--evidence') : !argv.includes('--no-evidence'),
    // Flame graphs restart two servers per query with a miss: the quick run leaves them out.
    flames: argv.includes('--flames') || (!quick && !argv.includes('--no-flames')),
    cpuProfileDir: argv.includes('--cpu-prof') ? join(ROOT, '.bench', 'cpu-profiles') : null,
  };
}

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

async function graphqlReady(baseUrl: string): Promise<boolean> {
  const { status } = await postJson(`${baseUrl}/graphql`, { query: '{ __typename }' });
  return status === 200;
}

type Entries = Awaited<ReturnType<typeof buildSystems>>;

/** Starts one system in its own process; `nodeArgs` e.g. `--cpu-prof`. */
async function startSystem(
  system: System,
  entries: Entries,
  database: BenchDatabase,
  nodeArgs: readonly string[] = [],
): Promise<Server> {
  const port = await freePort();
  const env = {
    NEO4J_URI: database.uri,
    NEO4J_USER: database.user,
    NEO4J_PASSWORD: database.password,
    NODE_ENV: 'production',
    PORT: String(port),
  };
  switch (system) {
    case 'ties-graph':
      return startServer({
        name: system,
        entry: entries.tiesGraph,
        port,
        nodeArgs,
        env: { ...env, HOST: '127.0.0.1', SEED_ON_START: 'false' },
        ready: graphqlReady,
      });
    case 'peer':
      return startServer({ name: system, entry: entries.peer, port, nodeArgs, env, ready: graphqlReady });
    case 'floor':
      return startServer({
        name: system,
        entry: entries.floor,
        port,
        nodeArgs,
        env,
        ready: async (baseUrl) => (await fetch(`${baseUrl}/health`)).ok,
      });
  }
}

async function startSystems(
  entries: Entries,
  database: BenchDatabase,
  cpuProfileDir: string | null,
): Promise<Record<System, Server>> {
  const nodeArgs = (system: System): string[] =>
    cpuProfileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${join(cpuProfileDir, system)}`];
  const [tiesGraph, peer, floor] = await Promise.all(
    SYSTEMS.map((system) => startSystem(system, entries, database, nodeArgs(system))),
  );
  return { 'ties-graph': tiesGraph as Server, peer: peer as Server, floor: floor as Server };
}

async function ask(servers: Record<System, Server>, system: System, request: BenchRequest): Promise<unknown> {
  const { status, json } = await postJson(`${servers[system].url}${request.path}`, request.body);
  if (status !== 200)
    throw new Error(`${SYSTEM_LABELS[system]} answered HTTP ${status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

/** Walks the keyset systems' cursors to the given page of Q3, as a client of each would. */
async function cursorsForPage(servers: Record<System, Server>, page: number): Promise<Record<CursorSystem, unknown>> {
  let after: Record<CursorSystem, unknown> | null = null;
  for (let current = 1; current < page; current += 1) {
    const requests = q3Requests(current, after);
    after = {
      'ties-graph': nextCursor['ties-graph'](await ask(servers, 'ties-graph', requests['ties-graph'])),
      floor: nextCursor.floor(await ask(servers, 'floor', requests.floor)),
    };
  }
  return after ?? { 'ties-graph': null, floor: null };
}

/** Asks every parameter set of every query of all three systems; stops at the first difference. */
async function checkSameAnswers(servers: Record<System, Server>, queries: readonly BenchQuery[]): Promise<void> {
  for (const query of queries) {
    for (const benchCase of query.cases) {
      const answers = {} as Record<System, unknown>;
      for (const system of SYSTEMS) {
        answers[system] = query.normalise[system](await ask(servers, system, benchCase.requests[system]));
      }
      for (const system of ['peer', 'floor'] as const) {
        const difference = firstDifference(answers['ties-graph'], answers[system]);
        if (difference) {
          throw new Error(
            `${query.id} (${benchCase.label}): ties-graph and ${SYSTEM_LABELS[system]} answer differently at ` +
              `${difference.path}: ${JSON.stringify(difference.left)} vs ${JSON.stringify(difference.right)}\n` +
              `ties-graph: ${JSON.stringify(answers['ties-graph']).slice(0, 2000)}\n` +
              `${SYSTEM_LABELS[system]}: ${JSON.stringify(answers[system]).slice(0, 2000)}`,
          );
        }
      }
    }
    log(`${query.id}: the three systems give the same answers (${query.cases.length} parameter sets)`);
  }
}

/** The query whose evidence explains a missed target (the page-cost target: the 50th page). */
function evidenceFor(target: Target): string {
  return target.query === 'Q3' ? 'Q3b' : target.query;
}

/**
 * For each query with a missed target: the PROFILE of every statement ties-graph runs for its
 * first parameter set, and (with `flames`) CPU flame graphs of ties-graph and the peer answering
 * it under the same load, each from a fresh process started with --cpu-prof.
 */
async function gatherEvidence(options: {
  queries: readonly BenchQuery[];
  database: BenchDatabase;
  entries: Entries;
  flames: boolean;
  flameDir: string;
  markdownDir: string;
  connections: number;
  seconds: number;
}): Promise<Evidence[]> {
  const { database } = options;
  const schema = await createSchema();
  const config = loadConfig({ NEO4J_URI: database.uri, NEO4J_PASSWORD: database.password, NODE_ENV: 'production' });
  const evidence: Evidence[] = [];
  for (const query of options.queries) {
    const first = query.cases[0];
    if (!first) continue;
    log(`Evidence for ${query.id}: PROFILE${options.flames ? ' and flame graphs' : ''}`);
    const statements = await profileRequest(
      schema,
      config,
      database.driver,
      first.requests['ties-graph'].body as never,
    );
    const flames: Evidence['flames'][number][] = [];
    for (const system of options.flames ? (['ties-graph', 'peer'] as const) : []) {
      const profileDir = mkdtempSync(join(tmpdir(), 'ties-graph-flame-'));
      const server = await startSystem(system, options.entries, database, [
        '--cpu-prof',
        `--cpu-prof-dir=${profileDir}`,
      ]);
      try {
        await measure(
          server.url,
          query.cases.map((benchCase) => benchCase.requests[system]),
          {
            connections: options.connections,
            seconds: options.seconds,
            serverPid: server.pid,
            neo4jPid: database.pid,
          },
        );
      } finally {
        await server.stop();
        await untilQuiet(database.pid);
      }
      const profile = readdirSync(profileDir).find((file) => file.endsWith('.cpuprofile'));
      if (!profile) throw new Error(`${system} wrote no CPU profile into ${profileDir}`);
      mkdirSync(options.flameDir, { recursive: true });
      const svg = join(options.flameDir, `flame-${query.id}-${system}.svg`);
      const { table, cpuMs } = flameGraph(
        join(profileDir, profile),
        svg,
        `${SYSTEM_LABELS[system]}: ${query.id} ${query.title}`,
      );
      rmSync(profileDir, { recursive: true, force: true });
      flames.push({ system, file: relative(options.markdownDir, svg), cpuMs, table });
    }
    evidence.push({ query: query.id, statements, flames });
  }
  return evidence;
}

/** Checks that the baseline answers as ties-graph does; a difference is reported, not fatal. */
async function compareBaseline(baseline: Server, current: Server, queries: readonly BenchQuery[]): Promise<void> {
  for (const query of queries) {
    for (const benchCase of query.cases) {
      const request = benchCase.requests['ties-graph'];
      const [before, now] = await Promise.all(
        [baseline, current].map(async (server) => {
          const { status, json } = await postJson(`${server.url}${request.path}`, request.body);
          return status === 200 ? query.normalise['ties-graph'](json) : { status };
        }),
      );
      const difference = firstDifference(before, now);
      if (difference) {
        log(`${query.id} (${benchCase.label}): the baseline answers differently at ${difference.path}`);
      }
    }
  }
}

/**
 * Waits until Neo4j is idle: a server whose client hung up at the end of a measurement may still
 * be running its statements, which would otherwise load the next system's measurement.
 */
async function untilQuiet(neo4jPid: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (let before = cpuSeconds(neo4jPid); Date.now() < deadline;) {
    await new Promise((wait) => setTimeout(wait, 250));
    const now = cpuSeconds(neo4jPid);
    // Under a tenth of a core over a quarter of a second: only Neo4j's background work.
    if (!(now - before > 0.025)) return;
    before = now;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  log(
    `${options.mode} run: scale ${options.scale}, ${options.connections} connections, ${options.warmupSeconds} s warm-up + ` +
      `${options.durationSeconds} s per query and system; load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`,
  );
  log('Building the three systems (tsc)');
  const entries = await buildSystems();
  const database = await openBenchDatabase({
    scale: options.scale,
    seed: options.seed,
    heapMb: options.heapMb,
    pageCacheMb: options.pageCacheMb,
    regenerate: options.regenerate,
    batchRows: 10_000,
    sampleRows: options.sampleRows,
    log,
  });
  const servers: Partial<Record<System, Server>> = {};
  let baseline: Server | null = null;
  const stopAll = async (): Promise<void> => {
    await Promise.all([...Object.values(servers), ...(baseline ? [baseline] : [])].map((server) => server.stop()));
    await database.stop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const parameters = await chooseParameters(database.driver, options.scale);
    Object.assign(servers, await startSystems(entries, database, options.cpuProfileDir));
    const running = servers as Record<System, Server>;
    if (options.baseline !== null) {
      const port = await freePort();
      baseline = await startServer({
        name: 'ties-graph (before)',
        entry: join(options.baseline, 'dist', 'main.js'),
        port,
        env: {
          NEO4J_URI: database.uri,
          NEO4J_USER: database.user,
          NEO4J_PASSWORD: database.password,
          NODE_ENV: 'production',
          PORT: String(port),
          HOST: '127.0.0.1',
          SEED_ON_START: 'false',
        },
        ready: graphqlReady,
      });
      log(`Baseline up: ${options.baseline} at ${baseline.url} (pid ${baseline.pid})`);
    }
    log(
      `Servers up: ${SYSTEMS.map((system) => `${system} ${running[system].url} (pid ${running[system].pid})`).join(', ')}`,
    );

    const fiftieth = await cursorsForPage(running, 50);
    const queries = [
      q1(parameters.documents),
      q2(
        parameters.regions.map((region) => region.id),
        20,
      ),
      q3('Q3a', 'Filtered, sorted list page with totalCount: first page', 1, q3Requests(1, null)),
      q3('Q3b', 'Filtered, sorted list page with totalCount: 50th page', 50, q3Requests(50, fiftieth)),
      q4(parameters.regionPairs.map((pair) => [pair.a, pair.b] as const)),
      q5(parameters.officialPairs.map((pair) => [pair.from, pair.to] as const)),
      q6(parameters.searches),
    ].filter((query) => options.only === null || options.only.includes(query.id));
    await checkSameAnswers(running, queries);
    if (baseline) await compareBaseline(baseline, running['ties-graph'], queries);

    const requestsOf = (query: BenchQuery, system: System) =>
      query.cases.map((benchCase) => benchCase.requests[system]);
    // A warm-up pass first, every query on every system: both JITs (Node's and Neo4j's) have run
    // every code path before anything is timed, whichever system and query come first.
    log(`Warming up: ${options.warmupSeconds} s per query and system`);
    // The slowest mean latency any system showed for each query while warming up.
    const slowest = new Map<string, number>();
    for (const query of queries) {
      const warmed = [
        ...SYSTEMS.map((system) => ({
          url: running[system].url,
          requests: requestsOf(query, system),
          pid: running[system].pid,
        })),
        ...(baseline ? [{ url: baseline.url, requests: requestsOf(query, 'ties-graph'), pid: baseline.pid }] : []),
      ];
      for (const { url, requests, pid } of warmed) {
        const warm = await measure(url, requests, {
          connections: options.connections,
          seconds: options.warmupSeconds,
          serverPid: pid,
          neo4jPid: database.pid,
        });
        slowest.set(query.id, Math.max(slowest.get(query.id) ?? 0, warm.requests === 0 ? Infinity : warm.mean));
        await untilQuiet(database.pid);
      }
    }

    // The measured time of each system and query is cut into rounds, run in turn with the other
    // systems' (the first of each round rotating), so a burst of load from elsewhere on a shared
    // machine lands on all of them rather than on one.
    type Measured = System | 'before';
    const targetOf = (measured: Measured) =>
      measured === 'before'
        ? { url: (baseline as Server).url, pid: (baseline as Server).pid, requests: 'ties-graph' as const }
        : { url: running[measured].url, pid: running[measured].pid, requests: measured };
    const measuredSystems: Measured[] = baseline ? [...SYSTEMS, 'before'] : [...SYSTEMS];
    const results: QueryResult[] = [];
    for (const [index, query] of queries.entries()) {
      const rounds = new Map<Measured, Measurement[]>(measuredSystems.map((measured) => [measured, []]));
      // A round must hold many requests of the slowest system, or its requests still in flight at
      // the end of each round (which autocannon drops) would undercount it: slow queries get one.
      const roundCount =
        (slowest.get(query.id) ?? Infinity) * 10 <= (options.durationSeconds * 1000) / options.rounds
          ? options.rounds
          : 1;
      for (let round = 0; round < roundCount; round += 1) {
        const first = index + round;
        const order = measuredSystems.map((_, k) => measuredSystems[(k + first) % measuredSystems.length] as Measured);
        for (const measured of order) {
          const target = targetOf(measured);
          const sample = await measure(target.url, requestsOf(query, target.requests), {
            connections: options.connections,
            seconds: options.durationSeconds / roundCount,
            serverPid: target.pid,
            neo4jPid: database.pid,
          });
          if (sample.errors > 0) throw new Error(`${measured} answered ${query.id} with errors under load`);
          rounds.get(measured)?.push(sample);
          await untilQuiet(database.pid);
        }
      }
      const combined = (measured: Measured) => combine(rounds.get(measured) ?? []);
      const measurements = Object.fromEntries(SYSTEMS.map((system) => [system, combined(system)])) as Record<
        System,
        Measurement
      >;
      for (const measured of measuredSystems) {
        const m = combined(measured);
        log(
          `${query.id} ${measured === 'before' ? 'ties-graph before' : SYSTEM_LABELS[measured]}: ` +
            `${m.throughput.toFixed(1)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ` +
            `CPU ms/request ${m.cpuMsPerRequest.server.toFixed(2)} + ${m.cpuMsPerRequest.neo4j.toFixed(2)} (Neo4j)`,
        );
      }
      results.push({
        id: query.id,
        title: query.title,
        description: query.description,
        cases: query.cases.map((benchCase) => benchCase.label),
        rounds: roundCount,
        measurements,
        ...(baseline ? { baseline: combined('before') } : {}),
      });
    }

    // Only a full run of every query, at the default scale and durations, is written to docs/.
    const official = options.mode === 'full' && options.only === null && !options.scratch;
    const [markdownFile, jsonFile, flameDir] = official
      ? [join(ROOT, 'docs', 'benchmarks.md'), join(ROOT, 'docs', 'benchmarks.json'), join(ROOT, 'docs', 'benchmarks')]
      : [
          join(ROOT, '.bench', `benchmarks-${options.mode}.md`),
          join(ROOT, '.bench', `benchmarks-${options.mode}.json`),
          join(ROOT, '.bench', 'flames'),
        ];
    const targets = evaluateTargets(results, database.dataset);
    // Flame graphs of an earlier run's misses would sit beside this run's report as if they were its own.
    if (options.evidence && options.flames) rmSync(flameDir, { recursive: true, force: true });
    const evidence = options.evidence
      ? await gatherEvidence({
          queries: queries.filter((query) =>
            targets.some((target) => !target.pass && evidenceFor(target) === query.id),
          ),
          database,
          entries,
          flames: options.flames,
          flameDir,
          markdownDir: dirname(markdownFile),
          connections: options.connections,
          seconds: options.durationSeconds,
        })
      : [];
    const report: RunReport = {
      mode: options.mode,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        loadBefore,
        loadAfter: loadavg(),
      },
      settings: {
        scale: options.scale,
        seed: options.seed,
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
        rounds: options.rounds,
        heapMb: options.heapMb,
        pageCacheMb: options.pageCacheMb,
      },
      dataset: { ...database.dataset, generatedThisRun: database.generated },
      parameters,
      queries: results,
      targets,
      evidence,
    };
    await writeReport(report, markdownFile, jsonFile);
    process.stdout.write(`${renderMarkdown(report)}\n\nWritten to ${markdownFile} and ${jsonFile}\n`);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
