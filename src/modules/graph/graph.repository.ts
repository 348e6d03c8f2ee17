import { z } from 'zod';

import { Cypher, cypher, identifier, join } from '../../db/cypher';
import type { Executor } from '../../db/executor';
import { defineQuery, type Query } from '../../db/query';
import { TIE_TYPES } from '../entity/entity.model';
import { entityColumn, projectEntity, projectTie, tieColumn } from '../entity/entity.columns';
import { MAX_HOPS } from './graph.input';
import { PARTS } from '../entity/entity.parts';

// Datetimes come as text (`projectEntity`, `projectTie`): decoding driver DateTimes is dear in JavaScript.
const ENTITY = (variable: string) => projectEntity(identifier(variable));
// A tie with its type and ends, its details as every statement projects them.
const TIE = (variable: string) => {
  const tie = identifier(variable);
  return cypher`{type: type(${tie}), fromId: startNode(${tie}).id, toId: endNode(${tie}).id, props: ${projectTie(tie)}}`;
};

const tieRow = z.object({ type: z.enum(TIE_TYPES), fromId: z.string(), toId: z.string(), props: tieColumn });
export type TieRow = z.infer<typeof tieRow>;

// Each CALL aggregates without grouping keys, so it yields one row even when it finds nothing.
// Shared neighbours leave out sectors: SHARED_SECTOR comes from the chains below, which include
// the case of two documents covering one sector. A part shares its group's sectors.
export const tiesStatement = cypher`OPTIONAL MATCH (a:Entity {id: $a})
   OPTIONAL MATCH (b:Entity {id: $b})
   CALL (a, b) {
     MATCH (a)-[r]-(b)
     WHERE NOT r:STATED_IN
     WITH r ORDER BY type(r), startNode(r).id, r.key
     RETURN collect(${TIE('r')}) AS direct
   }
   CALL (a, b) {
     CALL (a, b) {
       MATCH (a)-[r:SIGNED|ATTENDED]->(t:Entity) WHERE r.onBehalfOf = b.id RETURN r, t
       UNION
       MATCH (b)-[r:SIGNED|ATTENDED]->(t:Entity) WHERE r.onBehalfOf = a.id RETURN r, t
     }
     WITH r, t ORDER BY t.name, t.id
     RETURN collect({via: ${ENTITY('t')}, ties: [${TIE('r')}]}) AS actedFor
   }
   CALL (a, b) {
     MATCH (a)-[ra]-(c:Entity)-[rb]-(b)
     WHERE c <> a AND c <> b AND NOT c:Source AND NOT c:Sector AND NOT ra:STATED_IN AND NOT rb:STATED_IN
     // Sorted before collecting: a connection through one node by several ties (a forum held in
     // and involving a region) lists them in the same order on every run.
     WITH c, ra, rb ORDER BY type(ra), startNode(ra).id, ra.key, type(rb), startNode(rb).id, rb.key
     WITH c, collect(DISTINCT ra) + collect(DISTINCT rb) AS ties
     ORDER BY c.name, c.id
     WITH [label IN labels(c) WHERE label <> 'Entity'][0] AS label, collect({c: c, ties: ties}) AS found
     UNWIND found[..toInteger($limit)] AS f
     WITH label, size(found) AS total, f.c AS c, f.ties AS ties
     WITH label, total, collect({via: ${ENTITY('c')}, ties: [r IN ties | ${TIE('r')}]}) AS connections
     RETURN collect({label: label, total: total, connections: connections}) AS shared
   }
   CALL (a, b) {
     CALL (a) {
       MATCH chain = (a)-[:SIGNED|BINDS|SIGNED_AT*0..1]-(:Document)-[:${PARTS.any}]->(:Document)-[:COVERS]->(s:Sector)
       WITH s, chain ORDER BY length(chain), [n IN nodes(chain) | n.id]
       WITH s, head(collect(relationships(chain))) AS ties
       RETURN collect({sector: s, ties: ties}) AS ofA
     }
     CALL (b) {
       MATCH chain = (b)-[:SIGNED|BINDS|SIGNED_AT*0..1]-(:Document)-[:${PARTS.any}]->(:Document)-[:COVERS]->(s:Sector)
       WITH s, chain ORDER BY length(chain), [n IN nodes(chain) | n.id]
       WITH s, head(collect(relationships(chain))) AS ties
       RETURN collect({sector: s, ties: ties}) AS ofB
     }
     UNWIND ofA AS x
     UNWIND ofB AS y
     WITH x, y WHERE x.sector = y.sector
     WITH x.sector AS s, x.ties + y.ties AS ties ORDER BY s.name, s.id
     RETURN collect({via: ${ENTITY('s')}, ties: [r IN ties | ${TIE('r')}]}) AS sectors
   }
   RETURN ${ENTITY('a')} AS a, ${ENTITY('b')} AS b, direct, actedFor, shared, sectors`;

