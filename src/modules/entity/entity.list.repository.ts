import { z } from 'zod';

import { and, type Cypher, cypher, identifier } from '../../db/cypher';
import type { Executor } from '../../db/executor';
import { defineQuery, type Query } from '../../db/query';
import type { Keyset } from '../../graphql/pagination';
import { entityColumn, projectEntity } from './entity.columns';
import type { EntityType } from './entity.model';
import { specOf } from './entity.specs';
import { PARTS } from './entity.parts';

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

/** No filter: every field named, none given. */
export const NO_FILTER: ListFilter = {
  text: null,
  kinds: null,
  status: null,
  metric: null,
  sector: null,
  forum: null,
  region: null,
  organization: null,
  dateFrom: null,
  dateTo: null,
  valueMin: null,
  valueMax: null,
  currency: null,
};

/**
 * The statements are built per entity type, order and set of filters given, from the fixed
 * fragments below (never from values: every value is a parameter). A statement names its label
 * and holds only the filters given, so Neo4j can seek an index for a filter and walk an index in
 * sort order, stopping after one page. A single generic statement (a dynamic label, every filter
 * as `$x IS NULL OR …`, a CASE sort key) scanned every entity node and sorted all matches for
 * every page.
 */

const dateOf = (type: EntityType): Cypher => {
  const property = specOf(type).sortDate;
  return property ? cypher`n.${identifier(property)}` : cypher`coalesce(n.signedOn, n.date, n.period, n.publishedOn)`;
};
const valueOf = (type: EntityType): Cypher => {
  const property = specOf(type).sortValue;
  return property ? cypher`n.${identifier(property)}` : cypher`coalesce(n.valueAmount, n.value)`;
};

// One fragment per filter. The region filter also matches the region's parts (documents binding
// Xinjiang count for China). A document matches through the groups it is part of too
// (SELF_AND_GROUPS): a part shares its package's sectors, parties and forum.
const ofDocument = (type: EntityType, tail: Cypher, otherwise: Cypher): Cypher =>
  type === 'Document' ? cypher`EXISTS { (n)-[:${PARTS.selfAndGroups}]->(:Document)${tail} }` : otherwise;

const FILTERS: Record<keyof ListFilter, (type: EntityType) => Cypher> = {
  text: () => cypher`n.nameKey CONTAINS $text OR any(k IN coalesce(n.aliasKeys, []) WHERE k CONTAINS $text)`,
  kinds: () => cypher`n.kind IN $kinds`,
  status: () => cypher`n.status = $status`,
  metric: () => cypher`n.metric = $metric`,
  currency: () => cypher`n.valueCurrency = $currency OR n.unit = $currency`,
  dateFrom: (type) => cypher`${dateOf(type)} >= $dateFrom`,
  dateTo: (type) => cypher`${dateOf(type)} <= $dateTo`,
  valueMin: (type) => cypher`${valueOf(type)} >= $valueMin`,
  valueMax: (type) => cypher`${valueOf(type)} <= $valueMax`,
  sector: (type) =>
    ofDocument(
      type,
      cypher`-[:COVERS]->(:Sector {id: $sector})`,
      cypher`EXISTS { (n)-[:COVERS]->(:Sector {id: $sector}) }`,
    ),
  // A document signed at an edition of a series is signed at the series too.
  forum: (type) =>
    ofDocument(
      type,
      cypher`-[:SIGNED_AT]->(:Forum)-[:IN_SERIES*0..1]->(:Forum {id: $forum})`,
      cypher`EXISTS { (n)-[:SIGNED_AT|REPORTED_AT|IN_SERIES]->(:Forum {id: $forum}) }`,
    ),
  organization: (type) =>
    ofDocument(
      type,
      cypher`-[:BINDS]->(:Organization)-[:${PARTS.any}]->(:Organization {id: $organization})`,
      cypher`EXISTS { (n)-[:HOLDS|BINDS|INVOLVES|BETWEEN|PART_OF]->(:Organization {id: $organization}) }`,
    ),
  // Not `regionScope`: a list counts an entity tied to a region (or holding a post in a body
  // based there), not one tied to such a body (a document binding it).
  region: (type) =>
    ofDocument(
      type,
      cypher`-[:BINDS]->(:Region)-[:${PARTS.any}]->(:Region {id: $region})`,
      cypher`EXISTS { (n)-[:BINDS|INVOLVES|HELD_IN|BETWEEN|BASED_IN|PART_OF]->(:Region)-[:${PARTS.any}]->(:Region {id: $region}) }
      OR EXISTS { (n)-[:HOLDS]->(:Organization)-[:BASED_IN]->(:Region)-[:${PARTS.any}]->(:Region {id: $region}) }`,
    ),
};

