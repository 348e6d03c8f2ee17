import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { and, Cypher, cypher } from '../../db/cypher';
import { defineQuery, type Query } from '../../db/query';
import { entityColumn, entityProjection } from '../entity/entity.columns';
import { PARTS } from '../entity/entity.parts';
import { asCountry, groupedBy, sharedAcrossRows } from './stats.fragments';

export interface StatsQueryFilter {
  readonly forum: string | null;
  readonly region: string | null;
  readonly counterpart: string | null;
  readonly organization: string | null;
  readonly sector: string | null;
  readonly kinds: readonly string[] | null;
  readonly status: string | null;
  readonly source: string | null;
  /** ISO dates: the first and last day the partial dates of the filter can mean. */
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
}

/** The groupings a statement can group by (`TOTAL`: one row of every matching document). */
export const GROUPINGS = [
  'KIND',
  'SECTOR',
  'YEAR',
  'MONTH',
  'REGION',
  'REGION_PAIR',
  'ORGANIZATION',
  'FORUM',
  'SOURCE',
  'ROLE',
  'TOTAL',
] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** How the statement counts regions and parties; parameters, like the filter. */
export interface GroupingOptions {
  /** REGION and REGION_PAIR: count a region as the country it is part of. */
  readonly countries: boolean;
  /** REGION: a bound organization counts for the region it is BASED_IN too. */
  readonly organizationRegions: boolean;
  /** ROLE: what a BINDS tie stored without a role reads as. */
  readonly defaultRole: string;
}

/**
 * Where the match starts: a forum, region, counterpart or sector filter starts from that node's
 * index entry and walks to its documents (and the parts of its packages), so a narrow filter
 * never scans every document. Each anchor yields exactly the documents its own filter would
 * keep, so that filter is left out of the predicates below.
 */
export type Anchor = 'forum' | 'region' | 'counterpart' | 'pair' | 'sector' | 'source' | 'all';

const boundTo = (param: Cypher) =>
  cypher`MATCH (:Region {id: ${param}})<-[:${PARTS.any}]-(:Region)<-[:BINDS]-(:Document)<-[:${PARTS.selfAndGroups}]-(d:Document)
   WITH DISTINCT d`;

const bindsRegion = (param: Cypher) =>
  cypher`${param} IS NULL
    OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(:Region)-[:${PARTS.any}]->(:Region {id: ${param}}) }`;

const ANCHORS: Record<Anchor, Cypher> = {
  forum: cypher`MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:${PARTS.selfAndGroups}]-(d:Document)
          WITH DISTINCT d`,
  region: boundTo(cypher`$region`),
  counterpart: boundTo(cypher`$counterpart`),
  // Both regions: the documents binding both (Neo4j joins the two regions' documents on a hash
  // table) and the parts of groups, checked in full. Checking the counterpart for each document
  // of a busy region instead read about 950,000 database hits at scale 1 (docs/benchmarks.md, Q4).
  pair: cypher`CALL () {
           MATCH (:Region {id: $region})<-[:${PARTS.any}]-(:Region)<-[:BINDS]-(d:Document)
                 -[:BINDS]->(:Region)-[:${PARTS.any}]->(:Region {id: $counterpart})
           RETURN d
           UNION ALL
           MATCH (d:Document)-[:PART_OF]->(:Document)
           WHERE ${and([bindsRegion(cypher`$region`), bindsRegion(cypher`$counterpart`)])}
           RETURN d
         }
         WITH DISTINCT d`,
  sector: cypher`MATCH (:Sector {id: $sector})<-[:COVERS]-(:Document)<-[:${PARTS.selfAndGroups}]-(d:Document)
           WITH DISTINCT d`,
  // A part counts for the sources of its group too: the group stands for it (as for its forum).
  source: cypher`MATCH (:Source {id: $source})<-[:STATED_IN]-(:Document)<-[:${PARTS.selfAndGroups}]-(d:Document)
           WITH DISTINCT d`,
  all: cypher`MATCH (d:Document)
        WITH d`,
};

