import { z } from 'zod';

import { type Cypher, cypher, identifier } from '../../db/cypher';
import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import { entityColumn, projectEntity } from '../entity/entity.columns';
import type { TieType } from '../entity/entity.model';
import { PARTS } from '../entity/entity.parts';
import { type EventType, PARTY_LABELS, PARTY_TIES, periodKey } from '../analysis/analysis.model';

const ENTITY = (variable: string) => projectEntity(identifier(variable));
const key = (type: EventType, variable: string) => periodKey(type, identifier(variable));

/**
 * What an entity reaches: itself, and for a region or an organization everything within it (the
 * rule of every region filter). `None` when there is no entity.
 */
const reach = (entity: Cypher, as: Cypher) => cypher`CALL (${entity}) {
    OPTIONAL MATCH (${entity})<-[:${PARTS.any}]-(m:Entity)
    WHERE ${entity}:Region OR ${entity}:Organization OR m = ${entity}
    RETURN collect(DISTINCT m) AS ${as}
  }`;

/** Whether event `v` is tied to one of `within` by a chosen tie (always, without a counterpart). */
const alsoTies = (v: Cypher, via: Cypher) =>
  cypher`($counterpart IS NULL OR EXISTS { (${v})${via}-[r2]-(p:Entity) WHERE type(r2) IN $types AND p IN within })`;

/** Forums or figures tied to the entity, as `rows` of one period each. */
const otherEvents = (type: 'Forum' | 'Figure', as: Cypher) => cypher`CALL (x, reach, within) {
    UNWIND reach AS m
    MATCH (m)-[r]-(v:${identifier(type)})
    WHERE type(r) IN $types AND v <> x
    WITH DISTINCT v
    WHERE ${alsoTies(cypher`v`, cypher``)}
    RETURN collect(v) AS ${as}
  }`;

const eventRows = (type: 'Forum' | 'Figure', events: Cypher, as: Cypher) => cypher`CALL (${events}) {
    UNWIND ${events} AS v
    WITH v, ${key(type, 'v')} AS key
    ORDER BY v.${type === 'Forum' ? cypher`date` : cypher`period`}, v.name, v.id
    WITH key, count(v) AS total, collect(v)[..toInteger($limit)] AS some
    RETURN collect({key: key, total: total, entities: [n IN some | ${ENTITY('n')}]}) AS ${as}
  }`;

/**
 * One statement for a whole timeline. Documents count as in documentStats: tied to the entity
 * themselves or through their group, and a group with parts only through them. Counterparts are
 * the parties of the events, less the entity's own reach and what it is within; a counterpart is
 * new in the first period it appears in (keys sort in time order, 'undated' last).
 */
export const timelineStatement = cypher`MATCH (x:Entity {id: $id})
   OPTIONAL MATCH (y:Entity {id: $counterpart})
   ${reach(cypher`x`, cypher`reach`)}
   ${reach(cypher`y`, cypher`within`)}
   CALL (x, reach, within) {
     UNWIND reach AS m
     MATCH (m)-[r]-(:Document)<-[:${PARTS.any}]-(d:Document)
     WHERE type(r) IN $types AND d <> x
     WITH DISTINCT d
     WHERE (d.kind <> 'PACKAGE' OR NOT EXISTS { (:Document)-[:PART_OF]->(d) })
       AND ${alsoTies(cypher`d`, cypher`-[:${PARTS.any}]->(:Document)`)}
     RETURN collect(d) AS documents
   }
   ${otherEvents('Forum', cypher`forums`)}
   ${otherEvents('Figure', cypher`figures`)}
   CALL (documents) {
     UNWIND documents AS d
     WITH d, ${key('Document', 'd')} AS key,
          CASE WHEN d.valueAmount IS NULL THEN null ELSE coalesce(d.valueCurrency, 'USD') END AS currency
     WITH key, currency,
          count(d) AS entryCount,
          sum(coalesce(d.count, 1)) AS documentCount,
          sum(d.valueAmount) AS amount,
          min(CASE WHEN coalesce(d.valueQualifier, 'EXACT') = 'EXACT' THEN 1 ELSE 0 END) = 1 AS exact
     ORDER BY key, currency
     RETURN collect({key: key, currency: currency, entryCount: entryCount, documentCount: documentCount,
                     amount: amount, exact: exact}) AS documentRows
   }
   ${eventRows('Forum', cypher`forums`, cypher`forumRows`)}
   ${eventRows('Figure', cypher`figures`, cypher`figureRows`)}
   CALL (x, reach, documents, forums, figures) {
     CALL (documents, forums, figures) {
       UNWIND documents AS d
       MATCH (d)-[:${PARTS.any}]->(:Document)-[r]->(p:${PARTY_LABELS})
       WHERE type(r) IN $partyTies
       RETURN p, ${key('Document', 'd')} AS key
       UNION ALL
       UNWIND forums AS v
       MATCH (v)-[r]->(p:${PARTY_LABELS})
       WHERE type(r) IN $partyTies
       RETURN p, ${key('Forum', 'v')} AS key
       UNION ALL
       UNWIND figures AS v
       MATCH (v)-[r]->(p:${PARTY_LABELS})
       WHERE type(r) IN $partyTies
       RETURN p, ${key('Figure', 'v')} AS key
     }
     WITH x, reach, p, min(key) AS key
     WHERE NOT p IN reach AND NOT EXISTS { (x)-[:${PARTS.strict}]->(p) }
     WITH key, p ORDER BY p.name, p.id
     WITH key, count(p) AS total, collect(p)[..toInteger($limit)] AS some
     RETURN collect({key: key, total: total, entities: [n IN some | ${ENTITY('n')}]}) AS counterpartRows
   }
   RETURN ${ENTITY('x')} AS entity,
          CASE WHEN y IS NULL THEN null ELSE ${ENTITY('y')} END AS counterpart,
          documentRows, forumRows, figureRows, counterpartRows`;

export const timelineQuery = defineQuery(
  'timeline.entity',
  timelineStatement,
  z.object({
    entity: entityColumn,
    counterpart: entityColumn.nullable(),
    documentRows: z.array(
      z.object({
        key: z.string(),
        currency: z.string().nullable(),
        entryCount: z.number(),
        documentCount: z.number(),
        amount: z.number(),
        exact: z.boolean(),
      }),
    ),
    forumRows: z.array(z.object({ key: z.string(), total: z.number(), entities: z.array(entityColumn) })),
    figureRows: z.array(z.object({ key: z.string(), total: z.number(), entities: z.array(entityColumn) })),
    counterpartRows: z.array(z.object({ key: z.string(), total: z.number(), entities: z.array(entityColumn) })),
  }),
  { partyTies: [...PARTY_TIES] },
);
export type TimelineRow = z.infer<typeof timelineQuery.row>;

export class TimelineRepository {
  constructor(private readonly db: Executor) {}

  timeline(request: {
    id: string;
    counterpart: string | null;
    groupBy: 'YEAR' | 'MONTH';
    types: readonly TieType[];
    limit: number;
  }): Promise<TimelineRow | undefined> {
    return this.db.readOne(timelineQuery, request);
  }
}
