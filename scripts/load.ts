/**
 * A bounded load run against the production build: mostly reads, some writes, for a fixed time.
 *
 *   npm run load                      # 50 connections for 60 s
 *   LOAD_CONNECTIONS=20 LOAD_SECONDS=20 npm run load
 *
 * It builds dist/ when the sources are newer, starts its own embedded Neo4j in a temporary
 * directory (or uses LOAD_NEO4J_URI / LOAD_NEO4J_PASSWORD), starts `node dist/main.js` on a free
 * port with the seed graph and an editor key, and drives it with autocannon. Every answer is
 * checked: transport errors, timeouts, non-2xx statuses and answers carrying GraphQL `errors`
 * all count as errors. After an unmeasured warm-up (LOAD_WARMUP_SECONDS, 10), the server's
 * resident memory is sampled every second through the measured run. Prints the figures
 * for docs/load.md and exits 1 when there was any error.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

import autocannon from 'autocannon';

import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded';
import { generateKey, hashKey } from '../src/modules/auth/auth.keys';
import { freePort } from '../test/support/free-port';

const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'main.js');
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
/** One request in this many is a write. */
const WRITE_EVERY = Number(process.env.LOAD_WRITE_EVERY ?? 10);
/** A first, unmeasured run, so the figures start from a warmed-up server (JIT, pools, caches). */
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 10);

/** The README's example questions, and a few list and lookup queries around them. */
const READS = [
  `{ forum(id: "forum:kz-xuar-cross-border-dialogue-2") { name date { value precision }
     documents { kind count title value { amount currency qualifier } } } }`,
  `{ document(id: "doc:kz-xuar-dialogue-2-documents") { count sectors { name } } }`,
  `{ forum(id: "forum:kz-xuar-cross-border-dialogue-2") { attendance { role
     from { name ... on Official { positions { title to { name } } } } onBehalfOf { ... on Region { name } } } } }`,
  `{ figures(filter: { metric: EXPORT_OFFER }) { nodes { value unit qualifier itemCount items statedBy { name } } } }`,
  `{ figures(filter: { region: "region:kz", dateFrom: "2022", dateTo: "2022" }, orderBy: VALUE_DESC) {
     nodes { name metric value unit changePercent changeFactor sources { sourceId locator } } } }`,
  `{ regions(first: 50) { totalCount nodes { id name iso2 parent { name } } pageInfo { hasNextPage endCursor } } }`,
  `{ sectors(first: 20) { nodes { id name } } }`,
  `{ region(id: "region:kz") { name aliases sources { sourceId locator } } }`,
  `{ node(id: "official:serik-zhumangarin") { id ... on Official { name positions { title } } } }`,
];

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    }),
  );
}

/** Resident memory of a process in MiB, from `ps` (Linux and macOS). */
function rssMb(pid: number): number {
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return Math.round(kb / 1024);
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ pid: number; url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolveReady, rejectReady) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('ties-graph is ready')) resolveReady();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => rejectReady(new Error(`the server exited during start-up:\n${output}`)));
  });
  // Keep draining the pipes, so a chatty server never blocks on a full one.
  child.stdout.resume();
  child.stderr.resume();
  return {
    pid: child.pid ?? -1,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource(join(ROOT, 'src'))) {
    process.stdout.write('Building dist/ …\n');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }

  let neo4j: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.LOAD_NEO4J_URI;
  let password = process.env.LOAD_NEO4J_PASSWORD;
  if (uri === undefined || password === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), 'ties-graph-load-'));
    password = 'load-run-password';
    process.stdout.write('Starting a Neo4j for the run …\n');
    neo4j = await startEmbeddedNeo4j({
      dataDir,
      boltPort: await freePort(),
      password,
      heapMb: 1024,
      pageCacheMb: 256,
      startTimeoutMs: 300_000,
    });
    uri = neo4j.uri;
  }

  const key = generateKey();
  const server = await startServer({
    NEO4J_URI: uri,
    NEO4J_PASSWORD: password,
    SEED_ON_START: 'true',
    API_KEYS: `load:editor:${hashKey(key)}`,
  });
  try {
    const counts = { graphqlErrors: 0, writes: 0, reads: 0 };
    /** Error codes seen in answers, so a failed run says what failed. */
    const codes = new Map<string, number>();
    let sent = 0;
    // One request template: each request becomes the next read in turn, or, every WRITE_EVERY-th
    // request across all connections, a write. Connections send one request at a time, so the
    // connection's context says what its answer is for.
    const request: autocannon.Request = {
      method: 'POST',
      path: '/graphql',
      setupRequest: (template, context: { write?: boolean }) => {
        sent += 1;
        context.write = sent % WRITE_EVERY === 0;
        if (context.write) {
          return {
            ...template,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
            // A new sector each time, so every write commits a node (names are unique: no CONFLICT).
            body: JSON.stringify({
              query: 'mutation ($name: String!) { createSector(input: { name: $name }) { id name } }',
              variables: { name: `Load sector ${process.pid}-${sent}` },
            }),
          };
        }
        return {
          ...template,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: READS[sent % READS.length] }),
        };
      },
      onResponse: (status, body, context: { write?: boolean }) => {
        if (context.write) counts.writes += 1;
        else counts.reads += 1;
        if (status === 200 && !body.includes('"errors"')) return;
        // autocannon counts non-2xx answers itself; these are the 200s that carry errors.
        if (status === 200) counts.graphqlErrors += 1;
        const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? `HTTP ${status}`;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      },
    };

    if (WARMUP_SECONDS > 0) {
      process.stdout.write(`Warming up for ${WARMUP_SECONDS} s …\n`);
      await autocannon({ url: server.url, connections: CONNECTIONS, duration: WARMUP_SECONDS, requests: [request] });
      counts.reads = 0;
      counts.writes = 0;
      counts.graphqlErrors = 0;
      codes.clear();
    }
    const samples: number[] = [rssMb(server.pid)];
    const sampler = setInterval(() => samples.push(rssMb(server.pid)), 1_000);
    process.stdout.write(`Running ${CONNECTIONS} connections for ${SECONDS} s against ${server.url} …\n`);
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [request],
      timeout: 30,
    });
    clearInterval(sampler);
    samples.push(rssMb(server.pid));

    const at = (fraction: number) => samples[Math.round((samples.length - 1) * fraction)] ?? 0;
    const errors = result.errors + result.timeouts + result.non2xx + counts.graphqlErrors;
    const figures = {
      machine: `${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result.requests.total,
      reads: counts.reads,
      writes: counts.writes,
      'requests/s (mean)': Math.round(result.requests.average),
      'latency ms p50 / p90 / p99 / max': `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p99} / ${result.latency.max}`,
      errors: `${errors} (transport ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL ${counts.graphqlErrors})`,
      'error codes': codes.size === 0 ? 'none' : [...codes].map(([code, count]) => `${code} ${count}`).join(', '),
      'server RSS MiB start / 25% / middle / 75% / end': [0, 0.25, 0.5, 0.75, 1].map(at).join(' / '),
      'server RSS MiB min / max': `${Math.min(...samples)} / ${Math.max(...samples)}`,
    };
    for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name.padEnd(42)} ${value}\n`);
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    await server.stop();
    await neo4j?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
