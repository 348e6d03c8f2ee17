import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type GraphQLError, graphql, type GraphQLSchema } from 'graphql';

import type { Context } from './context';
import { ErrorCode, ServiceUnavailableError } from './errors';
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

/** One problem with a report; `field` is its path from the report's root, e.g. `entities[2].region.iso2`. */
export interface ReportProblem {
  readonly field: string | null;
  readonly message: string;
}

/** A report the API refused, with every problem it named. */
export class ReportRejectedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ReportProblem[],
  ) {
    super(
      `${file}: ${problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message)).join('; ')}`,
    );
    this.name = 'ReportRejectedError';
  }
}

// graphql-js reports a value that does not fit the input types in prose, with the path in it.
const COERCION = /^Variable "\$report" got invalid value [\s\S]*?(?: at "report([^"]*)")?; ([^;]*)$/;
const MISSING_FIELD = /^Field "(\w+)" of required type "([^"]+)" was not provided\.$/;
const UNKNOWN_FIELD = /^Field "(\w+)" is not defined by type "(\w+)"\.(.*)$/;

function joinPath(parent: string, field: string): string {
  return parent === '' ? field : `${parent}.${field}`;
}

/** Errors that are the report's fault: invalid values, unknown references, conflicts. */
function isInputError(error: GraphQLError): boolean {
  const code = error.extensions.code;
  if (code === undefined) return COERCION.test(error.message);
  return code === ErrorCode.BadUserInput || code === ErrorCode.NotFound || code === ErrorCode.Conflict;
}

/** The problems of a refused report, each with its field path relative to the report. */
export function reportProblems(errors: readonly GraphQLError[]): ReportProblem[] {
  return errors.flatMap((error): ReportProblem[] => {
    const problems = error.extensions.problems;
    if (Array.isArray(problems)) {
      return (problems as { field: string; message: string }[]).map((problem) => ({
        field: problem.field.replace(/^report\.?/, '') || null,
        message: problem.message,
      }));
    }
    const coercion = COERCION.exec(error.message);
    if (!coercion) return [{ field: null, message: error.message }];
    const at = (coercion[1] ?? '').replace(/^\./, '');
    const detail = coercion[2] ?? '';
    const missing = MISSING_FIELD.exec(detail);
    if (missing) {
      const [, name = '', type = ''] = missing;
      return [{ field: joinPath(at, name), message: `is required (${type})` }];
    }
    const unknown = UNKNOWN_FIELD.exec(detail);
    if (unknown) {
      const [, name = '', type = '', hint = ''] = unknown;
      return [{ field: joinPath(at, name), message: `is not a field of ${type}.${hint}` }];
    }
    return [{ field: at || null, message: detail }];
  });
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
    const unavailable = result.errors.find((error) => error.extensions.code === ErrorCode.ServiceUnavailable);
    if (unavailable) throw new ServiceUnavailableError(unavailable.message);
    const refusal = result.errors.every((error) => isInputError(error));
    if (refusal) throw new ReportRejectedError(file, reportProblems(result.errors));
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
