import { createHash } from 'node:crypto';

import type { Executor } from '../../db/executor';
import { BadUserInputError, ConflictError, type FieldProblem, NotFoundError } from '../../errors';
import { parsePartialDate } from '../../graphql/partial-date';
import { type EntityType, ID_PREFIX, matchKey, slugId, TIE_SPECS, type TieType } from '../entity/entity.model';
import { type TieDetailsInput } from '../tie/tie.input';
import { entityFields, resolvesByName, type TypedEntityInput } from './entity-writes';
import type { ReportEntityInput, ReportInput } from './ingest.input';
import { type Candidate, type EntityWrite, IngestRepository, type TieWrite } from './ingest.repository';

export interface IngestOutcome {
  readonly sourceId: string;
  readonly entities: { ref: string; id: string; type: EntityType; created: boolean }[];
  readonly tiesCreated: number;
  readonly tiesMatched: number;
}

export interface Statement {
  readonly sourceId: string | null;
  readonly locator: string;
}

const TYPED_FIELDS = ['region', 'organization', 'official', 'forum', 'document', 'sector', 'figure'] as const;
const TYPE_OF_FIELD: Record<(typeof TYPED_FIELDS)[number], EntityType> = {
  region: 'Region',
  organization: 'Organization',
  official: 'Official',
  forum: 'Forum',
  document: 'Document',
  sector: 'Sector',
  figure: 'Figure',
};

function typedInputOf(entity: ReportEntityInput): TypedEntityInput[] {
  const typed: TypedEntityInput[] = [];
  for (const field of TYPED_FIELDS) {
    const input = entity[field];
    if (input) typed.push({ type: TYPE_OF_FIELD[field], input } as TypedEntityInput);
  }
  return typed;
}

function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** The key that tells apart ties of one type between one pair: the position title for HOLDS. */
export function tieKey(type: TieType, details: { title?: string | null; role?: string | null }): string {
  const by = TIE_SPECS[type].distinguishedBy;
  const value = by === undefined ? undefined : details[by];
  return value ? matchKey(value) : '';
}

/** Checks tie details against the catalog; returns problems named under `path`. */
export function tieDetailProblems(
  details: TieDetailsInput & { onBehalfOf?: string | null },
  path: string,
): FieldProblem[] {
  const spec = TIE_SPECS[details.type];
  const problems: FieldProblem[] = [];
  for (const property of ['title', 'role', 'onBehalfOf', 'since', 'until'] as const) {
    const value = details[property];
    if (value !== undefined && value !== null && !spec.properties.includes(property)) {
      problems.push({ field: `${path}.${property}`, message: `a ${details.type} tie takes no ${property}` });
    }
  }
  if (spec.distinguishedBy === 'title' && !details.title) {
    problems.push({ field: `${path}.title`, message: `a ${details.type} tie needs a title` });
  }
  return problems;
}

/**
 * The stored details of a tie. `replace` (updateTie) sets every detail, removing those left out;
 * otherwise a restatement only adds details, and the title stays as first stated (it is the key).
 */
function tieProps(details: TieDetailsInput, onBehalfOf: string | null, replace: boolean): Record<string, unknown> {
  const since = details.since ? parsePartialDate(details.since) : undefined;
  const until = details.until ? parsePartialDate(details.until) : undefined;
  const props = {
    title: details.title ?? null,
    role: details.role ?? null,
    onBehalfOf,
    since: since?.date ?? null,
    sincePrecision: since?.precision ?? null,
    until: until?.date ?? null,
    untilPrecision: until?.precision ?? null,
  };
  if (replace) return props;
  return Object.fromEntries(Object.entries(props).filter(([key, value]) => value !== null && key !== 'title'));
}

/** Where a report entity's typed input sits in the report, for error paths. */
function entityPath(index: number, type: EntityType): string {
  const field = TYPED_FIELDS.find((candidate) => TYPE_OF_FIELD[candidate] === type);
  return `report.entities[${index}].${field ?? ''}`;
}

/** Ids are prefixed by type (`region:kz`), so an id says what it names wherever it appears. */
function idPrefixProblems(typed: TypedEntityInput, field: string): FieldProblem[] {
  const id = typed.input.id;
  const prefix = `${ID_PREFIX[typed.type]}:`;
  return id && !id.startsWith(prefix)
    ? [{ field, message: `a ${typed.type} id starts with "${prefix}" (got "${id}")` }]
    : [];
}

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null && value !== undefined));
}

