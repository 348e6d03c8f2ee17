import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery, type Query } from '../../db/query';
import { entityColumn, entityProjection } from '../entity/entity.columns';
import { PART_OF_ANY, PART_OF_STRICT } from '../entity/entity.parts';

export interface StatsQueryFilter {
  readonly forum: string | null;
  readonly region: string | null;
  readonly counterpart: string | null;
  readonly organization: string | null;
  readonly sector: string | null;
  readonly kinds: readonly string[] | null;
  readonly status: string | null;
  /** ISO dates: the first and last day the partial dates of the filter can mean. */
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
}

export type Grouping = 'KIND' | 'SECTOR' | 'YEAR' | 'REGION_PAIR' | 'TOTAL';

/**
 * Where the match starts: a forum, region, counterpart or sector filter starts from that node's
 * index entry and walks to its documents (and the parts of its packages), so a narrow filter
 * never scans every document. Each anchor yields exactly the documents its own filter would
 * keep, so that filter is left out of the predicates below.
 */
type Anchor = 'forum' | 'region' | 'counterpart' | 'pair' | 'sector' | 'all';

const boundTo = (param: string) =>
  `MATCH (:Region {id: ${param}})<-[:${PART_OF_ANY}]-(:Region)<-[:BINDS]-(:Document)<-[:${PART_OF_ANY}]-(d:Document)
   WITH DISTINCT d`;

const bindsRegion = (param: string) =>
  `(${param} IS NULL
    OR EXISTS { (d)-[:${PART_OF_ANY}]->(:Document)-[:BINDS]->(:Region)-[:${PART_OF_ANY}]->(:Region {id: ${param}}) })`;

const ANCHORS: Record<Anchor, string> = {
  forum: `MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:${PART_OF_ANY}]-(d:Document)
          WITH DISTINCT d`,
  region: boundTo('$region'),
  counterpart: boundTo('$counterpart'),
  // Both regions: the documents binding both (Neo4j joins the two regions' documents on a hash
  // table) and the parts of groups, checked in full. Checking the counterpart for each document
  // of a busy region instead read about 950,000 database hits at scale 1 (docs/benchmarks.md, Q4).
  pair: `CALL () {
           MATCH (:Region {id: $region})<-[:${PART_OF_ANY}]-(:Region)<-[:BINDS]-(d:Document)
                 -[:BINDS]->(:Region)-[:${PART_OF_ANY}]->(:Region {id: $counterpart})
           RETURN d
           UNION ALL
           MATCH (d:Document)-[:PART_OF]->(:Document)
           WHERE ${bindsRegion('$region')} AND ${bindsRegion('$counterpart')}
           RETURN d
         }
         WITH DISTINCT d`,
  sector: `MATCH (:Sector {id: $sector})<-[:COVERS]-(:Document)<-[:${PART_OF_ANY}]-(d:Document)
           WITH DISTINCT d`,
  all: `MATCH (d:Document)
        WITH d`,
};

// A PACKAGE document stands for its parts: where the graph has parts, only they count; a package
// without any ("seven documents were signed") counts itself, so nothing counts twice or never.
// PART_OF_ANY includes the document itself, so a part shares its group's forum, parties, sectors.
const PREDICATES = {
  parts: `(d.kind <> 'PACKAGE' OR NOT EXISTS { (:Document)-[:PART_OF]->(d) })`,
  kinds: `($kinds IS NULL OR d.kind IN $kinds)`,
  status: `($status IS NULL OR d.status = $status)`,
  dates: `($dateFrom IS NULL OR d.signedOn >= $dateFrom) AND ($dateTo IS NULL OR d.signedOn <= $dateTo)`,
  forum: `($forum IS NULL
           OR EXISTS { (d)-[:${PART_OF_ANY}]->(:Document)-[:SIGNED_AT]->(:Forum)-[:IN_SERIES*0..1]->(:Forum {id: $forum}) })`,
  sector: `($sector IS NULL OR EXISTS { (d)-[:${PART_OF_ANY}]->(:Document)-[:COVERS]->(:Sector {id: $sector}) })`,
  region: bindsRegion('$region'),
  counterpart: bindsRegion('$counterpart'),
  organization: `($organization IS NULL
                  OR EXISTS { (d)-[:${PART_OF_ANY}]->(:Document)-[:BINDS]->(:Organization)-[:${PART_OF_ANY}]->(:Organization {id: $organization}) })`,
};

/** The filters each anchor applies itself. */
const OWN: Record<Anchor, readonly string[]> = {
  forum: ['forum'],
  region: ['region'],
  counterpart: ['counterpart'],
  pair: ['region', 'counterpart'],
  sector: ['sector'],
  all: [],
};

