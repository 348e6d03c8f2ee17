import { basename } from 'node:path';

import type { GraphQLSchema } from 'graphql';

import { BadUserInputError, ServiceUnavailableError } from '../../errors';
import { matchKey } from '../entity/entity.model';
import { ENTITY_SPECS } from '../entity/entity.specs';
import { CodeLists } from './code-lists';
import { type CsvStream, openCsv } from './csv';
import { Earliest } from './earliest';
import { ReportRefused, type ReportReply } from '../write/report.gateway';
import { type ImportGateway, type ReportJson } from './gateway';
import type { Mapping } from './mapping.schema';
import { checkColumns, checkFields } from './mapping-check';
import { type PlannedEnd, type PlannedTie, planRow, type RowPlan } from './row-plan';
import { type RepeatedId, RepeatedIds, SeenIds } from './run-ids';
import { LISTED } from './summary';
import { RowProblem } from './values';

export interface Rejection {
  /** 1-based data row (the header is not counted) and the file line it ends on. */
  readonly row: number;
  readonly line: number;
  /** A whole row was left out, or one tie of a row whose entities were imported. */
  readonly what: 'row' | 'tie';
  readonly reason: string;
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
  /** The first rejections by row, as many as the summary lists: rowsRejected + tiesRejected count them all. */
  readonly rejections: readonly Rejection[];
  /** The first repeated ids by row, as many as the summary lists, and how many there are. */
  readonly repeatedIds: readonly RepeatedId[];
  readonly repeatedIdCount: number;
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

/**
 * An end of a tie between rows: an id the mapping names (another row's entity or one in the
 * graph, checked once every row is in), or the id its own row's entity resolved to.
 */
type DeferredEnd = { readonly named: string } | { readonly own: string };

/** A tie naming an entity by id, kept from its row until every row's entities exist. */
interface DeferredTie {
  readonly row: number;
  readonly line: number;
  readonly locator: string;
  readonly type: PlannedTie['type'];
  readonly from: DeferredEnd;
  readonly to: DeferredEnd;
  readonly onBehalfOf?: DeferredEnd;
  readonly details: PlannedTie['details'];
}

/** A tie between ids, from a row, ready to send. */
interface ResolvedTie {
  readonly row: number;
  readonly line: number;
  readonly locator: string;
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
 * Imports a CSV through a mapping. Rows become reports of about `batch.facts` facts, each sent
 * through the `ingestReport` mutation (one transaction). A report the API refuses is retried row
 * by row, so one bad row is rejected with its own reason and the others still land. Ties naming
 * an entity by id go last, once every row's entities exist. An instance runs one import: it
 * keeps that run's counts and the ids its rows resolved to.
 */
export class ImporterService {
  private readonly seenIds = new SeenIds();
  private readonly repeatedIds = new RepeatedIds(LISTED);
  /** The ids of the entities of the report being sent, by ref: cleared once its rows are done. */
  private readonly idByRef = new Map<string, string>();
  /** Names of code-listed entities already in the graph (null: not there before this run). */
  private readonly existingNames = new Map<string, string | null>();
  private readonly rejections = new Earliest<Rejection>(LISTED, (a, b) => a.row - b.row);
  private rowsRejected = 0;
  private tiesRejected = 0;
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
    } finally {
      await Promise.all([this.seenIds.dispose(), this.repeatedIds.dispose()]);
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
    // Rows are read, planned and sent a report at a time; what outlives its report in memory is
    // only the ties between rows (those naming an entity by id), with their ends' ids. The ids
    // seen and the document and figure ids stated go to sorted runs on disk once there are many.
    let rowsRead = 0;
    const deferred: DeferredTie[] = [];
    const rowTies = (plan: RowPlan) => plan.ties.map((tie) => tie.identity);
    const plans = this.plan(mapping, csv, () => (rowsRead += 1));
    for await (const unit of this.batches(plans, rowTies, mapping.batch.facts, (plan) => this.facts(plan))) {
      const last = unit.items[unit.items.length - 1];
      this.written.pendingRow = last?.row ?? this.written.row;
      await this.applyRows(mapping, unit.items);
      if (last) Object.assign(this.written, { row: last.row, line: last.line });
      for (const plan of unit.items) {
        await this.repeatedIds.see(plan);
        if (plan.entities.every((entity) => this.idByRef.has(entity.ref))) {
          deferred.push(...plan.deferred.map((tie) => this.deferredTie(plan, tie)));
        }
      }
      this.idByRef.clear();
      progress('rows', rowsRead, csv.bytesRead(), csv.size);
    }
    progress('rows', rowsRead, csv.size, csv.size);

    const named = new Set(
      deferred.flatMap((tie) =>
        [tie.from, tie.to, tie.onBehalfOf].flatMap((end) => (end && 'named' in end ? [end.named] : [])),
      ),
    );
    // Tie reports state no entities, so what the rows resolved to is all there is to count.
    const seen = await this.seenIds.tally(named);
    const ties = await this.resolveDeferred(deferred, named, seen.found);
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

    const repeated = await this.repeatedIds.find();
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
      rowsImported: rowsRead - this.rowsRejected,
      rowsRejected: this.rowsRejected,
      entitiesCreated: seen.created,
      entitiesMerged: seen.seen - seen.created,
      tiesCreated: this.tiesCreated,
      tiesMatched: this.tiesMatched,
      tiesRejected: this.tiesRejected,
      entityStatements: this.entityStatements,
      tieStatements: this.tieStatements,
      reports: this.reports,
      retried: this.retried,
      rejections: this.rejections.items,
      repeatedIds: repeated.repeats,
      repeatedIdCount: repeated.count,
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

  /** A row is rejected at most once (one that cannot be planned is never sent), so this counts rows. */
  private reject(at: { row: number; line: number }, what: Rejection['what'], reason: string): void {
    if (what === 'row') this.rowsRejected += 1;
    else this.tiesRejected += 1;
    this.rejections.offer({ row: at.row, line: at.line, what, reason });
  }

  /** A tie of a row whose entities were imported, with its own ends' ids (the refs last only a report). */
  private deferredTie(plan: RowPlan, tie: PlannedTie): DeferredTie {
    const end = (value: PlannedEnd): DeferredEnd =>
      'id' in value ? { named: value.id } : { own: this.idByRef.get(value.ref) as string };
    return {
      row: plan.row,
      line: plan.line,
      locator: plan.locator,
      type: tie.type,
      from: end(tie.from),
      to: end(tie.to),
      onBehalfOf: tie.onBehalfOf && end(tie.onBehalfOf),
      details: tie.details,
    };
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

  private async record(reply: ReportReply, entityStatements: number, tieStatements: number): Promise<void> {
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
      await this.seenIds.add(entity.id, entity.created);
    }
  }

  private async applyRows(mapping: Mapping, plans: readonly RowPlan[]): Promise<void> {
    await this.nameListedEntities(plans);
    const send = async (group: readonly RowPlan[]) => {
      const report = this.rowReport(mapping, group);
      await this.record(await this.gateway.ingest(report), report.entities.length, report.ties.length);
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

  /**
   * Ties naming entities by id, resolved to ids; a tie naming (`named`) an entity that is neither
   * this run's (`seen`) nor in the graph is rejected. An end from the tie's own row is this run's.
   */
  private async resolveDeferred(
    entries: readonly DeferredTie[],
    named: ReadonlySet<string>,
    seen: ReadonlySet<string>,
  ): Promise<ResolvedTie[]> {
    const unknown = [...named].filter((id) => !seen.has(id));
    // A dry run has no graph to look in; it checks only what the API validates.
    const existing = this.gateway.dryRun ? new Set(unknown) : new Set((await this.gateway.names(unknown)).keys());
    const idOf = (end: DeferredEnd): string => ('named' in end ? end.named : end.own);
    const resolved: ResolvedTie[] = [];
    for (const tie of entries) {
      const missing = [tie.from, tie.to, tie.onBehalfOf].find(
        (end) => end !== undefined && 'named' in end && !seen.has(end.named) && !existing.has(end.named),
      );
      if (missing !== undefined) {
        this.reject(tie, 'tie', `${tie.type} tie to "${idOf(missing)}": no such entity in the graph or in this import`);
        continue;
      }
      const from = idOf(tie.from);
      const to = idOf(tie.to);
      const onBehalfOf = tie.onBehalfOf && idOf(tie.onBehalfOf);
      const identity = [tie.type, from, to, matchKey(tie.details.title ?? '')].join('|');
      const { row, line, locator, type, details } = tie;
      resolved.push({ row, line, locator, type, from, to, onBehalfOf, details, identity });
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
            locator: tie.locator,
            ...tie.details,
          }),
        ),
      };
      await this.record(await this.gateway.ingest(report), 0, report.ties.length);
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
          this.reject(tie, 'tie', `${tie.type} tie to "${tie.to}": ${single.message}`);
        }
      }
    }
  }
}