function fail(problems: FieldProblem[]): never {
  const summary = problems
    .slice(0, 5)
    .map((problem) => `${problem.field}: ${problem.message}`)
    .join('; ');
  throw new BadUserInputError(problems.length > 5 ? `${summary}; and ${problems.length - 5} more` : summary, problems);
}

/**
 * Every write to the graph. Rules live here (what may join what, how entities resolve, what
 * counts as the same fact); the repository only runs the statements. Each public method is one
 * transaction: a failure anywhere leaves nothing behind.
 */
export class IngestService {
  constructor(private readonly db: Executor) {}

  async ingestReport(report: ReportInput): Promise<IngestOutcome> {
    const problems: FieldProblem[] = [];
    const typedByRef = new Map<string, TypedEntityInput>();
    report.entities.forEach((entity, index) => {
      const typed = typedInputOf(entity);
      if (typed.length !== 1) {
        problems.push({
          field: `report.entities[${index}]`,
          message: `set exactly one of ${TYPED_FIELDS.join(', ')} (found ${typed.length})`,
        });
      } else if (typedByRef.has(entity.ref)) {
        problems.push({ field: `report.entities[${index}].ref`, message: `"${entity.ref}" is used twice` });
      } else if (typed[0]) {
        typedByRef.set(entity.ref, typed[0]);
        problems.push(...idPrefixProblems(typed[0], `${entityPath(index, typed[0].type)}.id`));
      }
    });
    problems.push(...idPrefixProblems({ type: 'Source', input: report.source }, 'report.source.id'));
    report.ties.forEach((tie, index) => problems.push(...tieDetailProblems(tie, `report.ties[${index}]`)));
    if (problems.length > 0) fail(problems);

    return this.db.writeTransaction('ingestReport', async (tx) => {
      const repository = new IngestRepository(tx);
      const sourceId = await this.writeSource(repository, report);
      const statement = (locator: string | null | undefined): Statement => ({ sourceId, locator: locator ?? '' });

      const refs = report.entities.map((entity) => entity.ref);
      const ids = await this.resolveIds(
        repository,
        refs.map((ref) => ({ ref, typed: typedByRef.get(ref) as TypedEntityInput })),
        sourceId,
        (index, type) => `${entityPath(index, type)}.id`,
      );
      const rows = await repository.upsertEntities(
        report.entities.map((entity) => {
          const typed = typedByRef.get(entity.ref) as TypedEntityInput;
          return this.entityWrite(ids.get(entity.ref) as string, typed, statement(entity.locator), false);
        }),
      );
      const created = new Set(rows.filter((row) => row.created).map((row) => row.id));

      const idOf = (refOrId: string): string => ids.get(refOrId) ?? refOrId;
      const ties = report.ties.map((tie, index) => ({
        path: `report.ties[${index}]`,
        details: tie,
        from: idOf(tie.from),
        to: idOf(tie.to),
        onBehalfOf: tie.onBehalfOf ? idOf(tie.onBehalfOf) : null,
        statement: statement(tie.locator),
      }));
      const tieRows = await this.writeTies(repository, ties, false);

      return {
        sourceId,
        entities: report.entities.map((entity) => {
          const id = ids.get(entity.ref) as string;
          return {
            ref: entity.ref,
            id,
            type: (typedByRef.get(entity.ref) as TypedEntityInput).type,
            created: created.has(id),
          };
        }),
        tiesCreated: tieRows.filter((row) => row.created).length,
        tiesMatched: tieRows.filter((row) => !row.created).length,
      };
    });
  }

  /** Creates one entity; refuses when the id, name or an alias already names one of its type. */
  async createEntity(typed: TypedEntityInput): Promise<string> {
    const problems = idPrefixProblems(typed, 'input.id');
    if (problems.length > 0) fail(problems);
    return this.db.writeTransaction(`create${typed.type}`, async (tx) => {
      const repository = new IngestRepository(tx);
      const statedIn = typed.input.statedIn;
      if (statedIn) await this.assertSourceExists(repository, statedIn.sourceId, 'input.statedIn.sourceId');
      const existing = await repository.resolve([this.candidate('input', typed)]);
      const match = existing.get('input');
      if (match) {
        throw new ConflictError(
          `${typed.type} "${match.id}" already exists with this id, name or alias; update it instead`,
        );
      }
      const id = typed.input.id ?? (await this.freeId(repository, typed));
      await repository.upsertEntities([
        this.entityWrite(id, typed, { sourceId: statedIn?.sourceId ?? null, locator: statedIn?.locator ?? '' }, false),
      ]);
      return id;
    });
  }

