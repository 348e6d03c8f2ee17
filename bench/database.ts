import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Presets, SingleBar } from 'cli-progress';
import type { Driver } from 'neo4j-driver';

import { createDriver, waitForNeo4j } from '../src/db/driver';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { migrate } from '../src/db/migrate';
import { type EntityWrite, type TieWrite, WriteRepository } from '../src/modules/write/write.repository';
import { type Batch, countRows, generate, sizesFor } from './dataset';
import { freePort } from '../test/support/free-port';
import { ROOT } from './processes';

export const DATABASE = 'neo4j';
const PASSWORD = 'ties-graph-bench';

export interface LoadFigures {
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly batchRows: number;
  /** The same write path one fact per transaction, on a sample, against batches of that sample. */
  readonly sample: {
    readonly rows: number;
    readonly batchedRowsPerSecond: number;
    readonly perFactRowsPerSecond: number;
  };
  readonly generatedAt: string;
}

export interface DatasetInfo {
  readonly scale: number;
  readonly seed: number;
  readonly fingerprint: string;
  readonly nodes: number;
  readonly relationships: number;
  readonly load: LoadFigures;
}

export interface BenchDatabase {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly driver: Driver;
  /** The Neo4j JVM, whose CPU time the load tests charge to requests. */
  readonly pid: number;
  readonly dataset: DatasetInfo;
  /** Whether this run generated the data (false: it came from the cache). */
  readonly generated: boolean;
  stop(): Promise<void>;
}

/** Changes to the generator invalidate cached databases. */
function generatorFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of ['bench/dataset.ts', 'bench/random.ts']) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

function executor(driver: Driver): Executor {
  // Batches of thousands of MERGEs take seconds; the API's 15 s request timeout does not apply.
  return new Executor(driver, { database: DATABASE, txTimeoutMs: 600_000 });
}

function writeBatch(db: Executor, batch: Batch): Promise<unknown> {
  return db.writeTransaction(`bench.load.${batch.kind}`, async (tx) => {
    const repository = new WriteRepository(tx);
    return batch.kind === 'entities' ? repository.upsertEntities(batch.rows) : repository.upsertTies(batch.rows);
  });
}

/**
 * Loads the generated graph through the ingestion write path (IngestRepository's batched UNWIND
 * statements), one write transaction per batch. The next batch is generated while the previous
 * one is written.
 */
