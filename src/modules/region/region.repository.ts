import { z } from 'zod';

import { defineQuery } from '../../db/query';
import type { Loaders } from '../../graphql/loaders';
import { entityColumn, entityProjection } from '../entity/entity.columns';
import type { EntityRecord } from '../entity/entity.record';
import { PART_OF_ANY } from '../entity/entity.parts';

// Officials of a region: those holding a position in a body based in it or one of its parts, and
// those who signed or attended on its behalf.
const officialsQuery = defineQuery(
  'region.officials',
  `UNWIND $keys AS key
   MATCH (r:Region {id: key})
   CALL (r) {
     MATCH (n:Official)-[:HOLDS]->(:Organization)-[:BASED_IN]->(:Region)-[:${PART_OF_ANY}]->(r)
     RETURN n
     UNION
     MATCH (n:Official)-[t:SIGNED|ATTENDED]->()
     WHERE t.onBehalfOf = r.id
     RETURN n
   }
   RETURN DISTINCT key, ${entityProjection('n')} AS node
   ORDER BY node.name`,
  z.object({ key: z.string(), node: entityColumn }),
);

export class RegionRepository {
  constructor(private readonly loaders: Loaders) {}

  async officials(regionId: string): Promise<EntityRecord[]> {
    const rows = await this.loaders.load(officialsQuery, regionId);
    return rows.map((row) => row.node);
  }
}