  /** Replaces the typed fields and aliases of an existing entity. */
  async updateEntity(id: string, typed: TypedEntityInput): Promise<void> {
    await this.db.writeTransaction(`update${typed.type}`, async (tx) => {
      const repository = new IngestRepository(tx);
      const types = await repository.typesOf([id]);
      if (types.get(id) !== typed.type) throw new NotFoundError(typed.type, id);
      const { keys } = this.candidate('input', typed);
      const taken = await repository.otherWithKeys(typed.type, id, keys);
      if (taken) {
        throw new ConflictError(
          `${typed.type} "${taken}" already has this name or alias; merge them or choose another`,
        );
      }
      const statedIn = typed.input.statedIn;
      if (statedIn) await this.assertSourceExists(repository, statedIn.sourceId, 'input.statedIn.sourceId');
      await repository.upsertEntities([
        this.entityWrite(id, typed, { sourceId: statedIn?.sourceId ?? null, locator: statedIn?.locator ?? '' }, true),
      ]);
    });
  }

  async deleteEntity(type: EntityType, id: string): Promise<void> {
    await this.db.writeTransaction(`delete${type}`, async (tx) => {
      const repository = new IngestRepository(tx);
      if (type === 'Source') {
        const statements = await repository.sourceStatementCount(id);
        if (statements > 0) {
          throw new ConflictError(
            `Source "${id}" still backs ${statements} statements; delete or re-source them first`,
          );
        }
      }
      if (!(await repository.deleteEntity(type, id))) throw new NotFoundError(type, id);
    });
  }

  async upsertTie(
    tie: TieDetailsInput & {
      from: string;
      to: string;
      onBehalfOf?: string | null;
      statedIn?: { sourceId: string; locator?: string | null } | null;
    },
    mustExist: boolean,
  ): Promise<boolean> {
    const problems = tieDetailProblems(tie, 'input');
    if (problems.length > 0) fail(problems);
    return this.db.writeTransaction(mustExist ? 'updateTie' : 'createTie', async (tx) => {
      const repository = new IngestRepository(tx);
      if (tie.statedIn?.sourceId)
        await this.assertSourceExists(repository, tie.statedIn.sourceId, 'input.statedIn.sourceId');
      if (mustExist && !(await repository.tieExists(tie.type, tie.from, tie.to, tieKey(tie.type, tie)))) {
        throw new NotFoundError(`${tie.type} tie`, `${tie.from} -> ${tie.to}`);
      }
      const [row] = await this.writeTies(
        repository,
        [
          {
            path: 'input',
            details: tie,
            from: tie.from,
            to: tie.to,
            onBehalfOf: tie.onBehalfOf ?? null,
            statement: { sourceId: tie.statedIn?.sourceId ?? null, locator: tie.statedIn?.locator ?? '' },
          },
        ],
        mustExist,
      );
      return row?.created ?? false;
    });
  }

  async deleteTie(type: TieType, from: string, to: string, title: string | null | undefined): Promise<void> {
    await this.db.writeTransaction('deleteTie', async (tx) => {
      const repository = new IngestRepository(tx);
      if (!(await repository.deleteTie(type, from, to, tieKey(type, { title })))) {
        throw new NotFoundError(`${type} tie`, `${from} -> ${to}`);
      }
    });
  }

  private async writeSource(repository: IngestRepository, report: ReportInput): Promise<string> {
    const typed: TypedEntityInput = { type: 'Source', input: report.source };
    const ids = await this.resolveIds(repository, [{ ref: '#source', typed }], null, () => 'report.source.id');
    const id = ids.get('#source') as string;
    await repository.upsertEntities([this.entityWrite(id, typed, { sourceId: null, locator: '' }, false)]);
    return id;
  }

  private candidate(ref: string, typed: TypedEntityInput): Candidate {
    const names = [typed.input.name ?? '', ...(typed.input.aliases ?? [])].filter((name) => name.length > 0);
    return {
      ref,
      type: typed.type,
      id: typed.input.id ?? null,
      keys: resolvesByName(typed.type) ? [...new Set(names.map(matchKey))] : [],
    };
  }