const MATCH_FILTERED = (anchor: Anchor) => `
  ${ANCHORS[anchor]}
  WHERE ${Object.entries(PREDICATES)
    .filter(([name]) => !OWN[anchor].includes(name))
    .map(([, predicate]) => predicate)
    .join('\n    AND ')}`;

/** Each grouping yields rows of (d, key, keyNodes): one per group a document falls in. */
const GROUPINGS: Record<Grouping, string> = {
  KIND: `WITH d, d.kind AS key, [] AS keyNodes`,
  YEAR: `WITH d, coalesce(left(d.signedOn, 4), 'undated') AS key, [] AS keyNodes`,
  SECTOR: `MATCH (d)-[:${PART_OF_ANY}]->(:Document)-[:COVERS]->(s:Sector)
           WITH DISTINCT d, s
           WITH d, s.id AS key, [s] AS keyNodes`,
  // Rolled up to countries on request: a region counts as the first country it is part of.
  REGION_PAIR: `CALL (d) {
                  MATCH (d)-[:${PART_OF_ANY}]->(:Document)-[:BINDS]->(r:Region)
                  WITH DISTINCT r
                  WITH CASE WHEN $countries AND r.kind <> 'COUNTRY'
                            THEN coalesce(head(COLLECT {
                                   MATCH (r)-[:${PART_OF_STRICT}]->(country:Region {kind: 'COUNTRY'})
                                   RETURN country ORDER BY country.id LIMIT 1
                                 }), r)
                            ELSE r END AS r
                  RETURN collect(DISTINCT r) AS regions
                }
                UNWIND regions AS first
                UNWIND regions AS second
                // A region and a region within it are not two sides (a part shares its package's
                // China while binding Xinjiang itself).
                WITH d, first, second WHERE first.id < second.id
                  AND NOT EXISTS { (first)-[:${PART_OF_STRICT}]->(second) }
                  AND NOT EXISTS { (second)-[:${PART_OF_STRICT}]->(first) }
                WITH d, first.id + '|' + second.id AS key, [first, second] AS keyNodes`,
  TOTAL: `WITH d, '' AS key, [] AS keyNodes`,
};

// Grouped by currency too, so each currency's values sum apart; the service folds them per key.
const AGGREGATE = `
  WITH d, key, keyNodes,
       CASE WHEN d.valueAmount IS NULL THEN null ELSE coalesce(d.valueCurrency, 'USD') END AS currency
  WITH key, keyNodes, currency,
       count(d) AS entryCount,
       sum(d.count) AS documentCount,
       sum(d.valueAmount) AS amount,
       min(CASE WHEN coalesce(d.valueQualifier, 'EXACT') = 'EXACT' THEN 1 ELSE 0 END) = 1 AS exact
  RETURN key, [n IN keyNodes | ${entityProjection('n')}] AS entities,
         currency, entryCount, documentCount, amount, exact
  ORDER BY key, currency`;

const statsRow = z.object({
  key: z.string(),
  entities: z.array(entityColumn),
  currency: z.string().nullable(),
  entryCount: z.number(),
  documentCount: z.number(),
  amount: z.number(),
  exact: z.boolean(),
});
export type StatsRow = z.infer<typeof statsRow>;

const ANCHOR_NAMES: readonly Anchor[] = ['forum', 'region', 'counterpart', 'pair', 'sector', 'all'];
const GROUPING_NAMES: readonly Grouping[] = ['KIND', 'SECTOR', 'YEAR', 'REGION_PAIR', 'TOTAL'];

/** One named statement per grouping and anchor, all from the fragments above. */
const QUERIES = Object.fromEntries(
  GROUPING_NAMES.map((grouping) => [
    grouping,
    Object.fromEntries(
      ANCHOR_NAMES.map((anchor) => [
        anchor,
        defineQuery(
          `stats.documents.${grouping}.${anchor}`,
          `${MATCH_FILTERED(anchor)} ${GROUPINGS[grouping]} ${AGGREGATE}`,
          statsRow,
        ),
      ]),
    ),
  ]),
) as Record<Grouping, Record<Anchor, Query<StatsRow>>>;

function anchorOf(filter: StatsQueryFilter): Anchor {
  if (filter.forum !== null) return 'forum';
  // A region paired with itself is one region: the pair's join needs two binding ties.
  if (filter.region !== null && filter.counterpart !== null && filter.region !== filter.counterpart) return 'pair';
  if (filter.region !== null) return 'region';
  if (filter.counterpart !== null) return 'counterpart';
  if (filter.sector !== null) return 'sector';
  return 'all';
}

export class StatsRepository {
  constructor(private readonly db: Executor) {}

  documents(grouping: Grouping, filter: StatsQueryFilter, countries: boolean): Promise<StatsRow[]> {
    return this.db.read(QUERIES[grouping][anchorOf(filter)], { ...filter, countries });
  }
}
