import { ConflictError, InternalError, NotFoundError } from '../../errors';
import {
  discProperty,
  type Entry,
  entryToken,
  type PropsChange,
  type TieIdentity,
  tieToken,
} from '../history/change.model';
import type { ChangeRecorder } from '../history/change.recorder';
import { sameValue, type TypedProps, toParameter, toParameters } from '../history/change.values';
import type { StateRepository, TieRestore } from './state.repository';

/**
 * Reverting a change: every fact it touched goes back to its state before the change, as a new
 * change. A fact touched again since (its state is no longer what the change left) is a conflict:
 * nothing is written, and the changes that touched it are named, so no later edit is silently
 * undone. A revert can itself be reverted (a redo).
 */

type EntityEntry = Extract<Entry, { kind: 'entity' }>;
type TieEntry = Extract<Entry, { kind: 'tie' }>;
type KeyEntry = Extract<Entry, { kind: 'key' }>;

/** Whether a state still is what a change left: the same for every property the change set. */
function stillAsLeft(current: TypedProps | null, left: PropsChange | null): boolean {
  if (left === null) return current === null;
  if (current === null) return false;
  return Object.entries(left).every(([key, value]) => sameValue(current[key], value ?? undefined));
}

/** Driver parameters that put back the properties a change changed (null removes one). */
function restoring(before: PropsChange): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(before).map(([key, value]) => [key, value === null ? null : toParameter(value)]),
  );
}

function tieParameters(entry: TieIdentity & { before: PropsChange | null }, create: boolean): TieRestore {
  return {
    type: entry.type,
    from: entry.from,
    to: entry.to,
    disc: entry.disc,
    discProperty: discProperty(entry.type),
    create,
    props: create ? toParameters(entry.before as TypedProps) : restoring(entry.before ?? {}),
  };
}

/**
 * Puts back what change `id` changed, within the caller's write transaction (whose recorder
 * records the revert itself). Refuses with CONFLICT when a fact has changed since.
 */
export async function revertChange(repository: StateRepository, recorder: ChangeRecorder, id: string): Promise<void> {
  const change = await recorder.log.change(id);
  if (!change) throw new NotFoundError('Change', id);
  const entities = change.entries.filter((entry): entry is EntityEntry => entry.kind === 'entity');
  const ties = change.entries.filter((entry): entry is TieEntry => entry.kind === 'tie');
  const keys = change.entries.filter((entry): entry is KeyEntry => entry.kind === 'key');
  // Entities the revert deletes (the change created them), and the ends of ties it puts back.
  const created = entities.filter((entry) => entry.before === null).map((entry) => entry.id);
  const tieEnds = ties.filter((entry) => entry.before !== null).flatMap((entry) => [entry.from, entry.to]);

  await recorder.touchKeys(keys.map((entry) => entry.key));
  await recorder.touchEntities([...entities.map((entry) => entry.id), ...tieEnds]);
  await recorder.touchTiePairs(ties);
  await recorder.touchAllTiesOf(created);

  const changedSince: string[] = [];
  for (const entry of entities) {
    if (!stillAsLeft(recorder.entityState(entry.id)?.props ?? null, entry.after)) changedSince.push(entry.id);
  }
  for (const entry of ties) {
    if (!stillAsLeft(recorder.tieState(entry), entry.after)) changedSince.push(tieToken(entry));
  }
  for (const entry of keys) {
    if (recorder.keyState(entry.key) !== entry.after) changedSince.push(entryToken(entry));
  }
  // An entity the change created goes again only with the ties the change made: one tied to it
  // since would be lost.
  const ownTies = new Set(ties.filter((entry) => entry.before === null).map((entry) => tieToken(entry)));
  for (const entityId of created) {
    for (const tie of recorder.tiesAt(entityId)) {
      if (!ownTies.has(tieToken(tie))) changedSince.push(tieToken(tie));
    }
  }
  // A tie goes back only between entities that are there, or that the revert puts back.
  const restored = new Set(entities.filter((entry) => entry.before !== null).map((entry) => entry.id));
  for (const end of tieEnds) {
    if (!restored.has(end) && recorder.entityState(end) === null) changedSince.push(end);
  }
  if (changedSince.length > 0) {
    const later = await recorder.log.touchedSince(change.id, [...new Set(changedSince)]);
    throw new ConflictError(
      later.length > 0
        ? `Change ${change.id} cannot be reverted: what it changed was changed again by ${later.join(', ')}; ` +
            'revert those first'
        : `Change ${change.id} cannot be reverted: what it changed is no longer as it left it`,
      later,
    );
  }

  const entityRestores = entities
    .filter((entry) => entry.before !== null)
    .map((entry) => ({
      id: entry.id,
      type: entry.type,
      create: entry.after === null,
      props: entry.after === null ? toParameters(entry.before as TypedProps) : restoring(entry.before ?? {}),
    }));
  const tieRestores = ties
    .filter((entry) => entry.before !== null)
    .map((entry) => tieParameters(entry, entry.after === null));
  const tieDeletes = ties.filter((entry) => entry.before === null).map((entry) => tieParameters(entry, false));

  expectCount('restored', await repository.restoreEntities(entityRestores), entityRestores.length);
  expectCount('restored', await repository.restoreTies(tieRestores), tieRestores.length);
  expectCount('deleted', await repository.deleteTies(tieDeletes), tieDeletes.length);
  expectCount('deleted', await repository.deleteEntities(created), created.length);
  await repository.setKeys(
    keys.flatMap((entry) => (entry.before === null ? [] : [{ key: entry.key, entityId: entry.before }])),
  );
  await repository.deleteKeys(keys.filter((entry) => entry.before === null).map((entry) => entry.key));
}

/** The statements restore exactly what the checks found restorable; anything else is a bug. */
function expectCount(what: string, found: number, expected: number): void {
  if (found !== expected) throw new InternalError(`revert: ${what} ${found} of ${expected}`);
}
