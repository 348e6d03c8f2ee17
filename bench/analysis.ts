import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { GraphQLError } from 'graphql';

import { loadConfig } from '../src/config';
import { Executor } from '../src/db/executor';
import { CentralityMeasure, NetworkKind, type NetworkFilter } from '../src/modules/analysis/analysis.input';
import { PARTY_TIES } from '../src/modules/analysis/analysis.model';
import { AnalysisRepository } from '../src/modules/analysis/analysis.repository';
import { AnalysisService } from '../src/modules/analysis/analysis.service';
import { TIE_TYPES } from '../src/modules/entity/entity.model';
import { DATABASE, openBenchDatabase } from './database';

/**
 * How long the network measures take on the benchmark's generated graph (`npm run bench:analysis
 * -- --scale 1`): each case is read and computed in-process, as the API would, under the default
 * limits, and timed whole; the read alone is timed apart. Times go to docs/analysis.md by hand:
 * nothing here is a test.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
  },
});
const scale = Number(values.scale);
const rounds = Number(values.rounds);

interface Case {
  readonly name: string;
  readonly network: NetworkKind;
  readonly filter: NetworkFilter | null;
  readonly run: 'centrality' | 'communities';
  readonly measure?: CentralityMeasure;
}

function cases(busiestRegion: string, busyYear: string): Case[] {
  const year = { period: { from: busyYear, to: busyYear } };
  const region = { region: busiestRegion };
  const all: Case[] = [];
  for (const [label, network, filter] of [
    ['PARTIES, whole graph', NetworkKind.PARTIES, null],
    ['PARTIES, one year', NetworkKind.PARTIES, year],
    ['TIES, whole graph', NetworkKind.TIES, null],
    [`TIES, one year (${busyYear})`, NetworkKind.TIES, year],
    ['TIES, one year, BINDS and SIGNED_AT', NetworkKind.TIES, { ...year, tieTypes: ['BINDS', 'SIGNED_AT'] }],
    ['TIES, busiest region, one year', NetworkKind.TIES, { ...year, ...region }],
  ] as const) {
    for (const measure of Object.values(CentralityMeasure)) {
      all.push({
        name: `${label}: ${measure}`,
        network,
        filter: filter as NetworkFilter | null,
        run: 'centrality',
        measure,
      });
    }
    all.push({ name: `${label}: communities`, network, filter: filter as NetworkFilter | null, run: 'communities' });
  }
  return all;
}

async function main(): Promise<void> {
  const database = await openBenchDatabase({
    scale,
    seed: Number(values.seed),
    heapMb: Number(process.env.NEO4J_HEAP_MB ?? 2048),
    pageCacheMb: Number(process.env.NEO4J_PAGECACHE_MB ?? 1024),
    regenerate: false,
    batchRows: 10_000,
    sampleRows: 2_000,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    // The default limits, unless ANALYSIS_* variables say otherwise (to time what they refuse).
    const config = loadConfig({ ...process.env, NEO4J_URI: undefined, NEO4J_PASSWORD: undefined });
    const db = new Executor(database.driver, { database: DATABASE, txTimeoutMs: config.neo4j.txTimeoutMs });
    const repository = new AnalysisRepository(db);
    const service = new AnalysisService(repository, config.analysis);
    const session = database.driver.session({ database: DATABASE });
    const busiest = await session.run(
      `MATCH (r:Region)<-[:BINDS]-(d:Document) RETURN r.id AS id, count(d) AS documents ORDER BY documents DESC LIMIT 1`,
    );
    const years = await session.run(
      `MATCH (d:Document) WHERE d.signedOn IS NOT NULL
       RETURN left(d.signedOn, 4) AS year, count(d) AS documents ORDER BY documents DESC LIMIT 1`,
    );
    await session.close();
    const busiestRegion = String(busiest.records[0]?.get('id'));
    const busyYear = String(years.records[0]?.get('year'));
    process.stdout.write(
      `scale ${scale}: ${database.dataset.nodes} nodes, ${database.dataset.relationships} relationships; ` +
        `busiest region ${busiestRegion}, busiest year ${busyYear} (${String(years.records[0]?.get('documents'))} documents)\n`,
    );
    process.stdout.write('| case | network (entities / edges) | read ms | whole ms (median of runs) | answer |\n');
    process.stdout.write('| --- | --- | --- | --- | --- |\n');
    for (const item of cases(busiestRegion, busyYear).filter((item) => item.name.includes(values.only))) {
      const times: number[] = [];
      const reads: number[] = [];
      let size = '';
      let answer = '';
      for (let round = 0; round < rounds; round += 1) {
        let started = performance.now();
        try {
          await repository.network(
            item.network,
            {
              from: item.filter?.period ? `${busyYear}-01-01` : null,
              to: item.filter?.period ? `${busyYear}-12-31` : null,
              region: item.filter?.region ?? null,
              sector: null,
              types: item.filter?.tieTypes ?? (item.network === NetworkKind.PARTIES ? PARTY_TIES : TIE_TYPES),
            },
            config.analysis.maxEdges + 1,
            config.analysis.timeBudgetMs,
          );
          reads.push(performance.now() - started);
        } catch {
          reads.push(Number.NaN);
        }
        started = performance.now();
        try {
          const args = { network: item.network, filter: item.filter, first: 5 };
          if (item.run === 'centrality') {
            const found = await service.centrality({ ...args, measure: item.measure as CentralityMeasure, type: null });
            size = `${found.subgraph.nodeCount} / ${found.subgraph.edgeCount}`;
            answer = `top ${found.scores[0]?.entityId ?? '-'} ${found.scores[0]?.score.toPrecision(3) ?? ''}`;
          } else {
            const found = await service.communities(args);
            size = `${found.subgraph.nodeCount} / ${found.subgraph.edgeCount}`;
            answer = `${found.count} communities, modularity ${found.modularity.toFixed(3)}`;
          }
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          answer = `${String(error.extensions.code)}: ${error.message.split(':')[0] ?? ''}`;
        }
        times.push(performance.now() - started);
      }
      const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)] ?? Number.NaN;
      process.stdout.write(
        `| ${item.name} | ${size || '-'} | ${Math.round(median(reads))} | ${Math.round(median(times))} | ${answer} |\n`,
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