const tiesQuery = defineQuery(
  'graph.ties',
  tiesStatement,
  z.object({
    a: entityColumn.nullable(),
    b: entityColumn.nullable(),
    direct: z.array(tieRow),
    actedFor: z.array(z.object({ via: entityColumn, ties: z.array(tieRow) })),
    shared: z.array(
      z.object({
        label: z.string(),
        total: z.number(),
        connections: z.array(z.object({ via: entityColumn, ties: z.array(tieRow) })),
      }),
    ),
    sectors: z.array(z.object({ via: entityColumn, ties: z.array(tieRow) })),
  }),
);
export type TiesRow = z.infer<typeof tiesQuery.row>;

const pathRow = z.object({
  from: entityColumn.nullable(),
  to: entityColumn.nullable(),
  paths: z.array(z.object({ nodes: z.array(entityColumn), ties: z.array(tieRow) })),
});
export type PathRow = z.infer<typeof pathRow>;

// Cypher takes no parameter for the bound of a variable-length pattern, so there is one named
// statement per allowed bound (1 to MAX_HOPS); the caller's number only picks one. The
// predicate on the ties is evaluated during the breadth-first search, so STATED_IN edges (and
// the Source nodes only they reach) are never walked.
export function pathStatement(hops: number): Cypher {
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) throw new RangeError(`maxHops must be 1 to ${MAX_HOPS}`);
  // A bound of the code's own range, checked above: a constant, never a value.
  const bound = Cypher.of(String(hops));
  return cypher`OPTIONAL MATCH (a:Entity {id: $from})
     OPTIONAL MATCH (b:Entity {id: $to})
     CALL (a, b) {
       MATCH p = allShortestPaths((a)-[*..${bound}]-(b))
       WHERE all(r IN relationships(p) WHERE type(r) IN $types)
       WITH p LIMIT toInteger($take)
       RETURN collect({nodes: [n IN nodes(p) | ${ENTITY('n')}], ties: [r IN relationships(p) | ${TIE('r')}]}) AS paths
     }
     RETURN ${ENTITY('a')} AS from, ${ENTITY('b')} AS to, paths`;
}

const pathQueries: Query<PathRow>[] = Array.from({ length: MAX_HOPS }, (_, index) =>
  defineQuery(`graph.path.${index + 1}`, pathStatement(index + 1), pathRow),
);

const edgeRow = z.object({
  type: z.enum([...TIE_TYPES, 'STATED_IN']),
  fromId: z.string(),
  toId: z.string(),
  props: tieColumn.extend({
    key: z.string().nullish(),
    locator: z.string().nullish(),
    recordedAt: z.string().nullish(),
  }),
});
export type EdgeRow = z.infer<typeof edgeRow>;

export const neighborhoodRow = z.object({
  nodes: z.array(z.object({ node: entityColumn, depth: z.number(), degree: z.number() })),
  edges: z.array(edgeRow),
  truncated: z.boolean(),
  edgesTruncated: z.boolean(),
});
export type NeighborhoodRow = z.infer<typeof neighborhoodRow>;

/** What tells one neighborhood statement from another: where it starts, what it walks and draws. */
export interface NeighborhoodShape {
  /** Binds `c`, the entity at the center, and the `carried` variables. */
  readonly start: Cypher;
  /** Variables besides `c` the tests below read; each CALL imports them. */
  readonly carried: readonly Cypher[];
  /** Whether the walk follows tie `r` to entity `n`. */
  readonly walks: (r: Cypher, n: Cypher) => Cypher;
  /** Whether tie `r` between two kept entities is an edge. */
  readonly draws: (r: Cypher) => Cypher;
  /** The degree reported for entity `n`. */
  readonly degree: (n: Cypher) => Cypher;
}

/** Variables as a list: `a, b, c` (none: nothing). */
const list = (names: readonly Cypher[]) => join(names, 'comma');

