import { createHash } from 'node:crypto';

import { BadUserInputError, ConflictError, type FieldProblem, InternalError, NotFoundError } from '../../errors';
import { idProblem } from '../entity/entity.ids';
import { type EntityType, ID_PREFIX, matchKey, slugId, TIE_SPECS, tieKey, type TieType } from '../entity/entity.model';
import {
  ENTITY_SPECS,
  REPORT_FIELDS,
  resolutionKeysOf,
  resolvesByName,
  specOf,
  type TypedEntityInput,
} from '../entity/entity.specs';
import type { TieDetailsInput } from '../tie/tie.input';
import { parseClaims } from '../claim/claim.model';
import { RegionKind } from '../entity/entity.enums';
import { countryCodeOf, subdivisionCodeOf } from '../region/country-names';
import { disagreements, reconcile } from './claims';
import { entityWrite } from './entity-write';
import { mergeEntities, type MergeOutcome } from './merge';
import type { ReportEntityInput, ReportInput } from './report.input';
import { revertChange } from './revert';
import { tieDetailProblems, tieProps } from './tie-rules';
import type { EntityWrite, TieWrite, WriteRepository } from './write.repository';
import type { WriteStore, WriteUnit } from './write.store';

export interface ReportOutcome {
  /** The change the report made; null when it stated nothing new. */
  readonly changeId: string | null;
  readonly sourceId: string;
  readonly entities: { ref: string; id: string; type: EntityType; created: boolean }[];
  readonly tiesCreated: number;
  readonly tiesMatched: number;
}

/** What a ref resolved to; `mustCreate` for a new entity under an id the write path chose. */
interface ResolvedId {
  id: string;
  readonly mustCreate: boolean;
}

export interface Statement {
  readonly sourceId: string | null;
  readonly locator: string;
  readonly quote: string | null;
}

function typedInputOf(entity: ReportEntityInput): TypedEntityInput[] {
  return REPORT_FIELDS.flatMap(({ field, type }) => {
    const input = entity[field];
    return input ? [{ type, input } as TypedEntityInput] : [];
  });
}

/**
 * The ISO code a region input stands for, as `regionsByCode` takes it: its own iso2 or
 * isoSubdivision, else the code its name or an alias names ("Britain" is GB, "XUAR" CN-XJ), read
 * as a country for a COUNTRY and as a subdivision for a SUBNATIONAL region.
 */
function regionCode(typed: TypedEntityInput): string | undefined {
  if (typed.type !== 'Region') return undefined;
  const { input } = typed;
  if (input.iso2) return `iso2:${input.iso2}`;
  if (input.isoSubdivision) return `sub:${input.isoSubdivision}`;
  const names = [input.name, ...(input.aliases ?? [])];
  for (const name of names) {
    if (input.kind === RegionKind.COUNTRY) {
      const country = countryCodeOf(name);
      if (country.found) return `iso2:${country.code}`;
    } else if (input.kind === RegionKind.SUBNATIONAL) {
      const subdivision = subdivisionCodeOf(name);
      if (subdivision.found) return `sub:${subdivision.code}`;
    }
  }
  return undefined;
}

function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** Where a report entity's typed input sits in the report, for error paths. */
function entityPath(index: number, type: EntityType): string {
  return `report.entities[${index}].${ENTITY_SPECS[type].reportField ?? ''}`;
}

function idPrefixProblems(typed: TypedEntityInput, field: string): FieldProblem[] {
  const message = typed.input.id ? idProblem(typed.input.id, typed.type) : undefined;
  return message ? [{ field, message }] : [];
}

