import { z } from 'zod';

import { defineQuery } from '../../db/query';
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

// Every relationship field of the objects at one position of a request (a document's forum,
// parties, sectors and signatories) loads in one statement, since all those loads share this
// query and so its loader: each key names the direction, the tie type and the anchor ("out
// BINDS doc:x"). A statement per field cost a transaction and a round trip each, which made
// them most of a small request's time (docs/benchmarks.md, Q1). The tie type is matched
// dynamically (`$(...)`, Neo4j 5.26). The UNWIND guards keep Neo4j from expanding a direction
// the key does not ask for; the anchor has a MATCH of its own, because in one pattern with a
// dynamic type Neo4j 5.26 plans an index scan of every entity instead of a seek.
const relatedQuery = defineQuery(
  'entity.related',
  `UNWIND $keys AS key
   WITH key, split(key, ' ') AS part
   WITH key, part[0] AS direction, part[1] AS tieType, substring(key, size(part[0]) + size(part[1]) + 2) AS id
   MATCH (anchor:Entity {id: id})
   CALL (anchor, direction, tieType) {
     UNWIND CASE direction WHEN 'out' THEN [true] ELSE [] END AS outgoing
     MATCH (anchor)-[r:$(tieType)]->(n:Entity)
     RETURN r, n
     UNION ALL
     UNWIND CASE direction WHEN 'in' THEN [true] ELSE [] END AS incoming
     MATCH (anchor)<-[r:$(tieType)]-(n:Entity)
     RETURN r, n
   }
   RETURN key, ${TIE} AS tie, ${ENTITY} AS node
   ORDER BY n.name, n.id`,
  relatedRow,
);

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
    return this.loaders.load(relatedQuery, `${direction} ${type} ${id}`);
  }
}