/** The names of the filters given, in a fixed order (they name the statement too). */
function givenFilters(filter: ListFilter): (keyof ListFilter)[] {
  return (Object.keys(FILTERS) as (keyof ListFilter)[]).filter((name) => filter[name] !== null);
}

/**
 * How a type sorts by a key. `key` is the sort key of a row (missing dates and values sort as ''
 * and -1, first ascending and last descending). `indexed` is the property whose index gives the
 * order (every type has an index on it, schema/migrations), where every stored value sorts after
 * the stand-in for a missing one: names (always there), ISO dates, and document values (never
 * negative). Figure values can be negative, so they sort the generic way.
 */
interface Order {
  readonly key: Cypher;
  readonly indexed: string | null;
  /** Whether the property can be missing (then missing ones form their own section). */
  readonly missing: boolean;
}

function orderOf(type: EntityType, sort: SortKey): Order {
  switch (sort) {
    case 'NAME':
      return { key: cypher`n.name`, indexed: 'name', missing: false };
    case 'DATE': {
      const property = specOf(type).sortDate;
      return property
        ? { key: cypher`coalesce(n.${identifier(property)}, '')`, indexed: property, missing: true }
        : { key: cypher`''`, indexed: null, missing: false };
    }
    case 'VALUE': {
      const property = specOf(type).sortValue;
      if (!property) return { key: cypher`-1.0`, indexed: null, missing: false };
      // Of the values, only documents' are indexed (migration 0001): figures are few per query.
      const key = cypher`coalesce(n.${identifier(property)}, -1.0)`;
      return type === 'Document' ? { key, indexed: property, missing: true } : { key, indexed: null, missing: false };
    }
  }
}

/** Where the cursor sits: no cursor, among rows with the sort property, or among those without. */
export type CursorAt = 'start' | 'valued' | 'missing';

/** The statement of a page of one type, in one order, with the given filters, from a cursor. */
export function pageStatement(
  type: EntityType,
  sort: SortKey,
  descending: boolean,
  filters: readonly Cypher[],
  at: CursorAt,
): Cypher {
  const order = orderOf(type, sort);
  const label = identifier(type);
  const direction = descending ? cypher`DESC` : cypher`ASC`;
  const beyond = descending ? cypher`<` : cypher`>`;
  const match = (extra: readonly Cypher[], hint = cypher``) => {
    const predicates = [...filters, ...extra];
    return cypher`MATCH (n:${label}) ${hint} ${predicates.length > 0 ? cypher`WHERE ${and(predicates)}` : cypher``}`;
  };
  const page = cypher`RETURN ${projectEntity(cypher`n`)} AS node, ${order.key} AS sortKey
   ORDER BY sortKey ${direction}, n.id ${direction}
   LIMIT toInteger($limit)`;

  if (order.indexed === null) {
    // Generic: every match gets its key, then the page is cut.
    const keyset =
      at === 'start'
        ? cypher``
        : cypher`WHERE sortKey ${beyond} $afterValue OR (sortKey = $afterValue AND n.id ${beyond} $afterId)`;
    return cypher`${match([])}
   WITH n, ${order.key} AS sortKey ${keyset}
   ${page}`;
  }

  const indexed = identifier(order.indexed);
  const property = cypher`n.${indexed}`;
  // Up to a page of rows that have the property, walking its index in order from the cursor and
  // stopping once the page is full. The hint keeps Neo4j from seeking a filter's index instead
  // and sorting every match: a page then costs what its rows cost, whatever the list's length. A
  // filter that keeps few rows makes the walk read further, never more than every node of the
  // label, which the count of such a list reads anyway. After a cursor the index is sought at the
  // cursor with the range predicate on the property alone, so page 50 costs what page 1 does.
  // `USING INDEX SEEK` makes that a seek: under a LIMIT Neo4j costs a walk from the top of the
  // index that filters up to the cursor the same as the seek, and on the tests' small graph picked
  // either from one run to the next (the walk's cost grows with the page number). The rows tying
  // with the cursor are cut by comparing (property, id) as lists, which the planner cannot split
  // into a union of index scans as it did the equivalent OR there (a union loses the index order
  // and sorts every row).
  const valued = (fromCursor: boolean) => {
    const range = fromCursor
      ? [
          cypher`${property} ${descending ? cypher`<=` : cypher`>=`} $afterValue`,
          cypher`[${property}, n.id] ${beyond} [$afterValue, $afterId]`,
        ]
      : [cypher`${property} IS NOT NULL`];
    return cypher`${match(range, cypher`USING INDEX ${fromCursor ? cypher`SEEK ` : cypher``}n:${label}(${indexed})`)}
     WITH n ORDER BY ${property} ${direction}, n.id ${direction} LIMIT toInteger($limit)`;
  };
  if (!order.missing) {
    return cypher`CALL () { ${valued(at !== 'start')} RETURN collect(n) AS found }
   UNWIND found AS n
   ${page}`;
  }
  // Up to a page of rows without it, by id.
  const missing = (fromCursor: boolean) =>
    cypher`${match([cypher`${property} IS NULL`, ...(fromCursor ? [cypher`n.id ${beyond} $afterId`] : [])])}
     WITH n ORDER BY n.id ${direction} LIMIT toInteger($limit)`;
  // Missing values sort first ascending and last descending. The second section is read only
  // when the first does not fill the page (an UNWIND of nothing: a WHERE on `before` would be
  // planned after the second section's scan), and a cursor past the first section skips it. The
  // second section runs in a subquery of its own under that UNWIND: Neo4j does not know that the
  // UNWIND gives at most one row, so a section matched beside it loses its index order, and an
  // ascending page then read the index from the cursor to its end (Top instead of PartialTop).
  const skipFirst = descending ? at === 'missing' : at === 'valued';
  const first = descending ? valued(at === 'valued') : missing(at === 'missing');
  const second = descending ? missing(at === 'missing') : valued(at === 'valued');
  return cypher`${skipFirst ? cypher`WITH [] AS before` : cypher`CALL () { ${first} RETURN collect(n) AS before }`}
   CALL (before) {
     UNWIND CASE WHEN size(before) < $limit THEN [true] ELSE [] END AS more
     CALL (more) { ${second} RETURN n }
     RETURN collect(n) AS later
   }
   UNWIND before + later AS n
   ${page}`;
}

