/**
 * PROFILE evidence for the benchmark: runs each benchmark query's ties-graph request in-process
 * against the cached benchmark graph, with every statement the API sends prefixed by PROFILE, and
 * prints each statement's plan (operators, rows, database hits) and timings.
 *
 *   npm run bench:profile -- [--quick] [--only Q1,Q3a] [--scale N] [--seed N]
 *
 * Uses the graph `npm run bench` cached in .bench/ (generating it when missing).
 */
import 'reflect-metadata';

import { graphql, type GraphQLSchema } from 'graphql';
import type { Driver, ProfiledPlan } from 'neo4j-driver';

import { type Config, loadConfig } from '../src/config';
import { createContext } from '../src/context';
import { createSchema } from '../src/schema/schema';
import { createLogger } from '../src/logger';
import { interceptingDriver } from '../test/support/intercepting-driver';
import { openBenchDatabase } from './database';
import { chooseParameters } from './parameters';
import { nextCursor, q1, q2, q3, q3Requests, q4, q5, q6 } from './queries';

export interface ProfiledStatement {
  readonly name: string;
  readonly cypher: string;
  readonly rows: number;
  readonly dbHits: number;
  readonly milliseconds: number;
  readonly plan: string;
}

function totalHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalHits(child), 0);
}

/** The plan as an indented operator tree with rows and database hits. */
export function renderPlan(plan: ProfiledPlan, depth = 0): string {
  const details = typeof plan.arguments.Details === 'string' ? ` ${plan.arguments.Details.replace(/\s+/g, ' ')}` : '';
  const line = `${'  '.repeat(depth)}${plan.operatorType.replace(/@neo4j$/, '')}${details.slice(0, 160)} (rows ${plan.rows}, hits ${plan.dbHits})`;
  return [line, ...plan.children.map((child) => renderPlan(child, depth + 1))].join('\n');
}

/**
 * A driver whose reads (auto-commit or in a transaction) PROFILE every statement and record the
 * plan; answers are unchanged, so the API under test runs exactly as it does when served.
 */
export function profilingDriver(driver: Driver, record: (statement: ProfiledStatement) => void): Driver {
  return interceptingDriver(driver, async ({ cypher, name }, run) => {
    const started = performance.now();
    const result = await run(`PROFILE ${cypher}`);
    const plan = result.summary.profile;
    if (plan) {
      record({
        name,
        cypher,
        rows: result.records.length,
        dbHits: totalHits(plan),
        milliseconds: performance.now() - started,
        plan: renderPlan(plan),
      });
    }
    return result;
  });
}

type RequestBody = { query: string; variables: Record<string, unknown> };

/**
 * Runs one GraphQL request in-process against `driver` with every statement PROFILEd: once to
 * compile the plans, then again; returns the statements of the second run.
 */
export async function profileRequest(
  schema: GraphQLSchema,
  config: Config,
  driver: Driver,
  body: RequestBody,
): Promise<ProfiledStatement[]> {
  const statements: ProfiledStatement[] = [];
  const deps = { config, driver: profilingDriver(driver, (s) => statements.push(s)), logger: createLogger(true) };
  for (const pass of [1, 2]) {
    statements.length = 0;
    const result = await graphql({
      schema,
      source: body.query,
      variableValues: body.variables,
      contextValue: createContext(deps),
    });
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
    if (pass === 2) return statements;
  }
  return statements;
}

/** The statements of one request as markdown: names, rows, database hits, then each plan. */
export function renderStatements(statements: readonly ProfiledStatement[]): string {
  return statements
    .map(
      (statement) =>
        `\n**${statement.name}**: ${statement.rows} rows, ${statement.dbHits} db hits, ${statement.milliseconds.toFixed(1)} ms\n\n` +
        `\`\`\`\n${statement.plan}\n\`\`\`\n`,
    )
    .join('');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const option = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const scale = Number(option('--scale') ?? (quick ? 0.05 : 1));
  const seed = Number(option('--seed') ?? 42);
  const only = option('--only')?.split(',') ?? null;
  const log = (line: string): void => {
    process.stderr.write(`[profile] ${line}\n`);
  };
  const database = await openBenchDatabase({
    scale,
    seed,
    heapMb: Number(process.env.NEO4J_HEAP_MB ?? (quick ? 1024 : 4096)),
    pageCacheMb: Number(process.env.NEO4J_PAGECACHE_MB ?? (quick ? 512 : 4096)),
    regenerate: false,
    batchRows: 10_000,
    sampleRows: quick ? 500 : 2000,
    log,
  });
  try {
    const parameters = await chooseParameters(database.driver, scale);
    const schema = await createSchema();
    const config = loadConfig({ NEO4J_URI: database.uri, NEO4J_PASSWORD: database.password, NODE_ENV: 'production' });
    const ask = async (body: RequestBody) => {
      const result = await graphql({
        schema,
        source: body.query,
        variableValues: body.variables,
        contextValue: createContext({ config, driver: database.driver, logger: createLogger(true) }),
      });
      if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
      return result;
    };
    // The 50th page's cursor, walked as a client would.
    let after: unknown = null;
    for (let page = 1; page < 50; page += 1) {
      const request = q3Requests(page, { 'ties-graph': after, floor: null })['ties-graph'];
      after = nextCursor['ties-graph'](await ask(request.body as RequestBody));
    }
    const queries = [
      q1(parameters.documents.slice(0, 1)),
      q2(
        parameters.regions.slice(0, 1).map((region) => region.id),
        20,
      ),
      q3('Q3a', 'first page', 1, q3Requests(1, null)),
      q3('Q3b', '50th page', 50, q3Requests(50, { 'ties-graph': after, floor: null })),
      q4(parameters.regionPairs.slice(0, 1).map((pair) => [pair.a, pair.b] as const)),
      q5(parameters.officialPairs.slice(0, 1).map((pair) => [pair.from, pair.to] as const)),
      q6(parameters.searches.slice(0, 1)),
    ].filter((query) => only === null || only.includes(query.id));
    for (const query of queries) {
      const request = query.cases[0]?.requests['ties-graph'];
      if (!request) continue;
      const statements = await profileRequest(schema, config, database.driver, request.body as RequestBody);
      process.stdout.write(
        `\n## ${query.id} ${query.title} (${query.cases[0]?.label ?? ''}): ${statements.length} statements\n` +
          renderStatements(statements),
      );
    }
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
