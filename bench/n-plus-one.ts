/**
 * Three ways to answer the same deep request: field by field through per-request DataLoaders,
 * the API as it ships (the selection planned into one `entity.prefetch` statement, resolvers
 * answering from it), and one hand-written Cypher query
 * (test/support/deep-graph.ts: forums → documents → parties, sectors, signatures → signatories'
 * positions …). Starts its own embedded Neo4j in a throw-away directory, loads a generated graph
 * with one ingestReport, checks that both ways give the same answer, then times them alternately.
 *
 *   npx ts-node --transpile-only bench/n-plus-one.ts [--forums 40] [--documents 400] [--officials 80] [--runs 15]
 *
 * The finding is written up in docs/decisions/loaders-vs-single-query.md.
 */
import 'reflect-metadata';

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { buildSchema, graphql, printSchema } from 'graphql';
import { z } from 'zod';

import { loadConfig } from '../src/config';
import { createContext } from '../src/context';
import { defineQuery } from '../src/db/query';
import { createSchema } from '../src/schema/schema';
import { createLogger } from '../src/logger';
import { SYSTEM_USER } from '../src/modules/auth/auth.roles';
import { openDatabase } from '../src/runtime';
import { DEEP_REQUEST, deepGraphReport } from '../test/support/deep-graph';
import { freePort } from '../test/support/free-port';

/** The GraphQL type of a Region-or-Organization node, for the unions and interfaces in the answer. */
const TYPENAME = (variable: string) => `CASE WHEN ${variable}:Region THEN 'Region' ELSE 'Organization' END`;

/**
 * The data DEEP_REQUEST selects, as one statement: nested COLLECT subqueries build the JSON,
 * with `__typename` where the schema has a union or interface.
 */
const deepQuery = defineQuery(
  'bench.deepForums',
  `MATCH (f:Forum) WHERE f.nameKey CONTAINS $text
   WITH f ORDER BY f.name, f.id LIMIT toInteger($limit)
   RETURN {
     id: f.id,
     name: f.name,
     date: CASE WHEN f.date IS NULL THEN null ELSE {value: CASE f.datePrecision
             WHEN 'YEAR' THEN left(f.date, 4) WHEN 'MONTH' THEN left(f.date, 7) ELSE f.date END} END,
     place: head(COLLECT {
       MATCH (f)-[:HELD_IN]->(r:Region)
       RETURN {id: r.id, name: r.name, parent: head(COLLECT { MATCH (r)-[:PART_OF]->(p:Region) RETURN {id: p.id} })}
     }),
     series: head(COLLECT { MATCH (f)-[:IN_SERIES]->(s:Forum) RETURN {id: s.id, name: s.name} }),
     participants: COLLECT {
       MATCH (f)-[:INVOLVES]->(p:Entity)
       RETURN CASE WHEN p:Organization
         THEN {__typename: 'Organization', id: p.id, name: p.name,
               region: head(COLLECT { MATCH (p)-[:BASED_IN]->(x:Region) RETURN {id: x.id} })}
         ELSE {__typename: 'Region', id: p.id, name: p.name} END
     },
     attendance: COLLECT {
       MATCH (o:Official)-[a:ATTENDED]->(f)
       RETURN {
         role: a.role,
         from: {__typename: 'Official', id: o.id, name: o.name, positions: COLLECT {
           MATCH (o)-[h:HOLDS]->(g:Organization)
           RETURN {title: h.title, to: {__typename: 'Organization', id: g.id, name: g.name,
                   region: head(COLLECT { MATCH (g)-[:BASED_IN]->(x:Region) RETURN {id: x.id} })}}
         }},
         onBehalfOf: head(COLLECT { MATCH (b:Entity {id: a.onBehalfOf}) RETURN {__typename: ${TYPENAME('b')}, id: b.id} })
       }
     },
     figures: COLLECT {
       MATCH (x:Figure)-[:REPORTED_AT]->(f)
       RETURN {
         id: x.id,
         value: x.value,
         statedBy: head(COLLECT { MATCH (x)-[:STATED_BY]->(o:Official) RETURN {id: o.id, name: o.name} }),
         sources: COLLECT { MATCH (x)-[p:STATED_IN]->(s:Source) RETURN {sourceId: s.id, locator: p.locator} }
       }
     },
     documents: COLLECT {
       MATCH (d:Document)-[:SIGNED_AT]->(f)
       RETURN {
         id: d.id,
         name: d.name,
         kind: d.kind,
         value: CASE WHEN d.valueAmount IS NULL THEN null
                ELSE {amount: d.valueAmount, currency: coalesce(d.valueCurrency, 'USD')} END,
         parties: COLLECT { MATCH (d)-[:BINDS]->(p:Entity) RETURN {__typename: ${TYPENAME('p')}, id: p.id, name: p.name} },
         sectors: COLLECT { MATCH (d)-[:COVERS]->(s:Sector) RETURN {id: s.id, name: s.name} },
         partOf: head(COLLECT { MATCH (d)-[:PART_OF]->(g:Document) RETURN {id: g.id} }),
         sources: COLLECT { MATCH (d)-[p:STATED_IN]->(s:Source) RETURN {sourceId: s.id, locator: p.locator} },
         signatures: COLLECT {
           MATCH (o:Official)-[t:SIGNED]->(d)
           RETURN {
             sources: [i IN range(0, size(t.sourceIds) - 1) |
                       {sourceId: t.sourceIds[i], locator: CASE t.locators[i] WHEN '' THEN null ELSE t.locators[i] END}],
             onBehalfOf: head(COLLECT { MATCH (b:Entity {id: t.onBehalfOf}) RETURN {__typename: ${TYPENAME('b')}, id: b.id} }),
             from: {__typename: 'Official', id: o.id, name: o.name, positions: COLLECT {
               MATCH (o)-[h:HOLDS]->(g:Organization)
               RETURN {title: h.title, to: {__typename: 'Organization', id: g.id, name: g.name}}
             }}
           }
         },
         signatories: COLLECT {
           MATCH (o:Official)-[:SIGNED]->(d)
           RETURN {id: o.id, name: o.name, signedDocuments: COLLECT { MATCH (o)-[:SIGNED]->(x:Document) RETURN {id: x.id} }}
         }
       }
     }
   } AS forum`,
  // The bench compares the JSON whole against the GraphQL answer; no field-level schema needed.
  z.object({ forum: z.unknown() }),
);

