import { randomBytes } from 'node:crypto';

import type { WriteScope } from '../../db/executor';
import {
  type ChangeMeta,
  type ChangeRecord,
  diffProps,
  type Entry,
  entryEntityIds,
  entryToken,
  newChangeId,
  pairKey,
  type TieIdentity,
  type TiePair,
  tieToken,
} from './change.model';
import { ChangeRepository, type EntityState } from './change.repository';
import type { TypedProps } from './change.values';

/**
 * Records one write transaction as one change. A write tells the recorder which facts it is about
 * to touch (entities, the ties on given pairs, all ties of entities it deletes or merges,
 * resolution keys); the recorder locks and reads their state before the write and again at the
 * end, and appends the difference as a `Change` node in the same transaction: the log and the
 * data commit together or not at all. A write that changed nothing leaves no change.
 */
export class ChangeRecorder {
  private readonly repository: ChangeRepository;
  private readonly entityBefore = new Map<string, EntityState | null>();
  private readonly pairs = new Map<string, TiePair>();
  private readonly tieBefore = new Map<string, { identity: TieIdentity; props: TypedProps | null }>();
  private readonly keyBefore = new Map<string, string | null>();

  constructor(tx: WriteScope) {
    this.repository = new ChangeRepository(tx);
  }

  /** Entities the write may create, change or delete. */
  async touchEntities(ids: readonly string[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => !this.entityBefore.has(id));
    if (fresh.length === 0) return;
    await this.repository.lock(fresh);
    for (const [id, state] of await this.repository.entityStates(fresh)) this.entityBefore.set(id, state);
  }

  /** The ties on these pairs: a write may create, change or delete any of them. */
  async touchTiePairs(pairs: readonly TiePair[]): Promise<void> {
    const fresh = new Map<string, TiePair>();
    for (const pair of pairs) {
      const key = pairKey(pair);
      if (!this.pairs.has(key)) fresh.set(key, { type: pair.type, from: pair.from, to: pair.to });
    }
    if (fresh.size === 0) return;
    const list = [...fresh.values()];
    // A tie's ends are locked so that no other writer changes the ties between them meanwhile.
    await this.repository.lock(list.flatMap((pair) => [pair.from, pair.to]));
    for (const [key, pair] of fresh) this.pairs.set(key, pair);
    for (const { identity, props } of await this.repository.tieStates(list)) {
      this.tieBefore.set(tieToken(identity), { identity, props });
    }
  }

  /** Every tie at these entities (before deleting or merging them). */
  async touchAllTiesOf(ids: readonly string[]): Promise<void> {
    await this.touchTiePairs(await this.repository.tiesOf(ids));
  }

  /** Resolution keys the write may claim, free or move. */
  async touchKeys(keys: readonly string[]): Promise<void> {
    const fresh = [...new Set(keys)].filter((key) => !this.keyBefore.has(key));
    if (fresh.length === 0) return;
    for (const [key, entityId] of await this.repository.keyStates(fresh)) this.keyBefore.set(key, entityId);
  }

  /** The keys these entities hold now, recorded as touched (before freeing or moving them). */
  async touchKeysOf(ids: readonly string[]): Promise<void> {
    await this.touchKeys(await this.repository.keysOf(ids));
  }

  /** The log's repository, for reads of the log within this transaction (a revert reads the change). */
  get log(): ChangeRepository {
    return this.repository;
  }

  /** An entity's state as it was when first touched (so far unchanged by this write). */
  entityState(id: string): EntityState | null {
    return this.entityBefore.get(id) ?? null;
  }

  /** A tie's state as it was when its pair was first touched. */
  tieState(identity: TieIdentity): TypedProps | null {
    return this.tieBefore.get(tieToken(identity))?.props ?? null;
  }

  /** The ties there were, when touched, at an entity (of the pairs touched). */
  tiesAt(id: string): TieIdentity[] {
    return [...this.tieBefore.values()]
      .filter(({ identity, props }) => props !== null && (identity.from === id || identity.to === id))
      .map(({ identity }) => identity);
  }

  keyState(key: string): string | null {
    return this.keyBefore.get(key) ?? null;
  }

  /** Reads every touched fact again and appends the change; null when nothing changed. */
  async finish(meta: ChangeMeta, now = new Date()): Promise<ChangeRecord | null> {
    const entries: Entry[] = [];

    const entityIds = [...this.entityBefore.keys()];
    const afterEntities = await this.repository.entityStates(entityIds);
    for (const id of entityIds) {
      const before = this.entityBefore.get(id) ?? null;
      const after = afterEntities.get(id) ?? null;
      const diff = diffProps(before?.props ?? null, after?.props ?? null);
      const type = after?.type ?? before?.type;
      if (diff && type) entries.push({ kind: 'entity', id, type, ...diff });
    }

    const afterTies = new Map<string, { identity: TieIdentity; props: TypedProps }>();
    for (const tie of await this.repository.tieStates([...this.pairs.values()])) {
      afterTies.set(tieToken(tie.identity), tie);
    }
    for (const token of new Set([...this.tieBefore.keys(), ...afterTies.keys()])) {
      const before = this.tieBefore.get(token);
      const after = afterTies.get(token);
      const identity = (before ?? after)?.identity;
      const diff = diffProps(before?.props ?? null, after?.props ?? null);
      if (diff && identity) entries.push({ kind: 'tie', ...identity, ...diff });
    }

    const keys = [...this.keyBefore.keys()];
    const afterKeys = await this.repository.keyStates(keys);
    for (const key of keys) {
      const before = this.keyBefore.get(key) ?? null;
      const after = afterKeys.get(key) ?? null;
      if (before !== after) entries.push({ kind: 'key', key, before, after });
    }

    if (entries.length === 0) return null;
    const change: ChangeRecord = {
      ...meta,
      revertOf: meta.revertOf ?? null,
      id: newChangeId(now, randomBytes(5).toString('hex')),
      at: now.toISOString(),
      entries,
    };
    const concerned = [...new Set(entries.flatMap(entryEntityIds))];
    const tokens = [...new Set([...concerned, ...entries.map(entryToken)])];
    await this.repository.append(change, concerned, tokens);
    return change;
  }
}
