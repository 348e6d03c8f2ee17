import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery, type Params } from '../../db/query';
import type { Loaders } from '../../graphql/loaders';
import { entityColumn, entityProjection, type EntityRecord, tieProvenanceColumns } from './entity.record';
import type { TieType } from './entity.model';
import type { PrefetchPlan } from './entity.prefetch';

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

const provenanceItem = z.object({ sourceId: z.string(), locator: z.string().nullable(), recordedAt: z.string() });

/** An entity as a prefetch statement returns it: the node, its provenance, the ties of each follow. */
interface PrefetchedEntity {
  readonly node: EntityRecord;
  readonly sources: Provenance[] | null;
  /** Entry i holds the ties of the plan's follow i. */
  readonly follows: PrefetchedTie[][];
}

interface PrefetchedTie {
  readonly tie: TieRecord;
  readonly to: PrefetchedEntity;
  readonly behalf: PrefetchedEntity[];
}

const prefetchedEntity: z.ZodType<PrefetchedEntity> = z.lazy(() =>
  z.object({
    node: entityColumn,
    sources: z.array(provenanceItem).nullable(),
    follows: z.array(z.array(prefetchedTie)),
  }),
);
const prefetchedTie: z.ZodType<PrefetchedTie> = z.lazy(() =>
  z.object({ tie: tieColumn, to: prefetchedEntity, behalf: z.array(prefetchedEntity) }),
);

/**
 * The statement that reads entities and everything a plan follows from them: the entity as
 * `entity.byId` returns it, and nested `COLLECT` subqueries returning what `entity.provenance` and
 * `entity.related` would. The text depends only on the plan's shape (Neo4j caches its plan);
 * the tie types and entity types are parameters.
 */
function prefetchStatement(plan: PrefetchPlan): { cypher: string; params: Params } {
  const params: Params = {};
  let next = 0;

  const entity = (node: string, at: PrefetchPlan): string => {
    const sources = at.sources
      ? `COLLECT {
           MATCH (${node})-[p${node}:STATED_IN]->(s${node}:Source)
           WITH p${node}, s${node} ORDER BY s${node}.id, p${node}.locator
           RETURN {sourceId: s${node}.id, locator: CASE p${node}.locator WHEN '' THEN null ELSE p${node}.locator END,
                   recordedAt: toString(p${node}.recordedAt)}
         }`
      : 'null';
    const follows = at.follows.map((follow) => {
      const index = (next += 1);
      const [tie, to, anchors, party] = [`r${index}`, `n${index}`, `a${index}`, `b${index}`];
      params[`t${index}`] = follow.tie;
      let guard = '';
      if (follow.anchors) {
        params[`g${index}`] = follow.anchors;
        guard = `WHERE any(${anchors} IN labels(${node}) WHERE ${anchors} IN $g${index})`;
      }
      const pattern =
        follow.direction === 'out'
          ? `(${node})-[${tie}:$($t${index})]->(${to}:Entity)`
          : `(${node})<-[${tie}:$($t${index})]-(${to}:Entity)`;
      const behalf = follow.behalf
        ? `COLLECT { MATCH (${party}:Entity {id: ${tie}.onBehalfOf}) RETURN ${entity(party, follow.behalf)} }`
        : '[]';
      return `COLLECT {
        MATCH ${pattern}
        ${guard}
        WITH ${tie}, ${to} ORDER BY ${to}.name, ${to}.id
        RETURN {tie: ${tie} {.*, createdAt: toString(${tie}.createdAt)}, to: ${entity(to, follow.next)}, behalf: ${behalf}}
      }`;
    });
    return `{node: ${entityProjection(node)}, sources: ${sources}, follows: [${follows.join(', ')}]}`;
  };

  const cypher = `UNWIND $ids AS id
    MATCH (root:Entity {id: id})
    RETURN ${entity('root', plan)} AS entity`;
  return { cypher, params };
}

/** Reads shared by every entity type; writes live in `ingest.repository.ts`. */
export class EntityRepository {
  constructor(
    private readonly loaders: Loaders,
    private readonly db: Executor,
  ) {}

  /**
   * Reads `ids` and what `plan` follows from them in one statement (`entity.prefetch`), and primes
   * the loaders with the rows `byId`, `provenance` and `related` would have read one query at a
   * time (checked by the same column schemas as theirs).
   */
  async prefetch(ids: readonly string[], plan: PrefetchPlan): Promise<void> {
    if (ids.length === 0 || !this.loaders.prefetching) return;
    const { cypher, params } = prefetchStatement(plan);
    const rows = await this.db.read(defineQuery('entity.prefetch', cypher, z.object({ entity: prefetchedEntity })), {
      ...params,
      ids: [...new Set(ids)],
    });
    for (const row of rows) this.prime(row.entity, plan);
  }

  private prime(entity: PrefetchedEntity, plan: PrefetchPlan): void {
    const { node } = entity;
    this.loaders.prime(entityByIdQuery, node.id, [{ key: node.id, node }]);
    if (entity.sources) {
      this.loaders.prime(
        provenanceQuery,
        node.id,
        entity.sources.map((item) => ({ key: node.id, ...item })),
      );
    }
    plan.follows.forEach((follow, index) => {
      // A follow guarded by type returns nothing for other entities: that is no answer for them.
      if (follow.anchors && !follow.anchors.includes(node.__typename)) return;
      const ties = entity.follows[index] ?? [];
      const key = `${follow.direction} ${follow.tie} ${node.id}`;
      this.loaders.prime(
        relatedQuery,
        key,
        ties.map((item) => ({ key, tie: item.tie, node: item.to.node })),
      );
      for (const item of ties) {
        this.prime(item.to, follow.next);
        if (follow.behalf) for (const party of item.behalf) this.prime(party, follow.behalf);
      }
    });
  }

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