// Breadth-first, one level per CALL: each level takes at most $take new entities (DISTINCT and
// LIMIT stop the expansion early, so a hub never expands in full), and a level is only expanded
// while the nodes found so far fit in $limit. Edges are every tie among the kept nodes, read
// outgoing from each so none is read twice.
/** The neighborhood statement of a shape; its rows are `NeighborhoodRow`s. */
export function neighborhoodStatement(shape: NeighborhoodShape): Cypher {
  const [c, r, n] = [cypher`c`, cypher`r`, cypher`n`];
  const scope = (...names: string[]) => list([c, ...shape.carried, ...names.map(identifier)]);
  const carried = Cypher.of(shape.carried.map((name) => `${name.text}, `).join(''));
  return cypher`${shape.start}
   CALL (${scope()}) {
     MATCH (c)-[r]-(n:Entity)
     WHERE n <> c AND ${shape.walks(r, n)}
     WITH DISTINCT n LIMIT toInteger($take)
     RETURN collect(n) AS level1
   }
   CALL (${scope('level1')}) {
     UNWIND CASE WHEN $depth >= 2 AND size(level1) <= $limit THEN level1 ELSE [] END AS x
     MATCH (x)-[r]-(n:Entity)
     WHERE n <> c AND NOT n IN level1 AND ${shape.walks(r, n)}
     WITH DISTINCT n LIMIT toInteger($take)
     RETURN collect(n) AS level2
   }
   CALL (${scope('level1', 'level2')}) {
     UNWIND CASE WHEN $depth >= 3 AND size(level1) + size(level2) <= $limit THEN level2 ELSE [] END AS x
     MATCH (x)-[r]-(n:Entity)
     WHERE n <> c AND NOT n IN level1 AND NOT n IN level2 AND ${shape.walks(r, n)}
     WITH DISTINCT n LIMIT toInteger($take)
     RETURN collect(n) AS level3
   }
   WITH ${scope()},
        [n IN level1 | {node: n, depth: 1}] + [n IN level2 | {node: n, depth: 2}] + [n IN level3 | {node: n, depth: 3}]
        AS found
   WITH ${carried}[{node: c, depth: 0}] + found[..toInteger($limit)] AS kept,
        size(found) > $limit AS truncated
   WITH ${carried}kept, truncated, [k IN kept | k.node] AS members
   CALL (${list([...shape.carried, cypher`members`])}) {
     UNWIND members AS x
     MATCH (x)-[r]->(y)
     WHERE y IN members AND ${shape.draws(r)}
     WITH r LIMIT toInteger($maxEdges + 1)
     RETURN collect(${TIE('r')}) AS edges
   }
   CALL (${list([...shape.carried, cypher`kept`])}) {
     UNWIND kept AS k
     WITH k.node AS n, k.depth AS depth
     RETURN collect({node: ${ENTITY('n')}, depth: depth, degree: ${shape.degree(n)}}) AS nodes
   }
   RETURN nodes, edges[..toInteger($maxEdges)] AS edges, truncated, size(edges) > $maxEdges AS edgesTruncated`;
}

// Sources only when asked for (or around a source). Degrees come from the degree store.
export const neighborhoodShape: NeighborhoodShape = {
  start: cypher`MATCH (c:Entity {id: $id})
            WITH c, $includeSources OR c:Source AS withSources`,
  carried: [cypher`withSources`],
  walks: (r, n) => cypher`(withSources OR (NOT ${n}:Source AND NOT ${r}:STATED_IN))`,
  draws: (r) => cypher`(withSources OR NOT ${r}:STATED_IN)`,
  degree: (n) => cypher`COUNT { (${n})--() } - CASE WHEN withSources THEN 0 ELSE COUNT { (${n})-[:STATED_IN]-() } END`,
};

const neighborhoodQuery = defineQuery('graph.neighborhood', neighborhoodStatement(neighborhoodShape), neighborhoodRow);

/** The parameters of each statement, as the repository passes them. */
export const graphParameters = {
  ties: (a: string, b: string, limit: number) => ({ a, b, limit }),
  paths: (from: string, to: string, take: number) => ({ from, to, take, types: TIE_TYPES }),
  neighborhood: (request: NeighborhoodRequest) => ({ ...request, take: request.limit + 1 }),
};

export interface NeighborhoodRequest {
  readonly id: string;
  readonly depth: number;
  readonly limit: number;
  readonly includeSources: boolean;
  readonly maxEdges: number;
}

export class GraphRepository {
  constructor(private readonly db: Executor) {}

  async ties(a: string, b: string, limit: number): Promise<TiesRow | undefined> {
    return this.db.readOne(tiesQuery, graphParameters.ties(a, b, limit));
  }

  /** Up to `take` of the shortest paths of at most `maxHops` ties. */
  async paths(from: string, to: string, maxHops: number, take: number): Promise<PathRow | undefined> {
    const query = pathQueries[maxHops - 1];
    if (!query) throw new RangeError(`maxHops must be 1 to ${MAX_HOPS}`);
    return this.db.readOne(query, graphParameters.paths(from, to, take));
  }

  async neighborhood(request: NeighborhoodRequest): Promise<NeighborhoodRow | undefined> {
    return this.db.readOne(neighborhoodQuery, graphParameters.neighborhood(request));
  }
}
