import { type EntityType, matchKey, type TieType } from '../entity/entity.model';
import { resolvesByName } from '../entity/entity.specs';
import type { CodeLists } from './code-lists';
import {
  eachColumns,
  type EntityDef,
  type Mapping,
  type RowEntityType,
  type TieEnd,
  type ValueSpec,
} from './mapping.schema';
import { encodeIdPart, renderTemplate } from './template';
import { cellOf, conditionHolds, evaluate, evaluateText, RowProblem, type RowScope, splitText } from './values';

/** One entity a row states, ready to become a `ReportEntityInput`. */
export interface PlannedEntity {
  /** Unique within a report: `r12.member.3`. */
  readonly ref: string;
  readonly type: RowEntityType;
  /** The typed input (`document: {…}`), with nested paths such as `value.amount` expanded. */
  readonly fields: Record<string, unknown>;
  /** The name a code list gave it: an entity already in the graph keeps its own name instead. */
  readonly listName?: string;
  /** What makes two planned entities the same: their id, or their type and folded name. */
  readonly identity: string;
}

export type PlannedEnd = { readonly ref: string; readonly identity: string } | { readonly id: string };

/** One tie a row states. */
export interface PlannedTie {
  readonly type: TieType;
  readonly from: PlannedEnd;
  readonly to: PlannedEnd;
  readonly onBehalfOf?: PlannedEnd;
  readonly details: { title?: string; role?: string; since?: string; until?: string };
  readonly identity: string;
}

export interface RowPlan {
  readonly row: number;
  readonly line: number;
  readonly locator: string;
  readonly entities: PlannedEntity[];
  /** Ties between this row's own entities. */
  readonly ties: PlannedTie[];
  /** Ties with an end named by id (another row's entity, or one in the graph): applied after all rows. */
  readonly deferred: PlannedTie[];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  });
  node[keys[keys.length - 1] as string] = value;
}

export function entityIdentity(type: EntityType, fields: Record<string, unknown>, ref: string): string {
  if (typeof fields.id === 'string') return `id:${fields.id}`;
  const name = fields.name ?? (type === 'Document' ? fields.title : undefined);
  if (resolvesByName(type) && typeof name === 'string') return `name:${type}:${matchKey(name)}`;
  return `ref:${ref}`;
}

export function endIdentity(end: PlannedEnd): string {
  return 'id' in end ? `id:${end.id}` : end.identity;
}

/** Items of an `each`: the non-empty cells of its columns, split if asked, without repeats. */
function eachItems(def: NonNullable<EntityDef['each']>, scope: RowScope): { value: string; column: string }[] {
  const items: { value: string; column: string }[] = [];
  const seen = new Set<string>();
  for (const column of eachColumns(def)) {
    const cell = cellOf(scope, column);
    if (cell === undefined) continue;
    const values = def.split === undefined ? [cell] : splitText(cell, def.split).map((value) => value.trim());
    for (const value of values) {
      if (value === '' || scope.empty.has(value) || seen.has(value)) continue;
      seen.add(value);
      items.push({ value, column });
    }
  }
  return items;
}

function planEntity(def: EntityDef, scope: RowScope, ref: string, codeLists: CodeLists): PlannedEntity | undefined {
  let fields: Record<string, unknown> = {};
  let listName: string | undefined;
  if (def.lookup !== undefined) {
    const lookup = typeof def.lookup === 'string' ? { list: def.lookup, key: undefined } : def.lookup;
    const key: ValueSpec = lookup.key ?? { column: '$value' };
    const code = evaluateText(key, scope, { codeLists });
    if (code === undefined) return undefined;
    const column = scope.item?.column ?? (typeof key === 'object' ? key.column : undefined);
    const found = codeLists.lookup(lookup.list, code);
    if (!found.found) {
      if (found.onUnknown === 'skip') return undefined;
      throw new RowProblem(found.message ?? `"${code}" is not in ${codeLists.describe(lookup.list)}`, column);
    }
    if (typeof found.value !== 'object') {
      throw new RowProblem(`code list "${lookup.list}" gives a value for "${code}", not entity fields`, column);
    }
    fields = structuredClone(found.value);
    if (typeof fields.name === 'string' && def.fields.name === undefined) listName = fields.name;
  }
  for (const [path, spec] of Object.entries(def.fields)) {
    const value = evaluate(spec, scope, { codeLists, encode: path === 'id' ? encodeIdPart : undefined });
    if (value !== undefined) setPath(fields, path, value);
  }
  return { ref, type: def.type, fields, listName, identity: entityIdentity(def.type, fields, ref) };
}

