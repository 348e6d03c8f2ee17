import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';

/** How many stored names the gazetteer reads; a graph larger than this is read in name order up to it. */
export const MAX_GAZETTEER_ENTRIES = 200_000;

const gazetteerQuery = defineQuery(
  'extract.gazetteer',
  `MATCH (n:Entity)
   WHERE n:Region OR n:Organization OR n:Official OR n:Forum OR n:Sector
   WITH n ORDER BY n.name LIMIT toInteger($limit)
   RETURN n.id AS id,
          head([label IN labels(n) WHERE label <> 'Entity']) AS type,
          n.name AS name,
          coalesce(n.aliases, []) AS aliases,
          n.kind AS kind,
          n.iso2 AS iso2,
          n.isoSubdivision AS isoSubdivision`,
  z.object({
    id: z.string(),
    type: z.enum(['Region', 'Organization', 'Official', 'Forum', 'Sector']),
    name: z.string(),
    aliases: z.array(z.string()),
    kind: z.string().nullable(),
    iso2: z.string().nullable(),
    isoSubdivision: z.string().nullable(),
  }),
);

export type StoredName = z.infer<typeof gazetteerQuery.row>;

export class ExtractRepository {
  constructor(private readonly db: Executor) {}

  /** Every stored name and alias of the entity types a text names (not documents, figures or sources). */
  storedNames(limit = MAX_GAZETTEER_ENTRIES): Promise<StoredName[]> {
    return this.db.read(gazetteerQuery, { limit });
  }
}