// A PACKAGE document stands for its parts: where the graph has parts, only they count; a package
// without any ("seven documents were signed") counts itself, so nothing counts twice or never.
// SELF_AND_GROUPS includes the document itself, so a part shares its group's forum, parties, sectors.
const PREDICATES: Record<string, Cypher> = {
  parts: cypher`d.kind <> 'PACKAGE' OR NOT EXISTS { (:Document)-[:PART_OF]->(d) }`,
  kinds: cypher`$kinds IS NULL OR d.kind IN $kinds`,
  status: cypher`$status IS NULL OR d.status = $status`,
  dateFrom: cypher`$dateFrom IS NULL OR d.signedOn >= $dateFrom`,
  dateTo: cypher`$dateTo IS NULL OR d.signedOn <= $dateTo`,
  forum: cypher`$forum IS NULL
           OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:SIGNED_AT]->(:Forum)-[:IN_SERIES*0..1]->(:Forum {id: $forum}) }`,
  sector: cypher`$sector IS NULL OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:COVERS]->(:Sector {id: $sector}) }`,
  region: bindsRegion(cypher`$region`),
  counterpart: bindsRegion(cypher`$counterpart`),
  source: cypher`$source IS NULL OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:STATED_IN]->(:Source {id: $source}) }`,
  organization: cypher`$organization IS NULL
                  OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(:Organization)-[:${PARTS.any}]->(:Organization {id: $organization}) }`,
};

/** The filters each anchor applies itself. */
const OWN: Record<Anchor, readonly string[]> = {
  forum: ['forum'],
  region: ['region'],
  counterpart: ['counterpart'],
  pair: ['region', 'counterpart'],
  sector: ['sector'],
  source: ['source'],
  all: [],
};

const MATCH_FILTERED = (anchor: Anchor) => cypher`
  ${ANCHORS[anchor]}
  WHERE ${and(
    Object.entries(PREDICATES)
      .filter(([name]) => !OWN[anchor].includes(name))
      .map(([, predicate]) => predicate),
  )}`;

/**
 * Each grouping is a subquery of one document `d` returning one row (key, keyNodes) per group the
 * document falls in, each group once; a document in none of them (no sector) is in no row. A
 * subquery keeps each grouping's variables its own, so two of them compose (`thenBy`).
 */
const GROUPINGS_CYPHER: Record<Grouping, Cypher> = {
  KIND: cypher`CALL (d) { RETURN d.kind AS key, [] AS keyNodes }`,
  YEAR: cypher`CALL (d) { RETURN coalesce(left(d.signedOn, 4), 'undated') AS key, [] AS keyNodes }`,
  // A date known to the year only has no month: it goes in its year's own row, after the months.
  MONTH: cypher`CALL (d) {
            RETURN CASE WHEN d.signedOn IS NULL THEN 'undated'
                        WHEN d.signedOnPrecision = 'YEAR' THEN left(d.signedOn, 4) + '-unknown'
                        ELSE left(d.signedOn, 7) END AS key,
                   [] AS keyNodes
          }`,
  SECTOR: cypher`CALL (d) {
             MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:COVERS]->(s:Sector)
             WITH DISTINCT s
             RETURN s.id AS key, [s] AS keyNodes
           }`,
  // Each region bound (by the document or its group), and on request each region a bound
  // organization is based in; rolled up to countries after, so Xinjiang and China are one China.
  REGION: cypher`CALL (d) {
             CALL (d) {
               MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(r:Region)
               RETURN r
               UNION
               MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(:Organization)-[:BASED_IN]->(r:Region)
               WHERE $organizationRegions
               RETURN r
             }
             WITH DISTINCT ${asCountry(cypher`r`)} AS region
             RETURN region.id AS key, [region] AS keyNodes
           }`,
  REGION_PAIR: cypher`CALL (d) {
                  MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(r:Region)
                  WITH DISTINCT r
                  WITH ${asCountry(cypher`r`)} AS r
                  WITH collect(DISTINCT r) AS regions
                  UNWIND regions AS first
                  UNWIND regions AS second
                  // A region and a region within it are not two sides (a part shares its package's
                  // China while binding Xinjiang itself).
                  WITH first, second WHERE first.id < second.id
                    AND NOT EXISTS { (first)-[:${PARTS.strict}]->(second) }
                    AND NOT EXISTS { (second)-[:${PARTS.strict}]->(first) }
                  RETURN first.id + '|' + second.id AS key, [first, second] AS keyNodes
                }`,
  ORGANIZATION: cypher`CALL (d) {
                   MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(o:Organization)
                   WITH DISTINCT o
                   RETURN o.id AS key, [o] AS keyNodes
                 }`,
  // Documents signed at no forum the graph knows make one 'none' row (no id is 'none': ids have a
  // type prefix), so the rows still cover every document.
  FORUM: cypher`CALL (d) {
            OPTIONAL MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:SIGNED_AT]->(f:Forum)
            WITH DISTINCT f
            RETURN coalesce(f.id, 'none') AS key, CASE WHEN f IS NULL THEN [] ELSE [f] END AS keyNodes
          }`,
  SOURCE: cypher`CALL (d) {
             MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:STATED_IN]->(s:Source)
             WITH DISTINCT s
             RETURN s.id AS key, [s] AS keyNodes
           }`,
  // Ties stored before roles (and ties whose source names no side) read as the default role.
  ROLE: cypher`CALL (d) {
           MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[b:BINDS]->()
           WITH DISTINCT coalesce(b.role, $defaultRole) AS key
           RETURN key, [] AS keyNodes
         }`,
  TOTAL: cypher`CALL (d) { RETURN '' AS key, [] AS keyNodes }`,
};