/**
 * Turns one row into the entities and ties it states. Throws a RowProblem (the row is rejected)
 * when a value cannot be read or a code is unknown to a list that rejects unknown codes.
 */
export function planRow(mapping: Mapping, codeLists: CodeLists, scope: RowScope): RowPlan {
  const locator = renderTemplate(mapping.locatorTemplate, (column) => cellOf(scope, column));
  if (locator === undefined) throw new RowProblem(`the locator "${mapping.locator}" reads an empty cell`);

  const byRef = new Map<string, PlannedEntity[]>();
  const entities: PlannedEntity[] = [];
  for (const def of mapping.entities) {
    const instances: PlannedEntity[] = [];
    if (def.each) {
      const seen = new Set<string>();
      eachItems(def.each, scope).forEach((item, index) => {
        const itemScope: RowScope = { ...scope, item };
        if (!conditionHolds(def.when, itemScope)) return;
        const planned = planEntity(def, itemScope, `r${scope.row}.${def.ref}.${index + 1}`, codeLists);
        if (planned && !seen.has(planned.identity)) {
          seen.add(planned.identity);
          instances.push(planned);
        }
      });
    } else if (conditionHolds(def.when, scope)) {
      const planned = planEntity(def, scope, `r${scope.row}.${def.ref}`, codeLists);
      if (planned) instances.push(planned);
    }
    byRef.set(def.ref, instances);
    entities.push(...instances);
  }

  const ends = (end: TieEnd): PlannedEnd[] => {
    if (typeof end === 'string') return (byRef.get(end) ?? []).map(({ ref, identity }) => ({ ref, identity }));
    const id = evaluateText(end.id, scope, { codeLists, encode: encodeIdPart });
    return id === undefined ? [] : [{ id }];
  };
  const text = (spec: ValueSpec | undefined): string | undefined => {
    return spec === undefined ? undefined : evaluateText(spec, scope, { codeLists });
  };

  const ties: PlannedTie[] = [];
  const deferred: PlannedTie[] = [];
  const seen = new Set<string>();
  for (const def of mapping.ties) {
    if (!conditionHolds(def.when, scope)) continue;
    const details = { title: text(def.title), role: text(def.role), since: text(def.since), until: text(def.until) };
    const onBehalfOf = def.onBehalfOf === undefined ? undefined : ends(def.onBehalfOf)[0];
    for (const from of ends(def.from)) {
      for (const to of ends(def.to)) {
        const fromIdentity = endIdentity(from);
        const toIdentity = endIdentity(to);
        // A tie from an entity to itself states nothing (a DESTA base treaty is not part of itself).
        if (fromIdentity === toIdentity) continue;
        const identity = [def.type, fromIdentity, toIdentity, matchKey(details.title ?? '')].join('|');
        if (seen.has(identity)) continue;
        seen.add(identity);
        const tie: PlannedTie = { type: def.type, from, to, onBehalfOf, details, identity };
        const byId = 'id' in from || 'id' in to || (onBehalfOf !== undefined && 'id' in onBehalfOf);
        (byId ? deferred : ties).push(tie);
      }
    }
  }
  return { row: scope.row, line: scope.line, locator, entities, ties, deferred };
}
