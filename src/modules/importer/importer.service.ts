import { basename } from 'node:path';

import type { GraphQLSchema } from 'graphql';

import { BadUserInputError, ServiceUnavailableError } from '../../errors';
import { matchKey } from '../entity/entity.model';
import { ENTITY_SPECS } from '../entity/entity.specs';
import { CodeLists } from './code-lists';
import { type CsvStream, openCsv } from './csv';
import { ReportRefused, type ReportReply } from '../write/report.gateway';
import { type ImportGateway, type ReportJson } from './gateway';
import type { Mapping } from './mapping.schema';
import { checkColumns, checkFields } from './mapping-check';
import { type PlannedEnd, type PlannedTie, planRow, type RowPlan } from './row-plan';
import { RowProblem } from './values';

export interface Rejection {
  /** 1-based data row (the header is not counted) and the file line it ends on. */
  readonly row: number;
  readonly line: number;
  /** A whole row was left out, or one tie of a row whose entities were imported. */
  readonly what: 'row' | 'tie';
  readonly reason: string;
}

/**
 * A row stating a document or figure whose id an earlier row stated too. Documents and figures
 * are the facts a row reports (never matched by name), so two rows with one id are one fact
 * reported twice, or two facts given one id by mistake: the later row still lands, adding to
 * the first, and the summary says so. Regions, bodies, officials and sectors are meant to recur.
 */
export interface RepeatedId {
  readonly row: number;
  readonly line: number;
  readonly id: string;
  /** The first row that stated it. */
  readonly firstRow: number;
}

export interface ImportSummary {
  readonly dryRun: boolean;
  readonly mappingFile: string;
  readonly csvFile: string;
  readonly source: { id: string | null; name: string; version: string | null; citation: string | null };
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsRejected: number;
  /** Distinct entities this run created, and those it found already in the graph. */
  readonly entitiesCreated: number;
  readonly entitiesMerged: number;
  readonly tiesCreated: number;
  readonly tiesMatched: number;
  readonly tiesRejected: number;
  /** Statements sent: one per entity or tie a row states. */
  readonly entityStatements: number;
  readonly tieStatements: number;
  readonly reports: number;
  /** Reports the API refused, then sent again one row (or tie) at a time. */
  readonly retried: number;
  readonly rejections: readonly Rejection[];
  readonly repeatedIds: readonly RepeatedId[];
}

export interface ImportProgress {
  readonly phase: 'rows' | 'ties';
  /** Rows read, or ties sent, so far. */
  readonly done: number;
  /**
   * How far through, out of `total`: bytes of the CSV read (rows are counted as they are read, so
   * their number is known only at the end), or ties sent.
   */
  readonly at: number;
  readonly total: number;
}

export interface ImportOptions {
  /** Read this CSV instead of the mapping's `csv.path`. */
  readonly csvPath?: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** A tie between ids, from a row, ready to send. */
interface ResolvedTie {
  readonly plan: RowPlan;
  readonly type: PlannedTie['type'];
  readonly from: string;
  readonly to: string;
  readonly onBehalfOf?: string;
  readonly details: PlannedTie['details'];
  readonly identity: string;
}

interface Unit<T> {
  readonly items: T[];
  readonly facts: number;
}

/** Where an import stood when Neo4j went away: what was written, so a re-run can be trusted. */
interface Written {
  /** The last data row whose report was written (rows are written in order), 0 for none. */
  row: number;
  line: number;
  /** The last row of the report in flight: its transaction may or may not have committed. */
  pendingRow: number;
  ties: number;
  tiesTotal: number | undefined;
}

/**
 * Neo4j became unreachable mid-import. Each report is one transaction, so what was written is
 * whole; the message says how far it got. Re-running the import completes it: what is already
 * there is matched, not written twice.
 */
export class ImportInterrupted extends ServiceUnavailableError {
  constructor(csvFile: string, written: Written) {
    const pending =
      written.pendingRow > written.row
        ? `; rows ${written.row + 1}-${written.pendingRow} were being written (a re-run finds out whether they were)`
        : '';
    const rows =
      (written.row === 0
        ? 'no rows were written'
        : `rows 1-${written.row} (up to line ${written.line} of ${csvFile}) were written`) +
      (written.tiesTotal === undefined ? `${pending}; row ${written.pendingRow + 1} onward was not` : '');
    const ties =
      written.tiesTotal === undefined
        ? ''
        : `, and ${written.ties} of the ${written.tiesTotal} ties between rows; the other ties were not`;
    super(
      `Neo4j became unreachable during the import: ${rows}${ties}. ` +
        'Run the same import again once Neo4j is back to complete it: what is already written is matched, not duplicated.',
    );
    this.name = 'ImportInterrupted';
  }
}

/**
 * The documents and figures whose id a later row states again (see `RepeatedId`), found as rows
 * stream by: only each id's first row is kept.
 */
class RepeatedIds {
  private readonly firstRow = new Map<string, number>();
  readonly repeats: RepeatedId[] = [];

