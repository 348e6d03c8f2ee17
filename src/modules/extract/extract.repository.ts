import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import type { StoredEvent } from './events';

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

/** How many dated forums the event matcher reads, the latest first. */
export const MAX_STORED_EVENTS = 50_000;

const storedDocument = z.object({
  id: z.string(),
  kind: z.string().nullable(),
  count: z.number().nullable(),
  value: z.number().nullable(),
});

/** Forums held on a given day, with the regions they involve and the documents signed at them. */
const eventsQuery = defineQuery(
  'extract.events',
  `MATCH (f:Forum)
   WHERE f.date IS NOT NULL AND f.datePrecision = 'DAY'
   WITH f ORDER BY f.date DESC LIMIT toInteger($limit)
   CALL (f) {
     OPTIONAL MATCH (f)-[:INVOLVES|HELD_IN]->(r:Region)
     RETURN collect(DISTINCT r.id) AS regions
   }
   CALL (f) {
     OPTIONAL MATCH (d:Document)-[:SIGNED_AT]->(f)
     CALL (d) {
       OPTIONAL MATCH (part:Document)-[:PART_OF]->(d)
       RETURN [p IN collect(part) | {id: p.id, kind: p.kind, count: p.count, value: p.valueAmount}] AS parts
     }
     RETURN [x IN collect(CASE WHEN d IS NULL THEN null
             ELSE {id: d.id, kind: d.kind, count: d.count, value: d.valueAmount, parts: parts} END) WHERE x IS NOT NULL] AS documents
   }
   RETURN f.id AS id, f.name AS name, toString(f.date) AS date, f.kind AS kind, f.edition AS edition,
          regions, documents`,
  z.object({
    id: z.string(),
    name: z.string(),
    date: z.string(),
    kind: z.string().nullable(),
    edition: z.number().nullable(),
    regions: z.array(z.string()),
    documents: z.array(storedDocument.extend({ parts: z.array(storedDocument) })),
  }),
);

export class ExtractRepository {
  constructor(private readonly db: Executor) {}

  /** Every stored name and alias of the entity types a text names (not documents, figures or sources). */
  storedNames(limit = MAX_GAZETTEER_ENTRIES): Promise<StoredName[]> {
    return this.db.read(gazetteerQuery, { limit });
  }

  /** Dated forums with their regions and documents, for matching a draft's events (`events.ts`). */
  storedEvents(limit = MAX_STORED_EVENTS): Promise<StoredEvent[]> {
    return this.db.read(eventsQuery, { limit });
  }
}