// The entity projection of the code, as a piece.
const PROJECTION = Cypher.of(entityProjection('n'));

// Grouped by currency too, so each currency's values sum apart; the service folds them per key.
const AGGREGATE = cypher`
  WITH d, keys, keyNodes, shared,
       CASE WHEN d.valueAmount IS NULL THEN null ELSE coalesce(d.valueCurrency, 'USD') END AS currency
  WITH keys, keyNodes, currency,
       count(d) AS entryCount,
       sum(d.count) AS documentCount,
       sum(d.valueAmount) AS amount,
       min(CASE WHEN coalesce(d.valueQualifier, 'EXACT') = 'EXACT' THEN 1 ELSE 0 END) = 1 AS exact,
       max(CASE WHEN shared THEN 1 ELSE 0 END) = 1 AS shared
  RETURN keys, [nodes IN keyNodes | [n IN nodes | ${PROJECTION}]] AS entities,
         currency, entryCount, documentCount, amount, exact, shared
  ORDER BY keys, currency`;

const statsRow = z.object({
  /** One key per grouping (two with `thenBy`). */
  keys: z.array(z.string()),
  /** The entities behind each key, in the order of `keys`. */
  entities: z.array(z.array(entityColumn)),
  currency: z.string().nullable(),
  entryCount: z.number(),
  documentCount: z.number(),
  amount: z.number(),
  exact: z.boolean(),
  shared: z.boolean(),
});
export type StatsRow = z.infer<typeof statsRow>;

const QUERIES = new Map<string, Query<StatsRow>>();

/** The statement of a grouping (and second grouping) from an anchor. */
export function documentStatement(groupBy: Grouping, thenBy: Grouping | null, anchor: Anchor): Cypher {
  const fact = cypher`d`;
  const grouped = groupedBy(fact, GROUPINGS_CYPHER[groupBy], thenBy === null ? null : GROUPINGS_CYPHER[thenBy]);
  const shared = groupBy === 'TOTAL' ? cypher`WITH d, keys, keyNodes, false AS shared` : sharedAcrossRows(fact);
  return cypher`${MATCH_FILTERED(anchor)} ${grouped} ${shared} ${AGGREGATE}`;
}

/**
 * The named statement of a grouping (and second grouping) and anchor, made from the fragments
 * above the first time it is asked for: eleven groupings, each with any other, from seven anchors
 * are about 800 statements, most never run.
 */
function queryOf(groupBy: Grouping, thenBy: Grouping | null, anchor: Anchor): Query<StatsRow> {
  const name = `stats.documents.${groupBy}${thenBy === null ? '' : `.${thenBy}`}.${anchor}`;
  let query = QUERIES.get(name);
  if (query === undefined) {
    query = defineQuery(name, documentStatement(groupBy, thenBy, anchor), statsRow);
    QUERIES.set(name, query);
  }
  return query;
}

/** The parameters of every document statement: the filter's values and the grouping options. */
export function documentParameters(filter: StatsQueryFilter, options: GroupingOptions): Record<string, unknown> {
  return { ...filter, ...options };
}

export function anchorOf(filter: StatsQueryFilter): Anchor {
  if (filter.forum !== null) return 'forum';
  // A region paired with itself is one region: the pair's join needs two binding ties.
  if (filter.region !== null && filter.counterpart !== null && filter.region !== filter.counterpart) return 'pair';
  if (filter.region !== null) return 'region';
  if (filter.counterpart !== null) return 'counterpart';
  if (filter.sector !== null) return 'sector';
  if (filter.source !== null) return 'source';
  return 'all';
}

export class StatsRepository {
  constructor(private readonly db: Executor) {}

  documents(
    groupBy: Grouping,
    thenBy: Grouping | null,
    filter: StatsQueryFilter,
    options: GroupingOptions,
  ): Promise<StatsRow[]> {
    return this.db.read(queryOf(groupBy, thenBy, anchorOf(filter)), documentParameters(filter, options));
  }
}
