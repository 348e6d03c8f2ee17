import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import { entityColumn, entityProjection } from '../entity/entity.columns';
import type { EntityRecord } from '../entity/entity.record';

const disputedQuery = defineQuery(
  'claim.disputed',
  `MATCH (n:Entity)
   WHERE n.disputed = true AND ($type IS NULL OR $type IN labels(n)) AND ($after IS NULL OR n.id > $after)
   RETURN ${entityProjection('n')} AS node
   ORDER BY n.id
   LIMIT toInteger($limit)`,
  z.object({ node: entityColumn }),
);

const disputedCountQuery = defineQuery(
  'claim.disputedCount',
  `MATCH (n:Entity) WHERE n.disputed = true AND ($type IS NULL OR $type IN labels(n)) RETURN count(n) AS count`,
  z.object({ count: z.number() }),
);

/** Reads of the entities sources disagree on (`disputed`, indexed by migration 0006). */
export class ClaimRepository {
  constructor(private readonly db: Executor) {}

  async disputed(type: string | null, after: string | null, limit: number): Promise<EntityRecord[]> {
    return (await this.db.read(disputedQuery, { type, after, limit })).map((row) => row.node);
  }

  async disputedCount(type: string | null): Promise<number> {
    return (await this.db.readOne(disputedCountQuery, { type }))?.count ?? 0;
  }
}