/** A mutation's `statedIn`, or no statement. */
function statementOf(
  statedIn: { sourceId: string; locator?: string | null; quote?: string | null } | null | undefined,
): Statement {
  return { sourceId: statedIn?.sourceId ?? null, locator: statedIn?.locator ?? '', quote: statedIn?.quote ?? null };
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
export class WriteService {
  constructor(private readonly store: WriteStore) {}

  async ingestReport(report: ReportInput): Promise<ReportOutcome> {
    const problems: FieldProblem[] = [];
    const typedByRef = new Map<string, TypedEntityInput>();
    report.entities.forEach((entity, index) => {
      const typed = typedInputOf(entity);
      if (typed.length !== 1) {
        problems.push({
          field: `report.entities[${index}]`,
          message: `set exactly one of ${REPORT_FIELDS.map(({ field }) => field).join(', ')} (found ${typed.length})`,
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

    const { result, change } = await this.store.transaction('ingestReport', async (unit) => {
      const { repository, recorder } = unit;
      const sourceId = await this.writeSource(unit, report);
      unit.statedIn(sourceId);
      const statement = (stated: { locator?: string | null; quote?: string | null }): Statement => ({
        sourceId,
        locator: stated.locator ?? '',
        quote: stated.quote ?? null,
      });

      const entries = report.entities.map((entity) => ({
        ref: entity.ref,
        typed: typedByRef.get(entity.ref) as TypedEntityInput,
      }));
      const ids = await this.resolveIds(
        repository,
        entries,
        sourceId,
        (index, type) => `${entityPath(index, type)}.id`,
      );
      const entityIds = [...new Set([...ids.values()].map((resolved) => resolved.id))];
      await recorder.touchEntities(entityIds);
      await recorder.touchKeys(entries.flatMap(({ typed }) => resolutionKeysOf(typed)));
      await recorder.touchTiePairs(entityIds.map((id) => ({ type: 'STATED_IN', from: id, to: sourceId })));
      // Refs that share a new entity write it in order: the first creates it, the others add to it.
      const written = new Set<string>();
      const writes = await this.reconcileClaims(
        unit,
        report.entities.map((entity) => {
          const typed = typedByRef.get(entity.ref) as TypedEntityInput;
          const { id, mustCreate } = ids.get(entity.ref) as ResolvedId;
          const first = !written.has(id);
          written.add(id);
          return entityWrite(id, typed, statement(entity), { replace: false, mustCreate: mustCreate && first });
        }),
      );
      const rows = await repository.upsertEntities(writes);
      const created = new Set(rows.filter((row) => row.created).map((row) => row.id));

      // Ends named by id may name an entity since merged into another: the tie goes to that one.
      const named = report.ties
        .flatMap((tie) => [tie.from, tie.to, tie.onBehalfOf ?? ''])
        .filter((end) => end && !ids.has(end));
      const redirected = await repository.redirects(named);
      const idOf = (refOrId: string): string => ids.get(refOrId)?.id ?? redirected.get(refOrId) ?? refOrId;
      const ties = report.ties.map((tie, index) => ({
        path: `report.ties[${index}]`,
        details: tie,
        from: idOf(tie.from),
        to: idOf(tie.to),
        onBehalfOf: tie.onBehalfOf ? idOf(tie.onBehalfOf) : null,
        statement: statement(tie),
      }));
      const tieRows = await this.writeTies(unit, ties, false);

      return {
        sourceId,
        entities: report.entities.map((entity) => {
          const id = idOf(entity.ref);
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
    return { ...result, changeId: change?.id ?? null };
  }

  /** Creates one entity; refuses when the id, name or an alias already names one of its type. */
  async createEntity(typed: TypedEntityInput): Promise<string> {
    const problems = idPrefixProblems(typed, 'input.id');
    if (problems.length > 0) fail(problems);
    const { result } = await this.store.transaction(`create${typed.type}`, async (unit) => {
      const { repository } = unit;
      const statedIn = typed.input.statedIn;
      if (statedIn) await this.assertSourceExists(repository, statedIn.sourceId, 'input.statedIn.sourceId');
      const keys = resolutionKeysOf(typed);
      const claimed = await repository.claimKeys(keys);
      const holder = [...claimed.values()].find((id) => id !== null);
      if (holder) {
        throw new ConflictError(`${typed.type} "${holder}" already has this name or alias; update it instead`);
      }
      const given = typed.input.id;
      if (given && (await repository.typesOf([given])).has(given)) {
        throw new ConflictError(`"${given}" already exists; update it instead`);
      }
      const id = given ?? (await this.freeId(repository, typed));
      await this.touchEntity(unit, id, keys, statedIn?.sourceId ?? null);
      await repository.upsertEntities([
        entityWrite(id, typed, statementOf(statedIn), { replace: false, mustCreate: true }),
      ]);
      return id;
    });
    return result;
  }

  /** Replaces the typed fields and aliases of an existing entity. */
  async updateEntity(id: string, typed: TypedEntityInput): Promise<void> {
    await this.store.transaction(`update${typed.type}`, async (unit) => {
      const { repository, recorder } = unit;
      const types = await repository.typesOf([id]);
      if (types.get(id) !== typed.type) throw new NotFoundError(typed.type, id);
      const keys = resolutionKeysOf(typed);
      const claimed = await repository.claimKeys(keys);
      const taken = [...claimed.values()].find((holder) => holder !== null && holder !== id);
      if (taken) {
        throw new ConflictError(
          `${typed.type} "${taken}" already has this name or alias; merge them or choose another`,
        );
      }
      const statedIn = typed.input.statedIn;
      if (statedIn) await this.assertSourceExists(repository, statedIn.sourceId, 'input.statedIn.sourceId');
      await recorder.touchKeysOf([id]);
      await this.touchEntity(unit, id, keys, statedIn?.sourceId ?? null);
      await repository.releaseKeys(id, keys);
      const write = entityWrite(id, typed, statementOf(statedIn), { replace: true, mustCreate: false });
      // An edit without a source replaces what is shown; one citing a source states a claim.
      await repository.upsertEntities(statedIn ? await this.reconcileClaims(unit, [write]) : [write]);
    });
  }

  async deleteEntity(type: EntityType, id: string): Promise<void> {
    await this.store.transaction(`delete${type}`, async ({ repository, recorder }) => {
      if (type === 'Source') {
        const statements = await repository.sourceStatementCount(id);
        if (statements > 0) {
          throw new ConflictError(
            `Source "${id}" still backs ${statements} statements; delete or re-source them first`,
          );
        }
      }
      await recorder.touchEntities([id]);
      await recorder.touchAllTiesOf([id]);
      await recorder.touchKeysOf([id]);
      if (!(await repository.deleteEntity(type, id))) throw new NotFoundError(type, id);
    });
  }

  async upsertTie(
    tie: TieDetailsInput & {
      from: string;
      to: string;
      onBehalfOf?: string | null;
      statedIn?: { sourceId: string; locator?: string | null; quote?: string | null } | null;
    },
    mustExist: boolean,
  ): Promise<boolean> {
    const problems = tieDetailProblems(tie, 'input');
    if (problems.length > 0) fail(problems);
    const { result } = await this.store.transaction(mustExist ? 'updateTie' : 'createTie', async (unit) => {
      const { repository, recorder } = unit;
      unit.statedIn(tie.statedIn?.sourceId ?? null);
      await recorder.touchTiePairs([{ type: tie.type, from: tie.from, to: tie.to }]);
      if (tie.statedIn?.sourceId)
        await this.assertSourceExists(repository, tie.statedIn.sourceId, 'input.statedIn.sourceId');
      if (mustExist && !(await repository.tieExists(tie.type, tie.from, tie.to, tieKey(tie.type, tie)))) {
        throw new NotFoundError(`${tie.type} tie`, `${tie.from} -> ${tie.to}`);
      }
      const [row] = await this.writeTies(
        unit,
        [
          {
            path: 'input',
            details: tie,
            from: tie.from,
            to: tie.to,
            onBehalfOf: tie.onBehalfOf ?? null,
            statement: statementOf(tie.statedIn),
          },
        ],
        mustExist,
      );
      return row?.created ?? false;
    });
    return result;
  }

  async deleteTie(type: TieType, from: string, to: string, title: string | null | undefined): Promise<void> {
    await this.store.transaction('deleteTie', async ({ repository, recorder }) => {
      await recorder.touchTiePairs([{ type, from, to }]);
      if (!(await repository.deleteTie(type, from, to, tieKey(type, { title })))) {
        throw new NotFoundError(`${type} tie`, `${from} -> ${to}`);
      }
    });
  }

  /**
   * Shows one source's claim of a disputed fact (null: the claim of an edit that cited no source),
   * recording the preference in the claims so that later statements do not undo it.
   */
  async preferClaim(id: string, field: string, sourceId: string | null): Promise<void> {
    await this.store.transaction('preferClaim', async ({ repository, recorder }) => {
      await recorder.touchEntities([id]);
      const state = recorder.entityState(id);
      if (!state) throw new NotFoundError('Entity', id);
      const claims = parseClaims(state.props.claims?.v);
      const chosen = claims.find((claim) => claim.field === field && claim.sourceId === sourceId);
      if (!chosen) {
        throw BadUserInputError.forField(
          'sourceId',
          `${id} has no claim of "${field}" by ${sourceId ?? 'an edit without a source'} (claims: ${
            claims
              .filter((claim) => claim.field === field)
              .map((claim) => claim.sourceId ?? 'no source')
              .join(', ') || 'none'
          })`,
        );
      }
      const preferred = claims.map((claim) =>
        claim.field !== field ? claim : { ...claim, preferred: claim === chosen ? true : undefined },
      );
      const columns = specOf(state.type).claimed?.find((claimed) => claimed.field === field)?.columns ?? [];
      const shown = Object.fromEntries(columns.map((column) => [column, chosen.value[column] ?? null]));
      await repository.setProps(id, { ...shown, claims: JSON.stringify(preferred) });
    });
  }

  /**
   * Merges entities into one (`merge.ts`), as one change, whose revert is the unmerge. With
   * `dryRun` nothing is kept: the answer says what would move.
   */
  async mergeEntities(
    keep: string,
    merge: readonly string[],
    dryRun: boolean,
  ): Promise<MergeOutcome & { changeId: string | null; dryRun: boolean }> {
    const { result, change } = await this.store.transaction(
      'mergeEntities',
      (unit) => mergeEntities(unit, keep, merge),
      {
        dryRun,
      },
    );
    return { ...result, changeId: dryRun ? null : (change?.id ?? null), dryRun };
  }

  /** Puts back what a change changed, as a new change; returns that change's id. */
  async revertChange(id: string): Promise<string> {
    const { change } = await this.store.transaction(
      'revertChange',
      ({ states, recorder }) => revertChange(states, recorder, id),
      { revertOf: id },
    );
    if (!change) throw new InternalError(`reverting ${id} changed nothing`);
    return change.id;
  }

  private async writeSource(unit: WriteUnit, report: ReportInput): Promise<string> {
    const { repository, recorder } = unit;
    const typed: TypedEntityInput = { type: 'Source', input: report.source };
    const ids = await this.resolveIds(repository, [{ ref: '#source', typed }], null, () => 'report.source.id');
    const { id, mustCreate } = ids.get('#source') as ResolvedId;
    await recorder.touchEntities([id]);
    await recorder.touchKeys(resolutionKeysOf(typed));
    await repository.upsertEntities([entityWrite(id, typed, statementOf(null), { replace: false, mustCreate })]);
    return id;
  }

  /**
   * Resolves refs to ids: an existing entity by id, else the entity its name or an alias resolves
   * to (by the keys claimed in this transaction), else, for a region, the stored region of the ISO
   * code it gives or its name stands for (`country-names.ts`: "Britain" finds the region with
   * iso2 GB), else a new id. Refs of one report that share a
   * key are one entity. New unnamed documents and figures get an id derived from the source and
   * ref, so re-ingesting the same report finds them again.
   */
  private async resolveIds(
    repository: WriteRepository,
    entries: { ref: string; typed: TypedEntityInput }[],
    sourceId: string | null,
    idField: (index: number, type: EntityType) => string,
  ): Promise<Map<string, ResolvedId>> {
    const keysByEntry = entries.map(({ typed }) => resolutionKeysOf(typed));
    const claimed = await repository.claimKeys(keysByEntry.flat());
    const stated = entries.flatMap(({ typed }) => (typed.input.id ? [typed.input.id] : []));
    // An id of an entity since merged into another names that one.
    const redirected = await repository.redirects(stated);
    const current = (id: string) => redirected.get(id) ?? id;
    const givenTypes = await repository.typesOf(stated.map(current));
    const codes = entries.map(({ typed }) => regionCode(typed));
    const byCode = await repository.regionsByCode(codes.filter((code) => code !== undefined));
    const ids = new Map<string, ResolvedId>();
    // New entities of this report by key, so a later ref with the same name or alias joins them.
    const newByKey = new Map<string, ResolvedId>();
    const named: { resolved: ResolvedId; typed: TypedEntityInput }[] = [];
    const problems: FieldProblem[] = [];
    entries.forEach(({ ref, typed }, index) => {
      const id = typed.input.id ? current(typed.input.id) : undefined;
      const idType = id ? givenTypes.get(id) : undefined;
      const keys = keysByEntry[index] ?? [];
      if (id && idType && idType !== typed.type) {
        problems.push({ field: idField(index, typed.type), message: `"${id}" is a ${idType}, not a ${typed.type}` });
        return;
      }
      const held = keys.map((key) => claimed.get(key)).find((holder) => holder !== null && holder !== undefined);
      const joined = keys.map((key) => newByKey.get(key)).find((resolved) => resolved !== undefined);
      const code = codes[index];
      const coded = code === undefined ? undefined : byCode.get(code);
      let resolved: ResolvedId;
      if (id && idType) resolved = { id, mustCreate: false };
      else if (held) resolved = { id: held, mustCreate: false };
      else if (coded) resolved = { id: coded, mustCreate: false };
      else if (joined) resolved = joined;
      else if (id) resolved = { id, mustCreate: false };
      else if (resolvesByName(typed.type) && typed.input.name) {
        resolved = { id: slugId(typed.type, typed.input.name), mustCreate: true };
        named.push({ resolved, typed });
      } else {
        resolved = { id: `${ID_PREFIX[typed.type]}:${shortHash(sourceId ?? '', ref)}`, mustCreate: false };
      }
      for (const key of keys) if (!newByKey.has(key) && !claimed.get(key)) newByKey.set(key, resolved);
      ids.set(ref, resolved);
    });
    if (problems.length > 0) fail(problems);
    // A slug can be held by an entity since renamed: the new entity then takes a suffixed id.
    const taken = await repository.typesOf(named.map(({ resolved }) => resolved.id));
    for (const { resolved, typed } of named) {
      if (taken.has(resolved.id)) resolved.id = await this.freeId(repository, typed);
    }
    return ids;
  }

  /** An id for a new entity: its slug, or the slug with a suffix when an entity already holds it. */
  private async freeId(repository: WriteRepository, typed: TypedEntityInput): Promise<string> {
    const name = typed.input.name;
    if (!name) return `${ID_PREFIX[typed.type]}:${shortHash(String(Date.now()), String(Math.random()))}`;
    const base = slugId(typed.type, name);
    const options = [base, `${base}-${shortHash(matchKey(name)).slice(0, 6)}`];
    const taken = await repository.typesOf(options);
    return (
      options.find((option) => !taken.has(option)) ??
      `${base}-${shortHash(String(Date.now()), String(Math.random())).slice(0, 6)}`
    );
  }

  private async assertSourceExists(repository: WriteRepository, sourceId: string, field: string): Promise<void> {
    const types = await repository.typesOf([sourceId]);
    if (types.get(sourceId) !== 'Source') fail([{ field, message: `no Source with id "${sourceId}"` }]);
  }

  /**
   * Restatements of facts sources may disagree on, reconciled with the stored claims (`claims.ts`);
   * the entities must have been touched, so their stored state is known.
   */
  private async reconcileClaims(unit: WriteUnit, writes: EntityWrite[]): Promise<EntityWrite[]> {
    const stored = (write: EntityWrite) => unit.recorder.entityState(write.id)?.props;
    const unclaimed = writes.filter((write) => {
      const before = stored(write);
      return (
        before && parseClaims(before.claims?.v).length === 0 && disagreements(write.type, write, before).length > 0
      );
    });
    const origins = await unit.repository.firstStatements(unclaimed.map((write) => write.id));
    const now = new Date().toISOString();
    return writes.map((write) => {
      const before = stored(write);
      return before ? reconcile(write.type, write, before, origins.get(write.id) ?? null, now) : write;
    });
  }

  /** Records the entity, its keys and its statement in a source as touched, before writing it. */
  private async touchEntity(unit: WriteUnit, id: string, keys: readonly string[], sourceId: string | null) {
    unit.statedIn(sourceId);
    await unit.recorder.touchEntities([id]);
    await unit.recorder.touchKeys(keys);
    if (sourceId) await unit.recorder.touchTiePairs([{ type: 'STATED_IN', from: id, to: sourceId }]);
  }

  private async writeTies(
    unit: WriteUnit,
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
    const { repository, recorder } = unit;
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
    await recorder.touchTiePairs(ties.map((tie) => ({ type: tie.details.type, from: tie.from, to: tie.to })));
    const writes: TieWrite[] = ties.map((tie) => ({
      type: tie.details.type,
      from: tie.from,
      to: tie.to,
      key: tieKey(tie.details.type, tie.details),
      props: tieProps(tie.details, tie.onBehalfOf, replace),
      title: tie.details.title ?? null,
      sourceId: tie.statement.sourceId,
      locator: tie.statement.locator,
      quote: tie.statement.quote,
    }));
    return repository.upsertTies(writes);
  }
}
