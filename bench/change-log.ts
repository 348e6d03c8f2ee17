/**
 * What the change log costs the batched load (issue 13: "the batched load within 20%").
 *
 *   npm run bench:change-log              # scale 0.05: about 52,000 rows per load
 *   BENCH_SCALE=0.2 npm run bench:change-log
 *
 * The generated graph of `bench/dataset.ts` is loaded into an empty database two ways, in
 * alternating rounds in one run against one embedded Neo4j:
 *   - without the log: each batch through the write repository's UNWIND statements in its own
 *     transaction, as `bench/database.ts` loads the benchmark graph;
 *   - with the log: the same batches through `WriteStore`, the write path's one door, where the
 *     recorder reads each batch's facts before, writes them, reads them after and appends one
 *     change per batch in the same transaction (what every API write does).
 * A first, uncounted load warms the JVM and the caches; the counted rounds alternate which way
 * goes first.
 * Prints rows/s of each and their ratio. Not part of `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Driver } from 'neo4j-driver';

import { createDriver } from '../src/db/driver';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { Executor } from '../src/db/executor';
import { migrate } from '../src/db/migrate';
import { WriteRepository } from '../src/modules/write/write.repository';
import { WriteStore } from '../src/modules/write/write.store';
import { type Batch, countRows, generate } from './dataset';

const SCALE = Number(process.env.BENCH_SCALE ?? 0.05);
const SEED = 7;
const BATCH_ROWS = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const DATABASE = 'neo4j';

type Way = 'without the log' | 'with the log';

async function writeBatch(db: Executor, way: Way, batch: Batch): Promise<void> {
  if (way === 'without the log') {
    await db.writeTransaction(`bench.load.${batch.kind}`, async (tx) => {
      const repository = new WriteRepository(tx);
      if (batch.kind === 'entities') await repository.upsertEntities(batch.rows);
      else await repository.upsertTies(batch.rows);
    });
    return;
  }
  await new WriteStore(db, 'system').transaction(`bench.load.${batch.kind}`, async ({ repository, recorder }) => {
    if (batch.kind === 'entities') {
      await recorder.touchEntities(batch.rows.map((row) => row.id));
      await repository.upsertEntities(batch.rows);
    } else {
      await recorder.touchTiePairs(batch.rows.map((row) => ({ type: row.type, from: row.from, to: row.to })));
      await repository.upsertTies(batch.rows);
    }
  });
}

async function load(db: Executor, way: Way): Promise<number> {
  const started = performance.now();
  const batches = generate(SCALE, SEED, BATCH_ROWS);
  let next = batches.next();
  while (!next.done) {
    const writing = writeBatch(db, way, next.value);
    next = batches.next();
    await writing;
  }
  return (performance.now() - started) / 1000;
}

async function wipe(driver: Driver): Promise<void> {
  const session = driver.session({ database: DATABASE });
  try {
    await session.run(
      'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
    );
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ties-graph-change-log-bench-'));
  const password = 'change-log-bench-password';
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 17_000 + Math.floor(Math.random() * 10_000),
    password,
    heapMb: 2048,
    pageCacheMb: 512,
    startTimeoutMs: 300_000,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password, connectTimeoutMs: 60_000 });
  try {
    await migrate(driver, DATABASE);
    const db = new Executor(driver, { database: DATABASE, txTimeoutMs: 600_000 });
    const { entities, ties } = countRows(SCALE, SEED);
    const rows = entities + ties;
    process.stdout.write(
      `Scale ${SCALE}: ${rows} rows (${entities} entities, ${ties} ties) per load, ${ROUNDS} round(s)\n`,
    );
    // A first load warms the JVM, the query plans and the page cache; it is not counted, so neither
    // way pays the cold start.
    await wipe(driver);
    const warm = await load(db, 'with the log');
    process.stdout.write(`  warm-up load (not counted): ${warm.toFixed(1)} s\n`);
    const seconds: Record<Way, number[]> = { 'without the log': [], 'with the log': [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // The first way alternates from round to round, so neither always loads a cold database.
      const ways: Way[] = round % 2 === 0 ? ['without the log', 'with the log'] : ['with the log', 'without the log'];
      for (const way of ways) {
        await wipe(driver);
        const took = await load(db, way);
        seconds[way].push(took);
        process.stdout.write(`  round ${round + 1}, ${way}: ${took.toFixed(1)} s, ${Math.round(rows / took)} rows/s\n`);
      }
    }
    const rate = (way: Way) => (rows * seconds[way].length) / seconds[way].reduce((sum, each) => sum + each, 0);
    const without = rate('without the log');
    const withLog = rate('with the log');
    process.stdout.write(
      `\n| load | rows/s |\n| --- | ---: |\n| without the log | ${Math.round(without)} |\n| with the log | ${Math.round(withLog)} |\n` +
        `\nWith the log: ${((withLog / without) * 100).toFixed(0)}% of the rows/s without it ` +
        `(${(((without - withLog) / without) * 100).toFixed(0)}% slower).\n`,
    );
  } finally {
    await driver.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
