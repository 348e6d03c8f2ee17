import { z } from 'zod';

import { type Cypher, cypher } from '../../db/cypher';
import type { Executor } from '../../db/executor';
import { defineQuery, type Query } from '../../db/query';
import { entityColumn, projectEntity } from '../entity/entity.columns';
import type { TieType } from '../entity/entity.model';
import { PARTS } from '../entity/entity.parts';
import { neighborhoodRow, type NeighborhoodRow, neighborhoodStatement } from '../graph/graph.repository';
import {
  allPassingEvents,
  anchorOf,
  EVENT_ANCHORS,
  type EventAnchor,
  isEventNode,
  nodePasses,
  PARTY_LABELS,
  STRUCTURAL_TIES,
  tiePattern,
  viaGroup,
} from './analysis.model';

/** The filter of a network as its statements take it: a null value does not filter. */
export interface NetworkParams {
  /** ISO dates, both set or both null. */
  readonly from: string | null;
  readonly to: string | null;
  readonly region: string | null;
  readonly sector: string | null;
  /** The tie types that make edges. */
  readonly types: readonly TieType[];
}

export type NetworkKind = 'TIES' | 'PARTIES';

// The variables the network statements name: an event, and the entity at a tie's other end.
const E = cypher`e`;
const N = cypher`n`;

// Ends by id alone: an id names its type (`entityTypeOfId`), and a network can be 200,000 rows.
const edgeRow = z.object({ source: z.string(), target: z.string(), weight: z.number() });
export type NetworkEdgeRow = z.infer<typeof edgeRow>;

/**
 * The ties network: every tie of the chosen types unless one of its ends is an event outside the
 * filter, or a source. Ties with an event end are read from the passing events (a tie between
 * two of them once, from its start); ties between two entities that are no events (a region
 * within a region, a position, a seat) are read by their types. Parallel ties stay apart here.
 */
export function tiesNetwork(anchor: EventAnchor): Cypher {
  return cypher`CALL () {
    CALL () {
      ${allPassingEvents(anchor, E, () => cypher`RETURN e`)}
    }
    MATCH (e)-[r]-(n:Entity)
    WHERE type(r) IN $types AND NOT n:Source
      AND (NOT ${isEventNode(N)} OR (startNode(r) = e AND ${nodePasses(N)}))
    RETURN startNode(r) AS a, endNode(r) AS b
    UNION ALL
    MATCH (a:Entity)-[r:${tiePattern(STRUCTURAL_TIES)}]->(b:Entity)
    WHERE type(r) IN $types AND NOT ${isEventNode(cypher`a`)} AND NOT ${isEventNode(cypher`b`)}
    RETURN a, b
  }
  WITH a, b LIMIT toInteger($take)
  RETURN a.id AS source, b.id AS target, 1 AS weight`;
}

/**
 * The parties network: two parties are joined by the passing events that tie both (a document
 * binding both, a forum involving both, a figure between them), weighed by how many documents
 * (`count`) and events that are. Documents count as in `documentStats`: a part with its group's
 * parties, a group with parts only through them. A region and a region within it are no pair.
 */
export function partiesNetwork(anchor: EventAnchor): Cypher {
  return cypher`CALL () {
    ${allPassingEvents(
      anchor,
      E,
      (
        type,
      ) => cypher`${type === 'Document' ? cypher`WITH e WHERE e.kind <> 'PACKAGE' OR NOT EXISTS { (:Document)-[:PART_OF]->(e) }` : cypher``}
      CALL (e) {
        MATCH (e)${viaGroup(type)}-[r]->(p:${PARTY_LABELS})
        WHERE type(r) IN $types
        RETURN collect(DISTINCT p) AS parties
      }
      RETURN ${type === 'Document' ? cypher`coalesce(e.count, 1)` : cypher`1`} AS weight, parties`,
    )}
  }
  WITH weight, parties WHERE size(parties) >= 2
  UNWIND parties AS a
  UNWIND parties AS b
  WITH a, b, weight WHERE a.id < b.id
  WITH a, b, sum(weight) AS weight
  WHERE NOT EXISTS { (a)-[:${PARTS.strict}]->(b) } AND NOT EXISTS { (b)-[:${PARTS.strict}]->(a) }
  WITH a, b, weight LIMIT toInteger($take)
  RETURN a.id AS source, b.id AS target, weight`;
}

const NETWORK_QUERIES: Record<NetworkKind, Record<EventAnchor, Query<NetworkEdgeRow>>> = {
  TIES: Object.fromEntries(
    EVENT_ANCHORS.map((anchor) => [
      anchor,
      defineQuery(`analysis.network.ties.${anchor}`, tiesNetwork(anchor), edgeRow),
    ]),
  ) as Record<EventAnchor, Query<NetworkEdgeRow>>,
  PARTIES: Object.fromEntries(
    EVENT_ANCHORS.map((anchor) => [
      anchor,
      defineQuery(`analysis.network.parties.${anchor}`, partiesNetwork(anchor), edgeRow),
    ]),
  ) as Record<EventAnchor, Query<NetworkEdgeRow>>,
};

export const entitiesStatement = cypher`MATCH (n:Entity) WHERE n.id IN $ids RETURN ${projectEntity(N)} AS node`;
const entitiesQuery = defineQuery('analysis.entities', entitiesStatement, z.object({ node: entityColumn }));

/** The ties network around one entity, walked through passing entities only. */
export const egoStatement = neighborhoodStatement({
  start: cypher`MATCH (c:Entity {id: $id})`,
  carried: [],
  walks: (r, n) => cypher`type(${r}) IN $types AND ${nodePasses(n)}`,
  draws: (r) => cypher`type(${r}) IN $types`,
  degree: (n) => cypher`COUNT { (${n})--() } - COUNT { (${n})-[:STATED_IN]-() }`,
});
const egoQuery = defineQuery('analysis.ego', egoStatement, neighborhoodRow);

export interface EgoRequest {
  readonly id: string;
  readonly depth: number;
  readonly limit: number;
  readonly maxEdges: number;
  readonly params: NetworkParams;
}

/** The parameters of the analysis statements, as the repository passes them. */
export const analysisParameters = {
  network: (params: NetworkParams, take: number) => ({ ...params, take }),
  entities: (ids: readonly string[]) => ({ ids }),
  ego: (request: EgoRequest) => {
    const { params, ...rest } = request;
    return { ...params, ...rest, take: request.limit + 1 };
  },
};

export class AnalysisRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The edges of a network, at most `take` of them (ask for one more than allowed to tell a
   * network that fits from one that does not), read within `timeoutMs`.
   */
  network(kind: NetworkKind, params: NetworkParams, take: number, timeoutMs: number): Promise<NetworkEdgeRow[]> {
    return this.db.read(NETWORK_QUERIES[kind][anchorOf(params)], analysisParameters.network(params, take), {
      timeoutMs,
    });
  }

  async entities(ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db.read(entitiesQuery, analysisParameters.entities(ids));
    return rows.map((row) => row.node);
  }

  ego(request: EgoRequest): Promise<NeighborhoodRow | undefined> {
    return this.db.readOne(egoQuery, analysisParameters.ego(request));
  }
}
