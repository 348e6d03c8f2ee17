import { type GraphQLError, graphql, type GraphQLSchema } from 'graphql';

import type { Context } from '../request/request.context';
import { ErrorCode, ServiceUnavailableError } from '../../errors';

/**
 * The one way files reach the graph (the seed, `ties-graph ingest`, the importer): a report sent
 * through the `ingestReport` mutation of the schema, so a file gets exactly the defaults,
 * validation, resolution, change record and transaction of an API call.
 */
const INGEST = /* GraphQL */ `
  mutation Ingest($report: ReportInput!) {
    ingestReport(report: $report) {
      sourceId
      tiesCreated
      tiesMatched
      entities {
        ref
        id
        created
      }
    }
  }
`;

export interface ReportReply {
  readonly sourceId: string;
  readonly entities: readonly { ref: string; id: string; created: boolean }[];
  readonly tiesCreated: number;
  readonly tiesMatched: number;
}

/** One problem with a report; `field` is its path from the report's root, e.g. `entities[2].region.iso2`. */
export interface ReportProblem {
  readonly field: string | null;
  readonly message: string;
}

function formatProblems(problems: readonly ReportProblem[]): string {
  return problems
    .map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message))
    .join('; ');
}

/** A report the API refused because of what it says (nothing of it was written), with every problem named. */
export class ReportRefused extends Error {
  constructor(
    readonly code: string,
    readonly problems: readonly ReportProblem[],
    /** The file or batch the report came from, named first in the message. */
    readonly origin?: string,
  ) {
    super(origin === undefined ? formatProblems(problems) : `${origin}: ${formatProblems(problems)}`);
    this.name = 'ReportRefused';
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

/**
 * Sends one report. Throws `ReportRefused` when the report is at fault, `ServiceUnavailableError`
 * when Neo4j cannot be reached (retrying would only wait on it again), and an Error for anything
 * else.
 */
export async function sendReport(
  schema: GraphQLSchema,
  context: Context,
  report: unknown,
  origin?: string,
): Promise<ReportReply> {
  const result = await graphql({ schema, source: INGEST, variableValues: { report }, contextValue: context });
  if (result.errors?.length) {
    const unavailable = result.errors.find((error) => error.extensions.code === ErrorCode.ServiceUnavailable);
    if (unavailable) throw new ServiceUnavailableError(unavailable.message);
    if (result.errors.every((error) => isInputError(error))) {
      const code = result.errors[0]?.extensions.code;
      throw new ReportRefused(
        typeof code === 'string' ? code : ErrorCode.BadUserInput,
        reportProblems(result.errors),
        origin,
      );
    }
    const messages = result.errors.map((error) => error.message).join('; ');
    throw new Error(origin === undefined ? messages : `${origin}: ${messages}`);
  }
  return (result.data as { ingestReport: ReportReply }).ingestReport;
}
