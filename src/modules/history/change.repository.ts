import { z } from 'zod';

import type { WriteScope } from '../../db/executor';
import { defineQuery } from '../../db/query';
import { ENTITY_TYPES, type EntityType } from '../entity/entity.model';
import type { ChangeRecord, TieIdentity, TiePair } from './change.model';
import { byIdQuery, type ChangeRow, subjectQuery, touchingSinceQuery } from './history.repository';
import { typedPropsCypher, typedPropsColumn, type TypedProps } from './change.values';

/**
 * The change log's statements inside a write transaction: reading the state of the facts a
 * write touches (before and after it), and appending the change. Facts are read with their
 * property types (`change.values.ts`), so what is recorded can be written back exactly.
 */

/**
 * An entity's write lock is taken before its state is read, so a concurrent writer of the same
 * entity waits and the state recorded as "before" is the one this write changes. Sorted ids keep
 * two writers from waiting on each other in a circle. Setting and removing a property takes the
 * lock and leaves nothing behind.
 */
const LOCK = `SET n._lock = true
     REMOVE n._lock`;

const entityStateColumns = `id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
          CASE WHEN n IS NULL THEN null ELSE ${typedPropsCypher('n')} END AS props`;
const entityStateRow = z.object({
  id: z.string(),
  type: z.enum(ENTITY_TYPES).nullable(),
  props: typedPropsColumn.nullable(),
});

const entityStatesQuery = defineQuery(
  'history.entityStates',
  `UNWIND $ids AS id
   OPTIONAL MATCH (n:Entity {id: id})
   RETURN ${entityStateColumns}`,
  entityStateRow,
);

/** The state before a write: each entity locked, then read (one statement, one round trip). */
const lockedEntityStatesQuery = defineQuery(
  'history.lockedEntityStates',
  `UNWIND $ids AS id
   OPTIONAL MATCH (n:Entity {id: id})
   CALL (n) {
     WITH n WHERE n IS NOT NULL
     ${LOCK}
   }
   RETURN ${entityStateColumns}`,
  entityStateRow,
);

const tieStatesOfPairs = `UNWIND $pairs AS p
   OPTIONAL MATCH (a:Entity {id: p.from})
   OPTIONAL MATCH (b:Entity {id: p.to})
   // Both ends found first, so the ties between them are found from the end with fewer (expand
   // into), not by walking every tie of a busy region.
   OPTIONAL MATCH (a)-[r:$(p.type)]->(b)
   RETURN p.type AS type, p.from AS from, p.to AS to,
          collect(CASE WHEN r IS NOT NULL
                       THEN [CASE p.type WHEN 'STATED_IN' THEN r.locator ELSE r.key END, ${typedPropsCypher('r')}]
                  END) AS ties`;
const tieStatesRow = z.object({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  ties: z.array(z.tuple([z.string().nullable(), typedPropsColumn])),
});

/** The ties on each pair, with their typed properties. */
const tieStatesQuery = defineQuery('history.tieStates', tieStatesOfPairs, tieStatesRow);

/** The ties on each pair before a write, their ends locked first so no other writer changes them meanwhile. */
const lockedTieStatesQuery = defineQuery(
  'history.lockedTieStates',
  `CALL () {
     UNWIND $ends AS id
     MATCH (n:Entity {id: id})
     ${LOCK}
   }
   ${tieStatesOfPairs}`,
  tieStatesRow,
);

/** Every tie at one of the entities, either way. */
const tiesOfQuery = defineQuery(
  'history.tiesOf',
  `UNWIND $ids AS id
   MATCH (:Entity {id: id})-[r]-(:Entity)
   WITH DISTINCT r
   RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to`,
  z.object({ type: z.string(), from: z.string(), to: z.string() }),
);

/** The entity each key resolves to; null for a key not there or not (yet) taken. */
const keyStatesQuery = defineQuery(
  'history.keyStates',
  `UNWIND $keys AS key
   OPTIONAL MATCH (k:NameKey {key: key})
   RETURN key, k.entityId AS entityId`,
  z.object({ key: z.string(), entityId: z.string().nullable() }),
);

const keysOfQuery = defineQuery(
  'history.keysOf',
  `UNWIND $ids AS id
   MATCH (k:NameKey {entityId: id})
   RETURN k.key AS key`,
  z.object({ key: z.string() }),
);