async function load(
  driver: Driver,
  scale: number,
  seed: number,
  batchRows: number,
): Promise<{ rows: number; seconds: number }> {
  const db = executor(driver);
  const total = countRows(scale, seed);
  const rows = total.entities + total.ties;
  const bar = new SingleBar(
    {
      format: 'Loading [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(rows, 0, { speed: 0 });
  const started = performance.now();
  let done = 0;
  const batches = generate(scale, seed, batchRows);
  let next = batches.next();
  while (!next.done) {
    const batch = next.value;
    const writing = writeBatch(db, batch);
    next = batches.next();
    await writing;
    done += batch.rows.length;
    bar.update(done, { speed: Math.round(done / ((performance.now() - started) / 1000)) });
  }
  bar.stop();
  return { rows, seconds: (performance.now() - started) / 1000 };
}

const deleteSampleCypher = `MATCH (d:Document) WHERE d.id STARTS WITH $prefix DETACH DELETE d`;
const SAMPLE_PREFIX = 'doc:per-fact-sample-';

/**
 * A sample of documents with their ties, under ids of their own, written twice: in batches, and
 * one fact per transaction through the same statements. Both copies are deleted again.
 */
async function comparePerFact(
  driver: Driver,
  scale: number,
  seed: number,
  sampleRows: number,
): Promise<LoadFigures['sample']> {
  const db = executor(driver);
  const renamed = (id: string): string => (id.startsWith('doc:') ? `${SAMPLE_PREFIX}${id.slice(4)}` : id);
  const documents: EntityWrite[] = [];
  const ties: TieWrite[] = [];
  // Another seed, so the sample states facts the loaded graph does not hold.
  for (const batch of generate(scale, seed + 1, 1_000)) {
    if (batch.kind === 'entities') {
      if (batch.type === 'Document') documents.push(...batch.rows);
      continue;
    }
    // Ties before the first documents are those of forums; the sample is documents and theirs.
    if (documents.length === 0) continue;
    ties.push(...batch.rows);
    if (documents.length + ties.length >= sampleRows) break;
  }
  // Whole documents only: each with every tie it has, until the sample is full.
  const tiesOf = new Map<string, TieWrite[]>();
  for (const tie of ties) {
    const documentEnd = tie.from.startsWith('doc:') ? tie.from : tie.to;
    tiesOf.set(documentEnd, [...(tiesOf.get(documentEnd) ?? []), tie]);
  }
  const sampleDocuments: EntityWrite[] = [];
  const sampleTies: TieWrite[] = [];
  for (const document of documents) {
    if (sampleDocuments.length + sampleTies.length >= sampleRows) break;
    sampleDocuments.push({ ...document, id: renamed(document.id) });
    for (const tie of tiesOf.get(document.id) ?? []) {
      sampleTies.push({ ...tie, from: renamed(tie.from), to: renamed(tie.to) });
    }
  }
  const rows = sampleDocuments.length + sampleTies.length;
  const cleanUp = async (): Promise<void> => {
    const session = driver.session({ database: DATABASE });
    try {
      await session.executeWrite((tx) => tx.run(deleteSampleCypher, { prefix: SAMPLE_PREFIX }));
    } finally {
      await session.close();
    }
  };

  await cleanUp();
  let started = performance.now();
  await writeBatch(db, { kind: 'entities', type: 'Document', rows: sampleDocuments });
  await writeBatch(db, { kind: 'ties', rows: sampleTies });
  const batchedSeconds = (performance.now() - started) / 1000;
  await cleanUp();

  started = performance.now();
  for (const row of sampleDocuments) await writeBatch(db, { kind: 'entities', type: 'Document', rows: [row] });
  for (const row of sampleTies) await writeBatch(db, { kind: 'ties', rows: [row] });
  const perFactSeconds = (performance.now() - started) / 1000;
  await cleanUp();
  return {
    rows,
    batchedRowsPerSecond: rows / batchedSeconds,
    perFactRowsPerSecond: rows / perFactSeconds,
  };
}

async function countGraph(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const session = driver.session({ database: DATABASE });
  try {
    const nodes = await session.run('MATCH (n) RETURN count(n) AS count');
    const relationships = await session.run('MATCH ()-[r]->() RETURN count(r) AS count');
    return {
      nodes: Number(nodes.records[0]?.get('count') ?? 0),
      relationships: Number(relationships.records[0]?.get('count') ?? 0),
    };
  } finally {
    await session.close();
  }
}

export interface OpenOptions {
  readonly scale: number;
  readonly seed: number;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  readonly regenerate: boolean;
  readonly batchRows: number;
  readonly sampleRows: number;
  readonly log: (line: string) => void;
}

/**
 * The benchmark's own embedded Neo4j, on a free port, with its data under .bench/ keyed by scale
 * and seed. A cached database is reused when the generator has not changed since it was made;
 * otherwise (or with `regenerate`) the graph is generated and loaded afresh.
 */
export async function openBenchDatabase(options: OpenOptions): Promise<BenchDatabase> {
  const dataDir = join(ROOT, '.bench', `neo4j-scale${options.scale}-seed${options.seed}`);
  const markerFile = join(dataDir, 'dataset.json');
  const fingerprint = generatorFingerprint();
  let cached: DatasetInfo | undefined;
  if (!options.regenerate && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as DatasetInfo;
    if (marker.fingerprint === fingerprint) cached = marker;
  }
  if (!cached) rmSync(dataDir, { recursive: true, force: true });

  const embedded: EmbeddedNeo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: await freePort(),
    password: PASSWORD,
    heapMb: options.heapMb,
    pageCacheMb: options.pageCacheMb,
    startTimeoutMs: 300_000,
    log: options.log,
  });
  const driverOptions = { uri: embedded.uri, user: 'neo4j', password: PASSWORD, connectTimeoutMs: 120_000 };
  const driver = createDriver(driverOptions);
  try {
    await waitForNeo4j(driver, driverOptions);
    // Migrations added since the cache was made (new indexes) apply here, before anything is timed.
    const applied = await migrate(driver, DATABASE);
    if (applied.length > 0) options.log(`Applied schema migrations ${applied.join(', ')}`);

    let dataset = cached;
    if (!dataset) {
      const sizes = sizesFor(options.scale);
      options.log(
        `Generating scale ${options.scale} (seed ${options.seed}): ${sizes.regions} regions, ${sizes.officials} officials, ` +
          `${sizes.forums} forums, ${sizes.documents} documents, ${sizes.sectors} sectors, ${sizes.sources} sources`,
      );
      const loaded = await load(driver, options.scale, options.seed, options.batchRows);
      const rowsPerSecond = loaded.rows / loaded.seconds;
      options.log(`Loaded ${loaded.rows} rows in ${loaded.seconds.toFixed(1)} s: ${Math.round(rowsPerSecond)} rows/s`);
      const sample = await comparePerFact(driver, options.scale, options.seed, options.sampleRows);
      options.log(
        `One MERGE per fact (${sample.rows} facts, one transaction each): ${Math.round(sample.perFactRowsPerSecond)} rows/s; ` +
          `the same facts in batches: ${Math.round(sample.batchedRowsPerSecond)} rows/s; the full batched load is ` +
          `${(rowsPerSecond / sample.perFactRowsPerSecond).toFixed(1)}x one MERGE per fact`,
      );
      const counts = await countGraph(driver);
      dataset = {
        scale: options.scale,
        seed: options.seed,
        fingerprint,
        ...counts,
        load: {
          rows: loaded.rows,
          seconds: loaded.seconds,
          rowsPerSecond,
          batchRows: options.batchRows,
          sample,
          generatedAt: new Date().toISOString(),
        },
      };
      writeFileSync(markerFile, `${JSON.stringify(dataset, null, 2)}\n`);
    } else {
      options.log(
        `Using the cached graph in ${dataDir} (${dataset.nodes} nodes, ${dataset.relationships} relationships)`,
      );
    }
    return {
      uri: embedded.uri,
      user: 'neo4j',
      password: PASSWORD,
      driver,
      pid: embedded.pid,
      dataset,
      generated: !cached,
      async stop() {
        await driver.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await driver.close();
    await embedded.stop();
    throw error;
  }
}
