import { z } from 'zod';

import { defineQuery, type Query } from '../../db/query';
import type { Loaders } from '../../graphql/loaders';
import { entityColumn, entityProjection, type EntityRecord, tieProvenanceColumns } from './entity.record';
import type { TieType } from './entity.model';

/** Ties followed by traversals: the catalog's, plus the provenance of nodes. */
export type Traversable = TieType | 'STATED_IN';

const ENTITY = entityProjection('n');
// A tie's details; its createdAt is read as text for the reason `entityProjection` gives.
const TIE = 'r {.*, createdAt: toString(r.createdAt)}';

const entityByIdQuery = defineQuery(
  'entity.byId',
  `UNWIND $keys AS key
   MATCH (n:Entity {id: key})
   RETURN key, ${ENTITY} AS node`,
  z.object({ key: z.string(), node: entityColumn }),
);

// Statements without a locator are stored with '' (a MERGE key cannot be null); clients get null,
// as they do for ties.
const provenanceQuery = defineQuery(
  'entity.provenance',
  `UNWIND $keys AS key
   MATCH (:Entity {id: key})-[p:STATED_IN]->(s:Source)
   RETURN key, s.id AS sourceId, CASE p.locator WHEN '' THEN null ELSE p.locator END AS locator,
          toString(p.recordedAt) AS recordedAt
   ORDER BY s.id, p.locator`,
  z.object({ key: z.string(), sourceId: z.string(), locator: z.string().nullable(), recordedAt: z.string() }),
);

export const tieColumn = z
  .object({
    title: z.string().nullish(),
    role: z.string().nullish(),
    onBehalfOf: z.string().nullish(),
    since: z.string().nullish(),
    sincePrecision: z.string().nullish(),
    until: z.string().nullish(),
    untilPrecision: z.string().nullish(),
    ...tieProvenanceColumns,
  })
  .loose();
export type TieRecord = z.infer<typeof tieColumn>;

const relatedRow = z.object({ key: z.string(), tie: tieColumn, node: entityColumn });
export type RelatedRow = z.infer<typeof relatedRow>;

export type Direction = 'out' | 'in';

// One statement per direction; the tie type is a parameter (`$(...)` dynamic types, Neo4j 5.26).
// The anchor has a MATCH of its own: in one pattern with a dynamic type, Neo4j 5.26 plans an
// index *scan* of every entity for each key instead of a seek, so each batch cost grew with the
// whole graph.
const RELATED_CYPHER: Record<Direction, string> = {
  out: `UNWIND $keys AS key
        MATCH (anchor:Entity {id: key})
        MATCH (anchor)-[r:$($type)]->(n:Entity)
        RETURN key, ${TIE} AS tie, ${ENTITY} AS node
        ORDER BY n.name, n.id`,
  in: `UNWIND $keys AS key
       MATCH (anchor:Entity {id: key})
       MATCH (anchor)<-[r:$($type)]-(n:Entity)
       RETURN key, ${TIE} AS tie, ${ENTITY} AS node
       ORDER BY n.name, n.id`,
};

const relatedQueries = new Map<string, Query<RelatedRow>>();

/** The batched query that follows one tie type in one direction. */
function relatedQuery(type: Traversable, direction: Direction): Query<RelatedRow> {
  const name = `entity.related.${direction}.${type}`;
  let query = relatedQueries.get(name);
  if (!query) {
    query = defineQuery(name, RELATED_CYPHER[direction], relatedRow, { type });
    relatedQueries.set(name, query);
  }
  return query;
}

export interface Provenance {
  readonly sourceId: string;
  readonly locator: string | null;
  readonly recordedAt: string;
}

/** Reads shared by every entity type; writes live in `ingest.repository.ts`. */
export class EntityRepository {
  constructor(private readonly loaders: Loaders) {}

  async byId(id: string): Promise<EntityRecord | undefined> {
    const row = await this.loaders.loadOne(entityByIdQuery, id);
    return row?.node;
  }

  async provenance(id: string): Promise<Provenance[]> {
    return this.loaders.load(provenanceQuery, id);
  }

  related(id: string, type: Traversable, direction: Direction): Promise<RelatedRow[]> {
    return this.loaders.load(relatedQuery(type, direction), id);
  }
}
