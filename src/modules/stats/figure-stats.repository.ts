import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { and, Cypher, cypher } from '../../db/cypher';
import { defineQuery, type Query } from '../../db/query';
import { entityColumn, entityProjection } from '../entity/entity.columns';
import { PARTS } from '../entity/entity.parts';
import { asCountry, groupedBy, sharedAcrossRows } from './stats.fragments';

export interface FigureStatsQueryFilter {
  readonly metrics: readonly string[] | null;
  readonly unit: string | null;
  readonly region: string | null;
  readonly counterpart: string | null;
  readonly source: string | null;
  readonly forum: string | null;
  /** ISO dates: the first and last day the partial dates of the filter can mean. */
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
}

export const FIGURE_GROUPINGS = ['METRIC', 'UNIT', 'YEAR', 'PERIOD', 'REGION', 'SOURCE', 'FORUM', 'TOTAL'] as const;
export type FigureGrouping = (typeof FIGURE_GROUPINGS)[number];

/** The parties a figure concerns: those it is between, and where its flow comes from and goes to. */
const CONCERNS = cypher`BETWEEN|FROM|TO`;

const concernsRegion = (param: Cypher) =>
  cypher`${param} IS NULL OR EXISTS { (f)-[:${CONCERNS}]->(:Region)-[:${PARTS.any}]->(:Region {id: ${param}}) }`;

// Figures are few next to documents (a source states a handful per article), so the statement
// scans them by label rather than choosing an anchor as document statistics do.
const PREDICATES: readonly Cypher[] = [
  cypher`$metrics IS NULL OR f.metric IN $metrics`,
  cypher`$unit IS NULL OR f.unit = $unit`,
  cypher`$periodFrom IS NULL OR f.period >= $periodFrom`,
  cypher`$periodTo IS NULL OR f.period <= $periodTo`,
  concernsRegion(cypher`$region`),
  concernsRegion(cypher`$counterpart`),
  cypher`$source IS NULL OR EXISTS { (f)-[:STATED_IN]->(:Source {id: $source}) }`,
  cypher`$forum IS NULL OR EXISTS { (f)-[:REPORTED_AT]->(:Forum)-[:IN_SERIES*0..1]->(:Forum {id: $forum}) }`,
];

const MATCH_FILTERED = cypher`
  MATCH (f:Figure)
  WHERE ${and(PREDICATES)}`;

/** Each grouping: a subquery of one figure `f` returning (key, keyNodes) per group it falls in. */
const GROUPINGS_CYPHER: Record<FigureGrouping, Cypher> = {
  METRIC: cypher`CALL (f) { RETURN f.metric AS key, [] AS keyNodes }`,
  UNIT: cypher`CALL (f) { RETURN f.unit AS key, [] AS keyNodes }`,
  YEAR: cypher`CALL (f) { RETURN coalesce(left(f.period, 4), 'undated') AS key, [] AS keyNodes }`,
  // The stored period is its first day; its precision says how much of it was stated.
  PERIOD: cypher`CALL (f) {
             RETURN CASE WHEN f.period IS NULL THEN 'undated'
                         WHEN f.periodPrecision = 'YEAR' THEN left(f.period, 4)
                         WHEN f.periodPrecision = 'MONTH' THEN left(f.period, 7)
                         ELSE f.period END AS key,
                    [] AS keyNodes
           }`,
  REGION: cypher`CALL (f) {
             MATCH (f)-[:${CONCERNS}]->(r:Region)
             WITH DISTINCT ${asCountry(cypher`r`)} AS region
             RETURN region.id AS key, [region] AS keyNodes
           }`,
  SOURCE: cypher`CALL (f) {
             MATCH (f)-[:STATED_IN]->(s:Source)
             WITH DISTINCT s
             RETURN s.id AS key, [s] AS keyNodes
           }`,
  FORUM: cypher`CALL (f) {
            OPTIONAL MATCH (f)-[:REPORTED_AT]->(forum:Forum)
            WITH DISTINCT forum
            RETURN coalesce(forum.id, 'none') AS key, CASE WHEN forum IS NULL THEN [] ELSE [forum] END AS keyNodes
          }`,
  TOTAL: cypher`CALL (f) { RETURN '' AS key, [] AS keyNodes }`,
};

// The entity projection of the code, as a piece.
const PROJECTION = Cypher.of(entityProjection('n'));

// Grouped by unit too, so each unit's values sum apart; the service folds them per key.
const AGGREGATE = cypher`
  WITH keys, keyNodes, f.unit AS unit,
       count(f) AS figureCount,
       sum(f.value) AS sum,
       min(f.value) AS min,
       max(f.value) AS max,
       min(CASE WHEN coalesce(f.qualifier, 'EXACT') = 'EXACT' THEN 1 ELSE 0 END) = 1 AS exact,
       max(CASE WHEN shared THEN 1 ELSE 0 END) = 1 AS shared
  RETURN keys, [nodes IN keyNodes | [n IN nodes | ${PROJECTION}]] AS entities,
         unit, figureCount, sum, min, max, exact, shared
  ORDER BY keys, unit`;

const figureStatsRow = z.object({
  keys: z.array(z.string()),
  entities: z.array(z.array(entityColumn)),
  unit: z.string(),
  figureCount: z.number(),
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  exact: z.boolean(),
  shared: z.boolean(),
});
export type FigureStatsRowRecord = z.infer<typeof figureStatsRow>;

const QUERIES = new Map<string, Query<FigureStatsRowRecord>>();

/** The statement of a grouping and second grouping. */
export function figureStatement(groupBy: FigureGrouping, thenBy: FigureGrouping | null): Cypher {
  const fact = cypher`f`;
  const grouped = groupedBy(fact, GROUPINGS_CYPHER[groupBy], thenBy === null ? null : GROUPINGS_CYPHER[thenBy]);
  const shared = groupBy === 'TOTAL' ? cypher`WITH f, keys, keyNodes, false AS shared` : sharedAcrossRows(fact);
  return cypher`${MATCH_FILTERED} ${grouped} ${shared} ${AGGREGATE}`;
}

/** The parameters of every figure statement: the filter's values and the options. */
export function figureParameters(filter: FigureStatsQueryFilter, countries: boolean): Record<string, unknown> {
  return { ...filter, countries };
}

/** The named statement of a grouping (and second grouping), made the first time it is asked for. */
function queryOf(groupBy: FigureGrouping, thenBy: FigureGrouping | null): Query<FigureStatsRowRecord> {
  const name = `stats.figures.${groupBy}${thenBy === null ? '' : `.${thenBy}`}`;
  let query = QUERIES.get(name);
  if (query === undefined) {
    query = defineQuery(name, figureStatement(groupBy, thenBy), figureStatsRow);
    QUERIES.set(name, query);
  }
  return query;
}

export class FigureStatsRepository {
  constructor(private readonly db: Executor) {}

  figures(
    groupBy: FigureGrouping,
    thenBy: FigureGrouping | null,
    filter: FigureStatsQueryFilter,
    countries: boolean,
  ): Promise<FigureStatsRowRecord[]> {
    return this.db.read(queryOf(groupBy, thenBy), figureParameters(filter, countries));
  }
}