  see(plan: RowPlan): void {
    for (const entity of plan.entities) {
      const id = entity.fields.id;
      if ((entity.type !== 'Document' && entity.type !== 'Figure') || typeof id !== 'string') continue;
      const first = this.firstRow.get(id);
      if (first === undefined) this.firstRow.set(id, plan.row);
      else if (first !== plan.row) this.repeats.push({ row: plan.row, line: plan.line, id, firstRow: first });
    }
  }
}

/**
 * Imports a CSV through a mapping. Rows become reports of about `batch.facts` facts, each sent
 * through the `ingestReport` mutation (one transaction). A report the API refuses is retried row
 * by row, so one bad row is rejected with its own reason and the others still land. Ties naming
 * an entity by id go last, once every row's entities exist. An instance runs one import: it
 * keeps that run's counts and the ids its rows resolved to.
 */
export class ImporterService {
  private readonly createdIds = new Set<string>();
  private readonly seenIds = new Set<string>();
  private readonly idByRef = new Map<string, string>();
  /** Names of code-listed entities already in the graph (null: not there before this run). */
  private readonly existingNames = new Map<string, string | null>();
  private readonly rejections: Rejection[] = [];
  private tiesCreated = 0;
  private tiesMatched = 0;
  private entityStatements = 0;
  private tieStatements = 0;
  private reports = 0;
  private retried = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly gateway: ImportGateway,
  ) {}

  private readonly written: Written = { row: 0, line: 0, pendingRow: 0, ties: 0, tiesTotal: undefined };

