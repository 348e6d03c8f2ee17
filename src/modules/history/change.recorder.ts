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

interface TieState {
  readonly identity: TieIdentity;
  readonly props: TypedProps;
}

/** A fact's state as a write statement returned it, and the number of that statement. */
interface Written<State> {
  readonly statement: number;
  readonly state: State;
}

/**
 * Records one write transaction as one change. A write tells the recorder which facts it is about
 * to touch (entities, the ties on given pairs, all ties of entities it deletes or merges,
 * resolution keys); the recorder locks and reads their state before the write and again at the
 * end, and appends the difference as a `Change` node in the same transaction: the log and the
 * data commit together or not at all. A write that changed nothing leaves no change.
 *
 * Reading again at the end is most of the log's cost in a batched load, so a write statement may
 * hand over the state it leaves (`entitiesWritten`, `tiesWritten`). The recorder counts the
 * write's statements (they run through `watch`) and trusts a handed-over state only when nothing
 * else can have changed the fact: the statement that wrote it ran right after the fact was
 * touched, and no statement ran after it. Anything else is read again, so a write that does more
 * than the recorder knows of is recorded correctly, only not as cheaply.
 */
export class ChangeRecorder {
  private readonly repository: ChangeRepository;
  private readonly entityBefore = new Map<string, EntityState | null>();
  private readonly pairs = new Map<string, TiePair>();
  private readonly tieBefore = new Map<string, { identity: TieIdentity; props: TypedProps | null }>();
  private readonly keyBefore = new Map<string, string | null>();
  /** The write's statements so far, and how many had run when each entity or pair was touched. */
  private statements = 0;
  private readonly touchedAt = new Map<string, number>();
  private readonly entityAfter = new Map<string, Written<EntityState>>();
  private readonly pairAfter = new Map<string, Written<TieState[]>>();

  constructor(tx: WriteScope) {
    this.repository = new ChangeRepository(tx);
  }

  /** The transaction as the write's own statements must use it, so that each one is counted. */
  watch(tx: WriteScope): WriteScope {
    return {
      run: (query, params) => {
        this.statements += 1;
        return tx.run(query, params);
      },
    };
  }

  /** The entities' states as the statement that just ran left them. */
  entitiesWritten(states: readonly ({ readonly id: string } & EntityState)[]): void {
    const counts = countBy(states.map((state) => state.id));
    for (const { id, type, props } of states) {
      if (counts.get(id) === 1 && this.justTouched(id)) {
        this.entityAfter.set(id, { statement: this.statements, state: { type, props } });
      }
    }
  }

  /** The ties' states as the statement that just ran left them; the pairs' other ties are as they were. */
  tiesWritten(states: readonly TieState[]): void {
    const counts = countBy(states.map((state) => tieToken(state.identity)));
    const byPair = new Map<string, TieState[]>();
    for (const state of states) {
      const key = pairKey(state.identity);
      byPair.set(key, [...(byPair.get(key) ?? []), state]);
    }
    for (const [key, written] of byPair) {
      // A tie written twice by one statement: which row is its last state is the planner's affair.
      if (!this.justTouched(key) || written.some((state) => counts.get(tieToken(state.identity)) !== 1)) continue;
      const after = new Map<string, TieState>();
      for (const [token, { identity, props }] of this.tieBefore) {
        if (props !== null && pairKey(identity) === key) after.set(token, { identity, props });
      }
      for (const state of written) after.set(tieToken(state.identity), state);
      this.pairAfter.set(key, { statement: this.statements, state: [...after.values()] });
    }
  }

  /** Whether the fact was touched just before the last statement, which alone may have changed it since. */
  private justTouched(key: string): boolean {
    return this.touchedAt.get(key) === this.statements - 1;
  }

  /** A handed-over state still true now: no statement ran after the one that returned it. */
  private current<State>(written: Written<State> | undefined): State | undefined {
    return written?.statement === this.statements ? written.state : undefined;
  }

  /** Entities the write may create, change or delete. */
  async touchEntities(ids: readonly string[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => !this.entityBefore.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.touchedAt.set(id, this.statements);
    for (const [id, state] of await this.repository.lockedEntityStates(fresh)) this.entityBefore.set(id, state);
  }

  /** The ties on these pairs: a write may create, change or delete any of them. */
  async touchTiePairs(pairs: readonly TiePair[]): Promise<void> {
    const fresh = new Map<string, TiePair>();
    for (const pair of pairs) {
      const key = pairKey(pair);
      if (!this.pairs.has(key)) fresh.set(key, { type: pair.type, from: pair.from, to: pair.to });
    }
    if (fresh.size === 0) return;
    for (const [key, pair] of fresh) {
      this.pairs.set(key, pair);
      this.touchedAt.set(key, this.statements);
    }
    // A tie's ends are locked so that no other writer changes the ties between them meanwhile.
    for (const { identity, props } of await this.repository.lockedTieStates([...fresh.values()])) {
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
    const afterEntities = new Map<string, EntityState | null>();
    for (const id of entityIds) {
      const written = this.current(this.entityAfter.get(id));
      if (written) afterEntities.set(id, written);
    }
    const unread = entityIds.filter((id) => !afterEntities.has(id));
    for (const [id, state] of await this.repository.entityStates(unread)) afterEntities.set(id, state);
    for (const id of entityIds) {
      const before = this.entityBefore.get(id) ?? null;
      const after = afterEntities.get(id) ?? null;
      const diff = diffProps(before?.props ?? null, after?.props ?? null);
      const type = after?.type ?? before?.type;
      if (diff && type) entries.push({ kind: 'entity', id, type, ...diff });
    }

    const afterTies = new Map<string, TieState>();
    const unreadPairs: TiePair[] = [];
    for (const [key, pair] of this.pairs) {
      const written = this.current(this.pairAfter.get(key));
      if (written) for (const tie of written) afterTies.set(tieToken(tie.identity), tie);
      else unreadPairs.push(pair);
    }
    for (const tie of await this.repository.tieStates(unreadPairs)) afterTies.set(tieToken(tie.identity), tie);
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

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
