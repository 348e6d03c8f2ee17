import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';

const countRow = z.object({ name: z.string(), count: z.number() });
export type CountRow = z.infer<typeof countRow>;

// Every entity node has `Entity` plus one type label; count by the type label.
const nodesByLabelQuery = defineQuery(
  'overview.nodes.byLabel',
  `MATCH (n:Entity)
   UNWIND [label IN labels(n) WHERE label <> 'Entity'] AS name
   RETURN name, count(*) AS count
   ORDER BY name`,
  countRow,
);

const relationshipsByTypeQuery = defineQuery(
  'overview.relationships.byType',
  `MATCH (:Entity)-[r]->(:Entity)
   RETURN type(r) AS name, count(*) AS count
   ORDER BY name`,
  countRow,
);

export class OverviewRepository {
  constructor(private readonly db: Executor) {}

  nodesByLabel(): Promise<CountRow[]> {
    return this.db.read(nodesByLabelQuery);
  }

  relationshipsByType(): Promise<CountRow[]> {
    return this.db.read(relationshipsByTypeQuery);
  }
}