const appendQuery = defineQuery(
  'history.append',
  `CREATE (c:Change {
     id: $id, at: datetime($at), actor: $actor, operation: $operation, sourceId: $sourceId,
     revertOf: $revertOf, entityIds: $entityIds, types: $types, subjectText: $subjectText,
     entries: $entries, entryCount: $entryCount
   })
   RETURN c.id AS id`,
  z.object({ id: z.string() }),
);

export interface EntityState {
  readonly type: EntityType;
  readonly props: TypedProps;
}

/** Reads and appends within the caller's write transaction. */
export class ChangeRepository {
  constructor(private readonly tx: WriteScope) {}

  /** The entities' states, each locked first (the state before a write). */
  async lockedEntityStates(ids: readonly string[]): Promise<Map<string, EntityState | null>> {
    return entityStatesOf(ids.length === 0 ? [] : await this.tx.run(lockedEntityStatesQuery, { ids: sortedSet(ids) }));
  }

  async entityStates(ids: readonly string[]): Promise<Map<string, EntityState | null>> {
    return entityStatesOf(ids.length === 0 ? [] : await this.tx.run(entityStatesQuery, { ids }));
  }

  /** The ties on each pair, by what tells them apart, the pairs' ends locked first (the state before a write). */
  async lockedTieStates(pairs: readonly TiePair[]): Promise<{ identity: TieIdentity; props: TypedProps }[]> {
    if (pairs.length === 0) return [];
    const ends = sortedSet(pairs.flatMap((pair) => [pair.from, pair.to]));
    return tieStatesOf(await this.tx.run(lockedTieStatesQuery, { pairs, ends }));
  }

  /** The ties on each pair, by what tells them apart. */
  async tieStates(pairs: readonly TiePair[]): Promise<{ identity: TieIdentity; props: TypedProps }[]> {
    return tieStatesOf(pairs.length === 0 ? [] : await this.tx.run(tieStatesQuery, { pairs }));
  }

  async tiesOf(ids: readonly string[]): Promise<TiePair[]> {
    return ids.length === 0 ? [] : this.tx.run(tiesOfQuery, { ids });
  }

  async keyStates(keys: readonly string[]): Promise<Map<string, string | null>> {
    const rows = keys.length === 0 ? [] : await this.tx.run(keyStatesQuery, { keys });
    return new Map(rows.map((row) => [row.key, row.entityId]));
  }

  async keysOf(ids: readonly string[]): Promise<string[]> {
    const rows = ids.length === 0 ? [] : await this.tx.run(keysOfQuery, { ids });
    return rows.map((row) => row.key);
  }

  async change(id: string): Promise<ChangeRow | undefined> {
    const [row] = await this.tx.run(byIdQuery, { id });
    return row;
  }

  /** The ids of changes made after `since` that touched any of the facts named by `words`. */
  async touchedSince(since: string, words: readonly string[]): Promise<string[]> {
    if (words.length === 0) return [];
    const rows = await this.tx.run(touchingSinceQuery, { since, words: subjectQuery(words) });
    return rows.map((row) => row.id);
  }

  async append(change: ChangeRecord, entityIds: readonly string[], tokens: readonly string[]): Promise<void> {
    const types = [...new Set(change.entries.flatMap((entry) => (entry.kind === 'key' ? [] : [entry.type])))];
    await this.tx.run(appendQuery, {
      id: change.id,
      at: change.at,
      actor: change.actor,
      operation: change.operation,
      sourceId: change.sourceId,
      revertOf: change.revertOf ?? null,
      entityIds,
      types,
      subjectText: tokens.join(' '),
      entries: JSON.stringify(change.entries),
      entryCount: change.entries.length,
    });
  }
}

function sortedSet(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

function entityStatesOf(rows: readonly z.infer<typeof entityStateRow>[]): Map<string, EntityState | null> {
  return new Map(rows.map((row) => [row.id, row.type && row.props ? { type: row.type, props: row.props } : null]));
}

function tieStatesOf(rows: readonly z.infer<typeof tieStatesRow>[]): { identity: TieIdentity; props: TypedProps }[] {
  return rows.flatMap((row) =>
    row.ties.map(([disc, props]) => ({
      identity: { type: row.type, from: row.from, to: row.to, disc: disc ?? '' },
      props,
    })),
  );
}
