import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { graphql, type GraphQLSchema } from 'graphql';

import type { Context } from './context';
import { Role } from './modules/auth/auth.roles';

export const SEED_DIR = resolve(__dirname, '..', 'seed');

const INGEST = /* GraphQL */ `
  mutation Seed($report: ReportInput!) {
    ingestReport(report: $report) {
      sourceId
      tiesCreated
      entities {
        created
      }
    }
  }
`;

export interface IngestSummary {
  readonly file: string;
  readonly sourceId: string;
  readonly entitiesCreated: number;
  readonly tiesCreated: number;
}

/** The identity system jobs (seeding, the CLI) act as. */
export const SYSTEM_USER = { id: 'system', roles: [Role.Admin] } as const;

/**
 * Ingests one report through the GraphQL schema, so files get exactly the defaults, validation
 * and transaction of the `ingestReport` mutation.
 */
export async function ingestReportJson(
  schema: GraphQLSchema,
  context: Context,
  report: unknown,
  file: string,
): Promise<IngestSummary> {
  const result = await graphql({ schema, source: INGEST, variableValues: { report }, contextValue: context });
  if (result.errors?.length) {
    throw new Error(`${file}: ${result.errors.map((error) => error.message).join('; ')}`);
  }
  const outcome = (
    result.data as { ingestReport: { sourceId: string; tiesCreated: number; entities: { created: boolean }[] } }
  ).ingestReport;
  return {
    file,
    sourceId: outcome.sourceId,
    entitiesCreated: outcome.entities.filter((entity) => entity.created).length,
    tiesCreated: outcome.tiesCreated,
  };
}

/** Loads every seed report in file-name order. Idempotent: a second run creates nothing. */
export async function loadSeed(
  schema: GraphQLSchema,
  makeContext: () => Context,
  dir = SEED_DIR,
): Promise<IngestSummary[]> {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const summaries: IngestSummary[] = [];
  for (const file of files) {
    const report: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    summaries.push(await ingestReportJson(schema, makeContext(), report, file));
  }
  return summaries;
}
