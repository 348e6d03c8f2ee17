import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import type { Keyset } from '../../graphql/pagination';
import { entityColumn, entityProjection, type EntityRecord } from './entity.record';
import type { EntityType } from './entity.model';

export type SortKey = 'NAME' | 'DATE' | 'VALUE';

/** Every filter a list can take; each entity's filter input exposes the ones that apply to it. */
export interface ListFilter {
  readonly text: string | null;
  readonly kinds: readonly string[] | null;
  readonly status: string | null;
  readonly metric: string | null;
  readonly sector: string | null;
  readonly forum: string | null;
  readonly region: string | null;
  readonly organization: string | null;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  readonly valueMin: number | null;
  readonly valueMax: number | null;
  readonly currency: string | null;
}

// Shared by the page and the count, so both always agree on what matches. The region filter
// also matches the region's parts (documents binding Xinjiang count for China).
const MATCH_FILTERED = `
  MATCH (n:$($label))
  WHERE ($text IS NULL OR n.nameKey CONTAINS $text OR any(k IN coalesce(n.aliasKeys, []) WHERE k CONTAINS $text))
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($status IS NULL OR n.status = $status)
    AND ($metric IS NULL OR n.metric = $metric)
    AND ($currency IS NULL OR n.valueCurrency = $currency OR n.unit = $currency)
    AND ($dateFrom IS NULL OR coalesce(n.signedOn, n.date, n.period, n.publishedOn) >= $dateFrom)
    AND ($dateTo IS NULL OR coalesce(n.signedOn, n.date, n.period, n.publishedOn) <= $dateTo)
    AND ($valueMin IS NULL OR coalesce(n.valueAmount, n.value) >= $valueMin)
    AND ($valueMax IS NULL OR coalesce(n.valueAmount, n.value) <= $valueMax)
    AND ($sector IS NULL OR EXISTS { (n)-[:COVERS]->(:Sector {id: $sector}) })
    AND ($forum IS NULL OR EXISTS { (n)-[:SIGNED_AT|REPORTED_AT|IN_SERIES]->(:Forum {id: $forum}) })
    AND ($organization IS NULL
         OR EXISTS { (n)-[:HOLDS|BINDS|INVOLVES|BETWEEN|PART_OF]->(:Organization {id: $organization}) })
    AND ($region IS NULL
         OR EXISTS { (n)-[:BINDS|INVOLVES|HELD_IN|BETWEEN|BASED_IN|PART_OF]->(:Region)-[:PART_OF*0..3]->(:Region {id: $region}) }
         OR EXISTS { (n)-[:HOLDS]->(:Organization)-[:BASED_IN]->(:Region)-[:PART_OF*0..3]->(:Region {id: $region}) })`;

// The sort key is chosen by parameter; ascending and descending share one statement by ordering
// on two expressions of which one is always null.
const listQuery = defineQuery(
  'entity.list',
  `${MATCH_FILTERED}
   WITH n, CASE $sort
     WHEN 'DATE' THEN coalesce(n.signedOn, n.date, n.period, n.publishedOn, '')
     WHEN 'VALUE' THEN coalesce(n.valueAmount, n.value, -1.0)
     ELSE n.name END AS sortKey
   WHERE $after IS NULL
      OR (NOT $descending AND (sortKey > $after.value OR (sortKey = $after.value AND n.id > $after.id)))
      OR ($descending AND (sortKey < $after.value OR (sortKey = $after.value AND n.id < $after.id)))
   RETURN ${entityProjection('n')} AS node, sortKey
   ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
            CASE WHEN $descending THEN null ELSE n.id END ASC,
            CASE WHEN $descending THEN sortKey END DESC,
            CASE WHEN $descending THEN n.id END DESC
   LIMIT toInteger($limit)`,
  z.object({ node: entityColumn, sortKey: z.union([z.string(), z.number()]) }),
);

const countQuery = defineQuery(
  'entity.count',
  `${MATCH_FILTERED} RETURN count(n) AS total`,
  z.object({ total: z.number() }),
);

export interface ListRequest {
  readonly type: EntityType;
  readonly filter: ListFilter;
  readonly sort: SortKey;
  readonly descending: boolean;
  readonly after: Keyset | null;
  readonly limit: number;
}

export class EntityListRepository {
  constructor(private readonly db: Executor) {}

  page(request: ListRequest): Promise<{ node: EntityRecord; sortKey: string | number }[]> {
    return this.db.read(listQuery, {
      label: request.type,
      ...request.filter,
      sort: request.sort,
      descending: request.descending,
      after: request.after,
      limit: request.limit,
    });
  }

  async count(type: EntityType, filter: ListFilter): Promise<number> {
    const row = await this.db.readOne(countQuery, { label: type, ...filter });
    return row?.total ?? 0;
  }
}