  async run(mapping: Mapping, options: ImportOptions = {}): Promise<ImportSummary> {
    try {
      return await this.runImport(mapping, options);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError) || this.gateway.dryRun) throw error;
      throw new ImportInterrupted(basename(options.csvPath ?? mapping.csvPath ?? ''), this.written);
    }
  }

  private async runImport(mapping: Mapping, options: ImportOptions): Promise<ImportSummary> {
    const csvPath = options.csvPath ?? mapping.csvPath;
    if (!csvPath) {
      throw BadUserInputError.forField(mapping.locate(['csv', 'path']), 'no CSV: give csv.path or --csv <path>');
    }
    checkFields(mapping, this.schema);
    const csv = await openCsv(csvPath, mapping.csv);
    try {
      checkColumns(mapping, csv.header, basename(csvPath));
    } catch (error) {
      csv.close();
      throw error;
    }

    const progress = (phase: ImportProgress['phase'], done: number, at: number, total: number) =>
      options.onProgress?.({ phase, done, at, total });
    // Rows are read, planned and sent a report at a time; what outlives its report is only what
    // the ties between rows need (the rows with ties naming an entity by id, and their refs).
    let rowsRead = 0;
    const repeated = new RepeatedIds();
    const deferred: { plan: RowPlan; tie: PlannedTie }[] = [];
    const rowTies = (plan: RowPlan) => plan.ties.map((tie) => tie.identity);
    const plans = this.plan(mapping, csv, () => (rowsRead += 1));
    for await (const unit of this.batches(plans, rowTies, mapping.batch.facts, (plan) => this.facts(plan))) {
      const last = unit.items[unit.items.length - 1];
      this.written.pendingRow = last?.row ?? this.written.row;
      await this.applyRows(mapping, unit.items);
      if (last) Object.assign(this.written, { row: last.row, line: last.line });
      for (const plan of unit.items) {
        repeated.see(plan);
        const imported = plan.entities.every((entity) => this.idByRef.has(entity.ref));
        if (imported) deferred.push(...plan.deferred.map((tie) => ({ plan, tie })));
        if (!imported || plan.deferred.length === 0) {
          for (const entity of plan.entities) this.idByRef.delete(entity.ref);
        }
      }
      progress('rows', rowsRead, csv.bytesRead(), csv.size);
    }
    progress('rows', rowsRead, csv.size, csv.size);

    const ties = await this.resolveDeferred(deferred);
    this.written.tiesTotal = ties.length;
    let tiesDone = 0;
    progress('ties', 0, 0, ties.length);
    for await (const unit of this.batches(
      ties,
      (tie) => [tie.identity],
      mapping.batch.facts,
      () => 1,
    )) {
      await this.applyTies(mapping, unit.items);
      tiesDone += unit.items.length;
      this.written.ties = tiesDone;
      progress('ties', tiesDone, tiesDone, ties.length);
    }

    const rowsRejected = new Set(this.rejections.filter((entry) => entry.what === 'row').map((entry) => entry.row));
    return {
      dryRun: this.gateway.dryRun,
      mappingFile: mapping.file,
      csvFile: csvPath,
      source: {
        id: mapping.source.id ?? null,
        name: mapping.source.name,
        version: mapping.source.version ?? null,
        citation: mapping.source.citation ?? null,
      },
      rowsRead,
      rowsImported: rowsRead - rowsRejected.size,
      rowsRejected: rowsRejected.size,
      entitiesCreated: this.createdIds.size,
      entitiesMerged: this.seenIds.size - this.createdIds.size,
      tiesCreated: this.tiesCreated,
      tiesMatched: this.tiesMatched,
      tiesRejected: this.rejections.filter((entry) => entry.what === 'tie').length,
      entityStatements: this.entityStatements,
      tieStatements: this.tieStatements,
      reports: this.reports,
      retried: this.retried,
      rejections: [...this.rejections].sort((a, b) => a.row - b.row),
      repeatedIds: repeated.repeats,
    };
  }

  /** Each record's plan, as the CSV is read; a row that cannot be planned is rejected with its reason. */
  private async *plan(mapping: Mapping, csv: CsvStream, onRecord: () => number): AsyncGenerator<RowPlan> {
    const codeLists = new CodeLists(mapping.codeLists);
    const empty = new Set(mapping.csv.empty);
    for await (const record of csv.records()) {
      const scope = { cells: record.cells, row: onRecord(), line: record.line, empty };
      try {
        yield planRow(mapping, codeLists, scope);
      } catch (error) {
        if (!(error instanceof RowProblem)) throw error;
        this.reject(scope, 'row', error.column ? `column ${error.column}: ${error.message}` : error.message);
      }
    }
  }

  private facts(plan: RowPlan): number {
    return plan.entities.length + plan.ties.length;
  }

  /**
   * Groups items into reports of about `size` facts. A report never states one tie twice: the API
   * would count such a tie as created twice, so a repeat starts the next report.
   */
  private async *batches<T>(
    items: Iterable<T> | AsyncIterable<T>,
    tiesOf: (item: T) => readonly string[],
    size: number,
    factsOf: (item: T) => number,
  ): AsyncGenerator<Unit<T>> {
    let unit: T[] = [];
    let facts = 0;
    let identities = new Set<string>();
    for await (const item of items) {
      const ties = tiesOf(item);
      if (unit.length > 0 && (facts >= size || ties.some((identity) => identities.has(identity)))) {
        yield { items: unit, facts };
        unit = [];
        facts = 0;
        identities = new Set();
      }
      unit.push(item);
      facts += factsOf(item);
      ties.forEach((identity) => identities.add(identity));
    }
    if (unit.length > 0) yield { items: unit, facts };
  }

  private reject(at: { row: number; line: number }, what: Rejection['what'], reason: string): void {
    this.rejections.push({ row: at.row, line: at.line, what, reason });
  }

  /** An entity already in the graph keeps its name; the name a code list gives it becomes an alias. */
  private async nameListedEntities(plans: readonly RowPlan[]): Promise<void> {
    const listed = plans.flatMap((plan) =>
      plan.entities.filter((entity) => entity.listName !== undefined && typeof entity.fields.id === 'string'),
    );
    const unknown = [...new Set(listed.map((entity) => entity.fields.id as string))].filter(
      (id) => !this.existingNames.has(id),
    );
    if (unknown.length > 0) {
      const names = await this.gateway.names(unknown);
      for (const id of unknown) this.existingNames.set(id, names.get(id) ?? null);
    }
    for (const entity of listed) {
      const existing = this.existingNames.get(entity.fields.id as string);
      if (existing && existing !== entity.listName) {
        const aliases = Array.isArray(entity.fields.aliases) ? (entity.fields.aliases as string[]) : [];
        entity.fields.name = existing;
        entity.fields.aliases = [...aliases, entity.listName as string];
      }
    }
  }

  private rowReport(mapping: Mapping, plans: readonly RowPlan[]): ReportJson {
    const end = (value: PlannedEnd) => ('id' in value ? value.id : value.ref);
    return {
      source: mapping.source,
      entities: plans.flatMap((plan) =>
        plan.entities.map((entity) => ({
          ref: entity.ref,
          locator: plan.locator,
          [ENTITY_SPECS[entity.type].reportField]: entity.fields,
        })),
      ),
      ties: plans.flatMap((plan) =>
        plan.ties.map((tie) =>
          withoutUndefined({
            type: tie.type,
            from: end(tie.from),
            to: end(tie.to),
            onBehalfOf: tie.onBehalfOf ? end(tie.onBehalfOf) : undefined,
            locator: plan.locator,
            ...tie.details,
          }),
        ),
      ),
    };
  }

  private record(reply: ReportReply, entityStatements: number, tieStatements: number): void {
    this.reports += 1;
    this.entityStatements += entityStatements;
    this.tieStatements += tieStatements;
    this.tiesCreated += reply.tiesCreated;
    this.tiesMatched += reply.tiesMatched;
    for (const entity of reply.entities) {
      this.idByRef.set(entity.ref, entity.id);
      // A dry run's ids are placeholders, one per row for entities without an id: keeping them
      // would grow with the file, and a dry run reports no created or merged counts anyway.
      if (this.gateway.dryRun) continue;
      this.seenIds.add(entity.id);
      if (entity.created) this.createdIds.add(entity.id);
    }
  }

  private async applyRows(mapping: Mapping, plans: readonly RowPlan[]): Promise<void> {
    await this.nameListedEntities(plans);
    const send = async (group: readonly RowPlan[]) => {
      const report = this.rowReport(mapping, group);
      this.record(await this.gateway.ingest(report), report.entities.length, report.ties.length);
    };
    try {
      await send(plans);
    } catch (error) {
      if (!(error instanceof ReportRefused)) throw error;
      this.retried += 1;
      for (const plan of plans) {
        try {
          await send([plan]);
        } catch (single) {
          if (!(single instanceof ReportRefused)) throw single;
          this.reject(plan, 'row', this.explain(single, plan));
        }
      }
    }
  }

  /** Names refs in the API's message by what the mapping calls them: `entities[2]` → `entity member (Organization)`. */
  private explain(error: ReportRefused, plan: RowPlan): string {
    return error.message
      .replace(/\b(?:report\.)?entities\[(\d+)\]/g, (whole, index: string) => {
        const entity = plan.entities[Number(index)];
        return entity ? `entity ${entity.ref.split('.').slice(1).join('.')} (${entity.type})` : whole;
      })
      .replace(/\b(?:report\.)?ties\[(\d+)\]/g, (whole, index: string) => {
        const tie = plan.ties[Number(index)];
        return tie ? `${tie.type} tie` : whole;
      });
  }

  /** Ties naming entities by id, resolved to ids; a tie to an entity that does not exist is rejected. */
  private async resolveDeferred(entries: readonly { plan: RowPlan; tie: PlannedTie }[]): Promise<ResolvedTie[]> {
    const idOf = (end: PlannedEnd): string => ('id' in end ? end.id : (this.idByRef.get(end.ref) as string));
    const named = entries.flatMap(({ tie }) =>
      [tie.from, tie.to, tie.onBehalfOf].flatMap((end) => (end && 'id' in end ? [end.id] : [])),
    );
    const unknown = [...new Set(named)].filter((id) => !this.seenIds.has(id));
    // A dry run has no graph to look in; it checks only what the API validates.
    const existing = this.gateway.dryRun ? new Set(unknown) : new Set((await this.gateway.names(unknown)).keys());
    const resolved: ResolvedTie[] = [];
    for (const { plan, tie } of entries) {
      const from = idOf(tie.from);
      const to = idOf(tie.to);
      const onBehalfOf = tie.onBehalfOf ? idOf(tie.onBehalfOf) : undefined;
      const missing = [from, to, onBehalfOf].find(
        (id) => id !== undefined && !this.seenIds.has(id) && !existing.has(id),
      );
      if (missing !== undefined) {
        this.reject(plan, 'tie', `${tie.type} tie to "${missing}": no such entity in the graph or in this import`);
        continue;
      }
      const identity = [tie.type, from, to, matchKey(tie.details.title ?? '')].join('|');
      resolved.push({ plan, type: tie.type, from, to, onBehalfOf, details: tie.details, identity });
    }
    return resolved;
  }

  private async applyTies(mapping: Mapping, ties: readonly ResolvedTie[]): Promise<void> {
    const send = async (group: readonly ResolvedTie[]) => {
      const report: ReportJson = {
        source: mapping.source,
        entities: [],
        ties: group.map((tie) =>
          withoutUndefined({
            type: tie.type,
            from: tie.from,
            to: tie.to,
            onBehalfOf: tie.onBehalfOf,
            locator: tie.plan.locator,
            ...tie.details,
          }),
        ),
      };
      this.record(await this.gateway.ingest(report), 0, report.ties.length);
    };
    try {
      await send(ties);
    } catch (error) {
      if (!(error instanceof ReportRefused)) throw error;
      this.retried += 1;
      for (const tie of ties) {
        try {
          await send([tie]);
        } catch (single) {
          if (!(single instanceof ReportRefused)) throw single;
          this.reject(tie.plan, 'tie', `${tie.type} tie to "${tie.to}": ${single.message}`);
        }
      }
    }
  }
}