const totalQuery = defineQuery(
  'bench.deepForumsTotal',
  `RETURN COUNT { MATCH (f:Forum) WHERE f.nameKey CONTAINS $text } AS total`,
  z.object({ total: z.number() }),
);

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer`);
  return value;
}

/** Lists in any order, so the two answers compare equal when they hold the same things. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const size = {
    forums: option('forums', 40),
    documents: option('documents', 400),
    officials: option('officials', 80),
  };
  const runs = option('runs', 15);

  // Always a throw-away embedded Neo4j: the bench empties nothing of anyone's.
  const dataDir = mkdtempSync(join(tmpdir(), 'ties-graph-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(await freePort()),
    // Loading the graph in one report takes a cold JVM longer than a request may.
    NEO4J_TX_TIMEOUT_MS: '300000',
  };
  delete env.NEO4J_URI;
  delete env.NEO4J_PASSWORD;
  const config = loadConfig(env);
  const logger = createLogger(true);
  process.stderr.write(`Starting Neo4j in ${dataDir} …\n`);
  const database = await openDatabase(config, logger);
  try {
    const schema = await createSchema();
    // The same types without resolvers: graphql-js reads each field off the prefetched JSON, so the
    // single query pays for executing and checking the request as a real implementation would.
    const prefetched = buildSchema(printSchema(schema));
    const deps = { config, driver: database.driver, logger };

    const loaded = await graphql({
      schema,
      source: `mutation ($report: ReportInput!) { ingestReport(report: $report) { tiesCreated } }`,
      variableValues: { report: deepGraphReport('Bench', size) },
      contextValue: createContext(deps, SYSTEM_USER),
    });
    if (loaded.errors) throw new Error(loaded.errors.map((error) => error.message).join('; '));

    const viaApi = async (prefetch: boolean) => {
      const context = createContext(deps, null, { prefetch });
      const result = await graphql({
        schema,
        source: DEEP_REQUEST,
        variableValues: { text: 'bench' },
        contextValue: context,
      });
      if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
      return { data: result.data, queries: context.db.queryCount };
    };
    const viaOneQuery = async () => {
      const context = createContext(deps, null);
      const [rows, total] = await Promise.all([
        context.db.read(deepQuery, { text: 'bench', limit: 100 }),
        context.db.readOne(totalQuery, { text: 'bench' }),
      ]);
      const result = await graphql({
        schema: prefetched,
        source: DEEP_REQUEST,
        variableValues: { text: 'bench' },
        rootValue: { forums: { totalCount: total?.total ?? 0, nodes: rows.map((row) => row.forum) } },
      });
      if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
      return { data: result.data, queries: context.db.queryCount };
    };

    const viaLoaders = () => viaApi(false);
    const viaPrefetch = () => viaApi(true);
    const a = await viaLoaders();
    const b = await viaOneQuery();
    const c = await viaPrefetch();
    if (JSON.stringify(canonical(a.data)) !== JSON.stringify(canonical(b.data))) {
      throw new Error('The single query does not give the same answer as the GraphQL request');
    }
    if (JSON.stringify(a.data) !== JSON.stringify(c.data)) {
      throw new Error('The request gives another answer with the prefetch than field by field');
    }

    // Wall time, and this process's CPU time: the second holds up on a machine others load too.
    const timings = {
      loaders: { ms: [] as number[], cpu: [] as number[] },
      oneQuery: { ms: [] as number[], cpu: [] as number[] },
      prefetch: { ms: [] as number[], cpu: [] as number[] },
    };
    const time = async (work: () => Promise<unknown>, into: { ms: number[]; cpu: number[] }) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await work();
      const used = process.cpuUsage(cpu);
      into.ms.push(performance.now() - started);
      into.cpu.push((used.user + used.system) / 1000);
    };
    for (let warmUp = 0; warmUp < 3; warmUp += 1) {
      await viaLoaders();
      await viaOneQuery();
      await viaPrefetch();
    }
    // Alternating keeps drift (JIT, page cache, other load on the machine) from favouring one.
    for (let run = 0; run < runs; run += 1) {
      await time(viaLoaders, timings.loaders);
      await time(viaOneQuery, timings.oneQuery);
      await time(viaPrefetch, timings.prefetch);
    }

    const documents = (a.data as { forums: { nodes: { documents: unknown[] }[] } }).forums.nodes.flatMap(
      (forum) => forum.documents,
    ).length;
    const loaders = median(timings.loaders.ms);
    const oneQuery = median(timings.oneQuery.ms);
    const loadersCpu = median(timings.loaders.cpu);
    const oneQueryCpu = median(timings.oneQuery.cpu);
    const prefetch = median(timings.prefetch.ms);
    const prefetchCpu = median(timings.prefetch.cpu);
    process.stdout.write(
      `${JSON.stringify(
        {
          graph: size,
          answer: { forums: (a.data as { forums: { nodes: unknown[] } }).forums.nodes.length, documents },
          runs,
          dataLoaders: {
            queries: a.queries,
            medianMs: Number(loaders.toFixed(1)),
            medianNodeCpuMs: Number(loadersCpu.toFixed(1)),
          },
          singleQuery: {
            queries: b.queries,
            medianMs: Number(oneQuery.toFixed(1)),
            medianNodeCpuMs: Number(oneQueryCpu.toFixed(1)),
          },
          prefetch: {
            queries: c.queries,
            medianMs: Number(prefetch.toFixed(1)),
            medianNodeCpuMs: Number(prefetchCpu.toFixed(1)),
          },
          ratio: Number((loaders / oneQuery).toFixed(2)),
          nodeCpuRatio: Number((loadersCpu / oneQueryCpu).toFixed(2)),
          loadersOverPrefetch: Number((loaders / prefetch).toFixed(2)),
          prefetchOverOneQuery: Number((prefetch / oneQuery).toFixed(2)),
          loadAverage: loadavg().map((value) => Number(value.toFixed(1))),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
