/**
 * Times `duplicateCandidates` on the benchmark's generated graph (bench/dataset.ts; scale 1 is
 * 20,000 officials, 5,000 forums, 500 sources, 200 regions): for each type that resolves by name,
 * the entities read, blocks, pairs compared, candidates at the default threshold and the time of
 * the whole search (read, block, score, surroundings), the median of three runs.
 *
 *   npm run bench:duplicates                 scale 1 (loads the graph on first use, ~2 minutes)
 *   npm run bench:duplicates -- --scale 0.05
 *
 * Not part of `npm test`: times are for docs/decisions/entity-resolution.md, never asserted.
 */
import 'reflect-metadata';

import { performance } from 'node:perf_hooks';

import { Executor } from '../src/db/executor';
import { ENTITY_TYPES } from '../src/modules/entity/entity.model';
import { resolvesByName } from '../src/modules/entity/entity.specs';
import { DuplicatesRepository } from '../src/modules/resolution/duplicates.repository';
import { DEFAULT_MIN_SCORE, DuplicatesService } from '../src/modules/resolution/duplicates.service';
import { DATABASE, openBenchDatabase } from './database';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number`);
  return value;
}

async function main(): Promise<void> {
  const scale = option('--scale', 1);
  const database = await openBenchDatabase({
    scale,
    seed: option('--seed', 42),
    heapMb: Number(process.env.NEO4J_HEAP_MB ?? 2048),
    pageCacheMb: Number(process.env.NEO4J_PAGECACHE_MB ?? 2048),
    regenerate: false,
    batchRows: 10_000,
    sampleRows: 200,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    const service = new DuplicatesService(
      new DuplicatesRepository(new Executor(database.driver, { database: DATABASE, txTimeoutMs: 600_000 })),
    );
    process.stdout.write(
      `scale ${scale}: ${database.dataset.nodes} nodes, ${database.dataset.relationships} relationships\n` +
        '| type | entities | blocks | oversized | pairs compared | candidates ≥ 0.8 | capped | median time |\n' +
        '| ---- | -------: | -----: | --------: | -------------: | ---------------: | ------ | ----------: |\n',
    );
    for (const type of ENTITY_TYPES.filter(resolvesByName)) {
      const times: number[] = [];
      let last: Awaited<ReturnType<DuplicatesService['search']>> | undefined;
      for (let run = 0; run < 3; run += 1) {
        const started = performance.now();
        last = await service.search(type, DEFAULT_MIN_SCORE);
        times.push(performance.now() - started);
      }
      const median = [...times].sort((a, b) => a - b)[1] ?? 0;
      const work = last?.work;
      process.stdout.write(
        `| ${type} | ${work?.entities} | ${work?.blocks} | ${work?.oversizedBlocks} | ${work?.comparisons} | ` +
          `${last?.candidates.length} | ${work?.capped ? 'yes' : 'no'} | ${(median / 1000).toFixed(2)} s |\n`,
      );
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
