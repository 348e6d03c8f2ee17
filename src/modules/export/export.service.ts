import type { Writable } from 'node:stream';

import { BadUserInputError, type FieldProblem } from '../../errors';
import { isoRange, parsePartialDate, toIsoEnd, toIsoStart } from '../../graphql/partial-date';
import { exportedProperties, toColumns } from './export.columns';
import { csvNodesFormat, csvRelationshipsFormat } from './export.csv';
import { graphmlFormat } from './export.graphml';
import { jsonFormat } from './export.json';
import { type ExportFilter, type ExportFormat, isWholeGraph, NO_FILTER } from './export.model';
import type { ExportRepository, Scope } from './export.repository';

/** The formats by the name the HTTP routes and the CLI use. */
export const EXPORT_FORMATS = {
  graphml: graphmlFormat,
  json: jsonFormat,
  'csv-nodes': csvNodesFormat,
  'csv-relationships': csvRelationshipsFormat,
} as const satisfies Record<string, () => ExportFormat>;
export type ExportFormatName = keyof typeof EXPORT_FORMATS;

/** A filter as a user typed it (query string, command-line options). */
export interface ExportFilterInput {
  readonly region?: string | undefined;
  readonly sector?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ExportCounts {
  readonly nodes: number;
  readonly relationships: number;
}

/** Called after each page: work done and total, in pages' worth of rows. */
export type ExportProgress = (done: number, total: number) => void;

const PAGE_SIZE = 1000;

/** The export went to a destination that went away (e.g. the client disconnected). */
export class ExportAbortedError extends Error {
  constructor() {
    super('The export was aborted: its destination closed');
    this.name = 'ExportAbortedError';
  }
}

/** Appends text, waiting while the destination's buffer is full so memory stays bounded. */
async function append(out: Writable, text: string): Promise<void> {
  if (text === '') return;
  if (out.destroyed || out.writableEnded) throw new ExportAbortedError();
  if (out.write(text)) return;
  await new Promise<void>((resolveDrain, rejectDrain) => {
    const onDrain = (): void => {
      out.off('close', onClose);
      resolveDrain();
    };
    const onClose = (): void => {
      out.off('drain', onDrain);
      rejectDrain(new ExportAbortedError());
    };
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

/** Exports the whole graph or a filtered subgraph, page by page, in any of the formats. */
export class ExportService {
  constructor(
    private readonly repository: ExportRepository,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  /** Checks a typed-in filter: known region and sector, partial dates, `from` not after `to`. */
  async filter(input: ExportFilterInput): Promise<ExportFilter> {
    const problems: FieldProblem[] = [];
    const text = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);
    const region = text(input.region);
    const sector = text(input.sector);
    const from = text(input.from);
    const to = text(input.to);
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== null && !parsePartialDate(value)) {
        problems.push({ field, message: `must be a date as "2022", "2022-03" or "2022-03-28", not "${value}"` });
      }
    }
    if (problems.length === 0 && from !== null && to !== null && toIsoStart(from) > toIsoEnd(to)) {
      problems.push({ field: 'to', message: `"${to}" is before from "${from}"` });
    }
    if (region !== null && !(await this.repository.regionExists(region))) {
      problems.push({ field: 'region', message: `no region has the id "${region}"` });
    }
    if (sector !== null && !(await this.repository.sectorExists(sector))) {
      problems.push({ field: 'sector', message: `no sector has the id "${sector}"` });
    }
    if (problems.length > 0) {
      throw new BadUserInputError(
        problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
        problems,
      );
    }
    return { ...NO_FILTER, region, sector, ...isoRange(from, to) };
  }

  /** Writes one export to `out` (left open: the caller ends it). */
  async write(
    format: ExportFormat,
    filter: ExportFilter,
    out: Writable,
    onProgress?: ExportProgress,
  ): Promise<ExportCounts> {
    const ids: Scope = isWholeGraph(filter) ? null : await this.repository.subgraphIds(filter);
    const nodeCount = ids === null ? await this.repository.count(null) : ids.length;
    const total = (format.needs.nodes ? nodeCount : 0) + (format.needs.relationships ? nodeCount : 0);
    let done = 0;
    const advance = (rows: number): void => {
      done += rows;
      onProgress?.(done, total);
    };

    const columns = format.needs.columns
      ? {
          node: toColumns(await this.repository.nodeKeys(ids), ['id', 'name']),
          relationship: toColumns(await this.repository.relationshipKeys(ids), []),
        }
      : { node: [], relationship: [] };
    await append(out, format.start(columns));

    let nodes = 0;
    if (format.needs.nodes) {
      for (let after = ''; ;) {
        const page = await this.repository.nodes(ids, after, this.pageSize);
        const text = page.map((row) =>
          format.node({
            id: row.id,
            // `Entity` first, then the type label, so files read the same whatever Neo4j's order.
            labels: [...row.labels].sort((a, b) => (a === 'Entity' ? -1 : b === 'Entity' ? 1 : a.localeCompare(b))),
            properties: exportedProperties(row.properties),
          }),
        );
        await append(out, text.join(''));
        nodes += page.length;
        advance(page.length);
        const last = page.at(-1);
        if (!last || page.length < this.pageSize) break;
        after = last.id;
      }
    }

    let relationships = 0;
    if (format.needs.relationships) {
      for (let after = ''; ;) {
        const page = await this.repository.relationships(ids, after, this.pageSize);
        const text = page.flatMap((row) =>
          row.relationships.map((relationship) =>
            format.relationship({
              type: relationship.type,
              start: row.start,
              end: relationship.end,
              properties: exportedProperties(relationship.properties),
            }),
          ),
        );
        await append(out, text.join(''));
        relationships += text.length;
        advance(page.length);
        const last = page.at(-1);
        if (!last || page.length < this.pageSize) break;
        after = last.start;
      }
    }

    await append(out, format.end());
    return { nodes, relationships };
  }
}