  /**
   * Resolves refs to ids: an existing entity by id, else by name or alias, else a new id. New
   * unnamed documents and figures get an id derived from the source and ref, so re-ingesting the
   * same report finds them again.
   */
  private async resolveIds(
    repository: IngestRepository,
    entries: { ref: string; typed: TypedEntityInput }[],
    sourceId: string | null,
    idField: (index: number, type: EntityType) => string,
  ): Promise<Map<string, string>> {
    const found = await repository.resolve(entries.map(({ ref, typed }) => this.candidate(ref, typed)));
    const ids = new Map<string, string>();
    const problems: FieldProblem[] = [];
    entries.forEach(({ ref, typed }, index) => {
      const match = found.get(ref);
      if (match && match.type !== typed.type) {
        problems.push({
          field: idField(index, typed.type),
          message: `"${match.id}" is a ${match.type}, not a ${typed.type}`,
        });
      } else if (match) {
        ids.set(ref, match.id);
      } else if (typed.input.id) {
        ids.set(ref, typed.input.id);
      } else if (resolvesByName(typed.type) && typed.input.name) {
        ids.set(ref, slugId(typed.type, typed.input.name));
      } else {
        ids.set(ref, `${ID_PREFIX[typed.type]}:${shortHash(sourceId ?? '', ref)}`);
      }
    });
    if (problems.length > 0) fail(problems);
    return ids;
  }

  private async freeId(repository: IngestRepository, typed: TypedEntityInput): Promise<string> {
    const base = typed.input.name
      ? slugId(typed.type, typed.input.name)
      : `${ID_PREFIX[typed.type]}:${shortHash(String(Date.now()), String(Math.random()))}`;
    const taken = await repository.typesOf([base]);
    return taken.has(base) ? `${base}-${shortHash(String(Date.now()), String(Math.random())).slice(0, 6)}` : base;
  }

  private entityWrite(id: string, typed: TypedEntityInput, statement: Statement, replaceAliases: boolean): EntityWrite {
    const fields = entityFields(typed);
    return {
      id,
      type: typed.type,
      name: fields.name,
      nameKey: matchKey(fields.name),
      aliases: fields.aliases,
      aliasKeys: fields.aliases.map(matchKey),
      replaceAliases,
      // Ingestion only adds what a source states: a report that names Kazakhstan without its ISO
      // codes must not erase them. Updates replace, so there a null removes the property.
      props: replaceAliases ? fields.props : withoutNulls(fields.props),
      sourceId: statement.sourceId,
      locator: statement.locator,
    };
  }

  private async assertSourceExists(repository: IngestRepository, sourceId: string, field: string): Promise<void> {
    const types = await repository.typesOf([sourceId]);
    if (types.get(sourceId) !== 'Source') fail([{ field, message: `no Source with id "${sourceId}"` }]);
  }

  private async writeTies(
    repository: IngestRepository,
    ties: {
      path: string;
      details: TieDetailsInput;
      from: string;
      to: string;
      onBehalfOf: string | null;
      statement: Statement;
    }[],
    replace: boolean,
  ) {
    const endpointIds = [
      ...new Set(ties.flatMap((tie) => [tie.from, tie.to, ...(tie.onBehalfOf ? [tie.onBehalfOf] : [])])),
    ];
    const types = await repository.typesOf(endpointIds);
    const problems: FieldProblem[] = [];
    for (const tie of ties) {
      const spec = TIE_SPECS[tie.details.type];
      const check = (field: 'from' | 'to' | 'onBehalfOf', id: string, allowed: readonly EntityType[]): void => {
        const type = types.get(id);
        if (!type)
          problems.push({
            field: `${tie.path}.${field}`,
            message: `"${id}" is neither a ref of this report nor an entity in the graph`,
          });
        else if (!allowed.includes(type)) {
          problems.push({
            field: `${tie.path}.${field}`,
            message: `a ${tie.details.type} tie cannot ${field === 'from' ? 'start at' : field === 'to' ? 'end at' : 'be on behalf of'} a ${type} (allowed: ${allowed.join(', ')})`,
          });
        }
      };
      check('from', tie.from, spec.from);
      check('to', tie.to, spec.to);
      if (tie.onBehalfOf) check('onBehalfOf', tie.onBehalfOf, ['Region', 'Organization']);
    }
    if (problems.length > 0) fail(problems);
    const writes: TieWrite[] = ties.map((tie) => ({
      type: tie.details.type,
      from: tie.from,
      to: tie.to,
      key: tieKey(tie.details.type, tie.details),
      props: tieProps(tie.details, tie.onBehalfOf, replace),
      title: tie.details.title ?? null,
      sourceId: tie.statement.sourceId,
      locator: tie.statement.locator,
    }));
    return repository.upsertTies(writes);
  }
}
