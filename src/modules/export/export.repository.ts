import { z } from 'zod';

import { cypher } from '../../db/cypher';
import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import type { ExportFilter } from './export.model';
import { PARTS, regionScope } from '../entity/entity.parts';

/**
 * The subgraph a filter selects: the facts (documents, forums, figures) that match every given
 * filter, the ends of every tie of those facts, and the ends of every tie of the facts among
 * those ends (a document signed at a matching forum, the package of a matching part, a figure
 * stated there), so no fact drawn next to a match shows only some of its parties or sectors.
 * It stops there: a fact two steps away (another edition of a matching forum's series) comes
 * with the ties it has to the rest, not with all of its own.
 * - region: the fact is tied to a party in the region (`regionScope`: the region, its parts, the
 *   organizations based in them), directly or through the package document it belongs to;
 * - sector: the fact is a document covering the sector, itself or through its package;
 * - from/to: the fact's date (signed on, held on, period) lies in the range.
 */
export const subgraphIdsStatement = cypher`${regionScope(cypher`$region`, cypher`regionParties`)}
   MATCH (fact:Entity)
   WHERE (fact:Document OR fact:Forum OR fact:Figure)
     AND (regionParties IS NULL OR EXISTS {
           (fact)-[:${PARTS.any}]->(:Entity)-[:BINDS|INVOLVES|HELD_IN|BETWEEN|FROM|TO]->(party:Entity)
           WHERE party.id IN regionParties })
     AND ($sector IS NULL OR (fact:Document AND EXISTS {
           (fact)-[:${PARTS.selfAndGroups}]->(:Document)-[:COVERS]->(:Sector {id: $sector}) }))
     AND ($from IS NULL OR coalesce(fact.signedOn, fact.date, fact.period) >= $from)
     AND ($to IS NULL OR coalesce(fact.signedOn, fact.date, fact.period) <= $to)
   WITH collect(fact) AS matched
   CALL (matched) {
     UNWIND matched AS fact
     MATCH (fact)--(end:Entity)
     RETURN collect(DISTINCT end) AS ends
   }
   CALL (ends) {
     UNWIND ends AS near
     WITH near WHERE near:Document OR near:Forum OR near:Figure
     MATCH (near)--(far:Entity)
     RETURN collect(DISTINCT far) AS farEnds
   }
   UNWIND matched + ends + farEnds AS node
   RETURN DISTINCT node.id AS id
   ORDER BY id`;

const subgraphIdsQuery = defineQuery('export.subgraph.ids', subgraphIdsStatement, z.object({ id: z.string() }));

/** The parameters of the subgraph statement: the filter's values. */
export function subgraphParameters(filter: ExportFilter): Record<string, unknown> {
  return { ...filter };
}

// `$ids` is null for the whole graph, else the subgraph's node ids.
const countQuery = defineQuery(
  'export.nodes.count',
  `MATCH (n:Entity) WHERE $ids IS NULL OR n.id IN $ids RETURN count(n) AS total`,
  z.object({ total: z.number() }),
);

const keyRow = z.object({ key: z.string(), types: z.array(z.string()) });
export type KeyRow = z.infer<typeof keyRow>;

const nodeKeysQuery = defineQuery(
  'export.nodes.keys',
  `MATCH (n:Entity) WHERE $ids IS NULL OR n.id IN $ids
   UNWIND keys(n) AS key
   RETURN key, collect(DISTINCT valueType(n[key])) AS types`,
  keyRow,
);

const relationshipKeysQuery = defineQuery(
  'export.relationships.keys',
  `MATCH (a:Entity)-[r]->(b:Entity)
   WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
   UNWIND keys(r) AS key
   RETURN key, collect(DISTINCT valueType(r[key])) AS types`,
  keyRow,
);

const properties = z.record(z.string(), z.unknown());

const nodeRow = z.object({ id: z.string(), labels: z.array(z.string()), properties });
export type NodeRow = z.infer<typeof nodeRow>;

/** One keyset page of nodes, by id. */
const nodesPageQuery = defineQuery(
  'export.nodes.page',
  `MATCH (n:Entity)
   WHERE n.id > $after AND ($ids IS NULL OR n.id IN $ids)
   RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
   ORDER BY n.id
   LIMIT toInteger($limit)`,
  nodeRow,
);

const relationshipsRow = z.object({
  start: z.string(),
  relationships: z.array(z.object({ type: z.string(), end: z.string(), properties })),
});
export type RelationshipsRow = z.infer<typeof relationshipsRow>;

/**
 * The outgoing relationships of one keyset page of start nodes, a row per start node (also those
 * without any), so the next page starts after the last row whatever it held.
 */
const relationshipsPageQuery = defineQuery(
  'export.relationships.page',
  `MATCH (a:Entity)
   WHERE a.id > $after AND ($ids IS NULL OR a.id IN $ids)
   WITH a ORDER BY a.id LIMIT toInteger($limit)
   OPTIONAL MATCH (a)-[r]->(b:Entity)
   WHERE $ids IS NULL OR b.id IN $ids
   WITH a, r, b ORDER BY a.id, type(r), b.id
   RETURN a.id AS start,
          collect(CASE WHEN r IS NOT NULL THEN {type: type(r), end: b.id, properties: properties(r)} END) AS relationships
   ORDER BY start`,
  relationshipsRow,
);

const regionQuery = defineQuery(
  'export.region.exists',
  `MATCH (r:Region {id: $id}) RETURN r.id AS id`,
  z.object({ id: z.string() }),
);

const sectorQuery = defineQuery(
  'export.sector.exists',
  `MATCH (s:Sector {id: $id}) RETURN s.id AS id`,
  z.object({ id: z.string() }),
);

/** Node ids of the export: null for the whole graph, else the filtered subgraph's ids. */
export type Scope = readonly string[] | null;

export class ExportRepository {
  constructor(private readonly db: Executor) {}

  async subgraphIds(filter: ExportFilter): Promise<string[]> {
    const rows = await this.db.read(subgraphIdsQuery, subgraphParameters(filter));
    return rows.map((row) => row.id);
  }

  async count(ids: Scope): Promise<number> {
    const row = await this.db.readOne(countQuery, { ids });
    return row?.total ?? 0;
  }

  nodeKeys(ids: Scope): Promise<KeyRow[]> {
    return this.db.read(nodeKeysQuery, { ids });
  }

  relationshipKeys(ids: Scope): Promise<KeyRow[]> {
    return this.db.read(relationshipKeysQuery, { ids });
  }

  nodes(ids: Scope, after: string, limit: number): Promise<NodeRow[]> {
    return this.db.read(nodesPageQuery, { ids, after, limit });
  }

  relationships(ids: Scope, after: string, limit: number): Promise<RelationshipsRow[]> {
    return this.db.read(relationshipsPageQuery, { ids, after, limit });
  }

  async regionExists(id: string): Promise<boolean> {
    return (await this.db.readOne(regionQuery, { id })) !== undefined;
  }

  async sectorExists(id: string): Promise<boolean> {
    return (await this.db.readOne(sectorQuery, { id })) !== undefined;
  }
}
