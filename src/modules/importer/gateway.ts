import { graphql, type GraphQLSchema } from 'graphql';

import type { Context } from '../request/request.context';
import { ErrorCode, ServiceUnavailableError } from '../../errors';
import { SYSTEM_USER } from '../auth/auth.roles';
import { REPORT_FIELDS } from '../entity/entity.specs';
import { type ReportReply, sendReport } from '../write/report.gateway';
import type { ReportInput } from '../write/report.input';

/** A report as the `ingestReport` mutation takes it, in plain JSON. */
export interface ReportJson {
  readonly source: Record<string, unknown>;
  readonly entities: readonly Record<string, unknown>[];
  readonly ties: readonly Record<string, unknown>[];
}

/** Where the importer's reports go: the API's schema, or a dry run that only validates them. */
export interface ImportGateway {
  readonly dryRun: boolean;
  ingest(report: ReportJson): Promise<ReportReply>;
  /** The names of those of `ids` that exist in the graph. */
  names(ids: readonly string[]): Promise<Map<string, string>>;
}

const NAMES_PER_QUERY = 200;

/**
 * Reports go through the `ingestReport` mutation, so an import gets exactly the validation,
 * resolution and transaction of the API: one report, one transaction.
 */
export function graphGateway(schema: GraphQLSchema, makeContext: () => Context): ImportGateway {
  return {
    dryRun: false,
    ingest: (report) => sendReport(schema, makeContext(), report),
    async names(ids) {
      const names = new Map<string, string>();
      for (let start = 0; start < ids.length; start += NAMES_PER_QUERY) {
        const chunk = ids.slice(start, start + NAMES_PER_QUERY);
        // The ids travel as variables; only the generated aliases e0, e1… are written into the query.
        const variables = chunk.map((_, index) => `$i${index}: ID!`).join(', ');
        const fields = chunk.map((_, index) => `e${index}: entity(id: $i${index}) { id name }`).join('\n');
        const result = await graphql({
          schema,
          source: `query Names(${variables}) {\n${fields}\n}`,
          variableValues: Object.fromEntries(chunk.map((id, index) => [`i${index}`, id])),
          contextValue: makeContext(),
        });
        const [error] = result.errors ?? [];
        if (error?.extensions.code === ErrorCode.ServiceUnavailable) throw new ServiceUnavailableError(error.message);
        if (error) throw new Error(result.errors?.map((each) => each.message).join('; '));
        for (const found of Object.values(result.data ?? {}) as ({ id: string; name: string } | null)[]) {
          if (found) names.set(found.id, found.name);
        }
      }
      return names;
    },
  };
}

/**
 * A dry run sends each report through the same mutation and its input validation, but the
 * ingest service is replaced by one that writes nothing, so no database is needed.
 */
export function dryRunGateway(schema: GraphQLSchema): ImportGateway {
  const ingest = {
    ingestReport: (report: ReportInput): ReportReply => ({
      sourceId: report.source.id ?? '(new source)',
      entities: report.entities.map((entity) => ({
        ref: entity.ref,
        id: REPORT_FIELDS.map(({ field }) => entity[field]?.id).find((id) => id) ?? `(new ${entity.ref})`,
        created: false,
      })),
      tiesCreated: 0,
      tiesMatched: 0,
    }),
  };
  // The report resolver reads only `user` (for @Authorized) and `services.write` from its context.
  const context = { user: SYSTEM_USER, services: { write: ingest } } as unknown as Context;
  return {
    dryRun: true,
    ingest: (report) => sendReport(schema, context, report),
    names: () => Promise.resolve(new Map()),
  };
}
