import { z } from 'zod';

import type { WriteScope } from '../../db/executor';
import { defineQuery } from '../../db/query';

/** Facts written as given states: a revert puts recorded states back, a merge writes the combined ones. */

const restoreEntitiesQuery = defineQuery(
  'write.state.entities',
  `UNWIND $entities AS e
   CALL (e) {
     WITH e WHERE e.create
     CREATE (n:Entity {id: e.id})
     SET n = e.props, n:$(e.type)
     RETURN n
     UNION
     WITH e WHERE NOT e.create
     MATCH (n:Entity {id: e.id})
     SET n += e.props
     RETURN n
   }
   RETURN count(n) AS restored`,
  z.object({ restored: z.number() }),
);

const restoreTiesQuery = defineQuery(
  'write.state.ties',
  `UNWIND $ties AS t
   MATCH (a:Entity {id: t.from})
   MATCH (b:Entity {id: t.to})
   CALL (a, b, t) {
     WITH a, b, t WHERE t.create
     CREATE (a)-[r:$(t.type)]->(b)
     SET r = t.props
     RETURN r
     UNION
     WITH a, b, t WHERE NOT t.create
     MATCH (a)-[r:$(t.type)]->(b) WHERE r[t.discProperty] = t.disc
     SET r += t.props
     RETURN r
   }
   RETURN count(r) AS restored`,
  z.object({ restored: z.number() }),
);

const deleteTiesQuery = defineQuery(
  'write.state.deleteTies',
  `UNWIND $ties AS t
   MATCH (:Entity {id: t.from})-[r:$(t.type)]->(:Entity {id: t.to})
   WHERE r[t.discProperty] = t.disc
   DELETE r
   RETURN count(*) AS deleted`,
  z.object({ deleted: z.number() }),
);

// DELETE, not DETACH DELETE: the conflict check has made sure the change's own ties are all that
// was left, so a tie still there would be one the revert must not destroy.
const deleteEntitiesQuery = defineQuery(
  'write.state.deleteEntities',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   DELETE n
   RETURN count(*) AS deleted`,
  z.object({ deleted: z.number() }),
);

const setKeysQuery = defineQuery(
  'write.state.setKeys',
  `UNWIND $keys AS k
   MERGE (key:NameKey {key: k.key})
   SET key.entityId = k.entityId
   RETURN count(*) AS set`,
  z.object({ set: z.number() }),
);

const deleteKeysQuery = defineQuery(
  'write.state.deleteKeys',
  `UNWIND $keys AS key
   MATCH (k:NameKey {key: key})
   DELETE k
   RETURN count(*) AS deleted`,
  z.object({ deleted: z.number() }),
);

/** An entity put back: created whole, or given back the properties a change changed. */
export interface EntityRestore {
  readonly id: string;
  readonly type: string;
  readonly create: boolean;
  readonly props: Record<string, unknown>;
}

export interface TieRestore {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly disc: string;
  readonly discProperty: string;
  readonly create: boolean;
  readonly props: Record<string, unknown>;
}

export class StateRepository {
  constructor(private readonly tx: WriteScope) {}

  async restoreEntities(entities: readonly EntityRestore[]): Promise<number> {
    return (await this.tx.run(restoreEntitiesQuery, { entities }))[0]?.restored ?? 0;
  }

  async restoreTies(ties: readonly TieRestore[]): Promise<number> {
    return (await this.tx.run(restoreTiesQuery, { ties }))[0]?.restored ?? 0;
  }

  async deleteTies(ties: readonly TieRestore[]): Promise<number> {
    return (await this.tx.run(deleteTiesQuery, { ties }))[0]?.deleted ?? 0;
  }

  async deleteEntities(ids: readonly string[]): Promise<number> {
    return (await this.tx.run(deleteEntitiesQuery, { ids }))[0]?.deleted ?? 0;
  }

  async setKeys(keys: readonly { key: string; entityId: string }[]): Promise<void> {
    await this.tx.run(setKeysQuery, { keys });
  }

  async deleteKeys(keys: readonly string[]): Promise<void> {
    await this.tx.run(deleteKeysQuery, { keys });
  }
}