/** The statement counting one type's entities with the given filters. */
export function countStatement(type: EntityType, filters: readonly Cypher[]): Cypher {
  return cypher`MATCH (n:${identifier(type)})${filters.length > 0 ? cypher` WHERE ${and(filters)}` : cypher``} RETURN count(n) AS total`;
}

/** The filter pieces of the filters given, for one type. */
export function filtersOf(type: EntityType, filter: ListFilter): Cypher[] {
  return givenFilters(filter).map((name) => FILTERS[name](type));
}

/** The cursor section a request reads from. */
function cursorAt(request: ListRequest): CursorAt {
  const order = orderOf(request.type, request.sort);
  const missingValue = request.sort === 'VALUE' ? -1 : '';
  if (request.after === null) return 'start';
  return order.missing && request.after.value === missingValue ? 'missing' : 'valued';
}

/** The parameters of a page statement: the filter's values, the cursor and the page size. */
export function pageParameters(request: ListRequest): Record<string, unknown> {
  return {
    ...request.filter,
    afterValue: request.after?.value ?? null,
    afterId: request.after?.id ?? null,
    limit: request.limit,
  };
}

/** The parameters of a count statement: the filter's values. */
export function countParameters(filter: ListFilter): Record<string, unknown> {
  return { ...filter };
}

const pageRow = z.object({ node: entityColumn, sortKey: z.union([z.string(), z.number()]) });
type PageRow = z.infer<typeof pageRow>;
const countRow = z.object({ total: z.number() });

const pageQueries = new Map<string, Query<PageRow>>();
const countQueries = new Map<string, Query<{ total: number }>>();

function pageQuery(type: EntityType, sort: SortKey, descending: boolean, filter: ListFilter, at: CursorAt) {
  const names = givenFilters(filter);
  const name = `entity.list.${type}.${sort}.${descending ? 'desc' : 'asc'}.${at}.${names.join('+') || 'all'}`;
  let query = pageQueries.get(name);
  if (!query) {
    query = defineQuery(name, pageStatement(type, sort, descending, filtersOf(type, filter), at), pageRow);
    pageQueries.set(name, query);
  }
  return query;
}

function countQuery(type: EntityType, filter: ListFilter) {
  const names = givenFilters(filter);
  const name = `entity.count.${type}.${names.join('+') || 'all'}`;
  let query = countQueries.get(name);
  if (!query) {
    query = defineQuery(name, countStatement(type, filtersOf(type, filter)), countRow);
    countQueries.set(name, query);
  }
  return query;
}

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

  page(request: ListRequest): Promise<PageRow[]> {
    const query = pageQuery(request.type, request.sort, request.descending, request.filter, cursorAt(request));
    return this.db.read(query, pageParameters(request));
  }

  async count(type: EntityType, filter: ListFilter): Promise<number> {
    const row = await this.db.readOne(countQuery(type, filter), countParameters(filter));
    return row?.total ?? 0;
  }
}
