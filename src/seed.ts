import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { GraphQLSchema } from 'graphql';

import type { Context } from './modules/request/request.context';
import { sendReport } from './modules/write/report.gateway';

export const SEED_DIR = resolve(__dirname, '..', 'seed');

export interface IngestSummary {
  readonly file: string;
  readonly sourceId: string;
  readonly entitiesCreated: number;
  readonly tiesCreated: number;
}

/** Ingests one report file's content; refusals name the file (`ReportRefused.origin`). */
export async function ingestReportJson(
  schema: GraphQLSchema,
  context: Context,
  report: unknown,
  file: string,
): Promise<IngestSummary> {
  const outcome = await sendReport(schema, context, report, file);
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
