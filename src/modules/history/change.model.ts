import { createHash } from 'node:crypto';

import type { EntityType } from '../entity/entity.model';
import { sameValue, type TypedProps, type TypedValue } from './change.values';

/**
 * The change log's model. A change records, for every fact a write touched, the state before and
 * after: for a created or deleted fact the whole state on one side and null on the other, for an
 * updated one only the properties that changed (a property that appeared or went is null on the
 * side where it was absent). Facts are entities, ties and resolution keys (which name resolves to
 * which entity), so that reverting a change restores the graph exactly.
 */

/** A tie between two entities of one type; the pair may hold several ties, told apart by `disc`. */
export interface TiePair {
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

/** One tie: its pair and what tells it apart (its `key`, or for STATED_IN its `locator`). */
export interface TieIdentity extends TiePair {
  readonly disc: string;
}

export type PropsChange = Readonly<Record<string, TypedValue | null>>;

export type Entry =
  | {
      readonly kind: 'entity';
      readonly id: string;
      readonly type: EntityType;
      readonly before: PropsChange | null;
      readonly after: PropsChange | null;
    }
  | (TieIdentity & { readonly kind: 'tie'; readonly before: PropsChange | null; readonly after: PropsChange | null })
  | { readonly kind: 'key'; readonly key: string; readonly before: string | null; readonly after: string | null };

export interface ChangeMeta {
  readonly operation: string;
  readonly actor: string;
  /** The source the write came with (a report's source, a mutation's `statedIn`). */
  readonly sourceId: string | null;
  /** The change this one reverts. */
  readonly revertOf?: string | null;
}

export interface ChangeRecord extends ChangeMeta {
  readonly id: string;
  /** ISO datetime. */
  readonly at: string;
  readonly entries: readonly Entry[];
}

/** The property ties are told apart by: STATED_IN ties (provenance) by locator, the others by key. */
export function discProperty(type: string): 'locator' | 'key' {
  return type === 'STATED_IN' ? 'locator' : 'key';
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

export function pairKey(pair: TiePair): string {
  return `${pair.type}\u0000${pair.from}\u0000${pair.to}`;
}

/**
 * The word a change is found by in the `change_subjects` full-text index: an entity's id, or a
 * digest for a tie or a key (whose natural identities hold spaces, which the index splits on).
 */
export function tieToken(tie: TieIdentity): string {
  return `tie:${digest(`${pairKey(tie)}\u0000${tie.disc}`)}`;
}

export function keyToken(key: string): string {
  return `key:${digest(key)}`;
}

export function entryToken(entry: Entry): string {
  switch (entry.kind) {
    case 'entity':
      return entry.id;
    case 'tie':
      return tieToken(entry);
    case 'key':
      return keyToken(entry.key);
  }
}

/** The entities an entry concerns: an entity itself, a tie's two ends, a key's entities. */
export function entryEntityIds(entry: Entry): string[] {
  switch (entry.kind) {
    case 'entity':
      return [entry.id];
    case 'tie':
      return [entry.from, entry.to];
    case 'key':
      return [entry.before, entry.after].filter((id): id is string => id !== null);
  }
}

/**
 * What changed between two states of one property map: null when nothing did; whole states for
 * a creation or deletion; otherwise the changed properties on both sides.
 */
export function diffProps(
  before: TypedProps | null,
  after: TypedProps | null,
): { before: PropsChange | null; after: PropsChange | null } | null {
  if (before === null && after === null) return null;
  if (before === null || after === null) return { before, after };
  const changedBefore: Record<string, TypedValue | null> = {};
  const changedAfter: Record<string, TypedValue | null> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (sameValue(before[key], after[key])) continue;
    changedBefore[key] = before[key] ?? null;
    changedAfter[key] = after[key] ?? null;
  }
  return Object.keys(changedAfter).length === 0 ? null : { before: changedBefore, after: changedAfter };
}

/** created, deleted or updated, from an entry's sides. */
export function entryAction(entry: Entry): 'CREATED' | 'DELETED' | 'UPDATED' {
  if (entry.before === null) return 'CREATED';
  if (entry.after === null) return 'DELETED';
  return 'UPDATED';
}

/** A time-ordered id: `change:` then the time in base 36 (sorts as text) and a random part. */
export function newChangeId(now: Date, random: string): string {
  return `change:${now.getTime().toString(36).padStart(10, '0')}-${random}`;
}
