import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { type Cypher, cypher } from '../../db/cypher';
import { defineQuery, type Params } from '../../db/query';
import { PARTS } from '../entity/entity.parts';
import type { Entry } from './change.model';

/** A change as stored: the header, and its entries as the JSON the recorder wrote. */
export const changeRow = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  operation: z.string(),
  sourceId: z.string().nullable(),
  revertOf: z.string().nullable(),
  entries: z.string().transform((text) => JSON.parse(text) as Entry[]),
});
export type ChangeRow = z.infer<typeof changeRow>;

const CHANGE_COLUMNS = cypher`c.id AS id, toString(c.at) AS at, c.actor AS actor, c.operation AS operation,
  c.sourceId AS sourceId, c.revertOf AS revertOf, c.entries AS entries`;

export const byIdQuery = defineQuery(
  'history.byId',
  cypher`MATCH (c:Change {id: $id}) RETURN ${CHANGE_COLUMNS}`,
  changeRow,
);

/** The log after one id, oldest first: what the tail of another instance has not seen yet. */
const afterQuery = defineQuery(
  'history.after',
  cypher`MATCH (c:Change) WHERE c.id > $after
   RETURN ${CHANGE_COLUMNS} ORDER BY c.id LIMIT toInteger($limit)`,
  changeRow,
);

const revertsOfQuery = defineQuery(
  'history.revertsOf',
  cypher`MATCH (c:Change {revertOf: $id}) RETURN ${CHANGE_COLUMNS} ORDER BY c.id`,
  changeRow,
);

/** The changes after one (by id, so later) that touched any of the words' facts. */
export const touchingSinceQuery = defineQuery(
  'history.touchingSince',
  `CALL db.index.fulltext.queryNodes('change_subjects', $words) YIELD node AS c
   WITH c WHERE c.id > $since
   RETURN c.id AS id ORDER BY c.id`,
  z.object({ id: z.string() }),
);

/** Where the feed's changes come from: all of them, those of the index words, or one by id. */
export type FeedSource = 'all' | 'subjects' | 'one';
/** What a feed statement reads: a page of changes, how many there are, or whether one passes. */
export type FeedRead = 'page' | 'count' | 'matches';

/**
 * The region and its parts (regions only: a change to a body based there counts through its
 * BASED_IN tie below), for the region filter (an empty list without one).
 */
const REGION_SCOPE = cypher`
  OPTIONAL MATCH (scope:Region {id: $region})
  CALL (scope) {
    OPTIONAL MATCH (scope)<-[:${PARTS.any}]-(part:Region)
    RETURN collect(part) AS regions
  }`;

/**
 * With an entity (or a tie, or several of either) a statement starts from the `change_subjects`
 * full-text index; otherwise it walks the changes in id (time) order.
 */
const SOURCES: Record<FeedSource, Cypher> = {
  all: cypher`MATCH (c:Change)`,
  subjects: cypher`CALL db.index.fulltext.queryNodes('change_subjects', $words) YIELD node AS c
   WITH c, regions`,
  one: cypher`MATCH (c:Change {id: $id})`,
};

/** The part of the feed's statement after the changes are found: the filters (`after` only for a page). */
const feedFilters = (read: FeedRead) => cypher`
  WHERE ${read === 'page' ? cypher`($after IS NULL OR c.id < $after)` : cypher`true`}
    AND ($since IS NULL OR c.at >= datetime($since))
    AND ($until IS NULL OR c.at <= datetime($until))
    AND ($actor IS NULL OR c.actor = $actor)
    AND ($type IS NULL OR $type IN c.types)
    AND ($region IS NULL OR any(id IN c.entityIds WHERE EXISTS {
      MATCH (n:Entity {id: id})
      WHERE n IN regions OR EXISTS { (n)-[:BINDS|HELD_IN|INVOLVES|BASED_IN|BETWEEN|FROM|TO]->(r:Region) WHERE r IN regions }
    }))`;

const RETURNS: Record<FeedRead, Cypher> = {
  page: cypher`RETURN ${CHANGE_COLUMNS}
   ORDER BY c.id DESC
   LIMIT toInteger($limit)`,
  count: cypher`RETURN count(c) AS count`,
  matches: cypher`RETURN count(c) > 0 AS matches`,
};

/** A statement of the feed: changes newest first, their count, or whether one change passes. */
export const feedStatement = (source: FeedSource, read: FeedRead): Cypher => cypher`${REGION_SCOPE}
   ${SOURCES[source]}
   ${feedFilters(read)}
   ${RETURNS[read]}`;

const feedQuery = defineQuery('history.feed', feedStatement('all', 'page'), changeRow);
const feedBySubjectQuery = defineQuery('history.feedBySubject', feedStatement('subjects', 'page'), changeRow);

/** Whether one change passes the feed's filters (for subscribers whose filter needs the graph). */
const matchesQuery = defineQuery(
  'history.matches',
  feedStatement('one', 'matches'),
  z.object({ matches: z.boolean() }),
);

const countQuery = defineQuery('history.count', feedStatement('all', 'count'), z.object({ count: z.number() }));
const countBySubjectQuery = defineQuery(
  'history.countBySubject',
  feedStatement('subjects', 'count'),
  z.object({ count: z.number() }),
);

export interface FeedFilter {
  readonly since: string | null;
  readonly until: string | null;
  readonly actor: string | null;
  readonly type: string | null;
  readonly region: string | null;
  /** Index words of entities, ties or keys (`change.model.ts`); a change with any of them matches. */
  readonly subjects: readonly string[] | null;
}

/**
 * A full-text query for the words: each in quotes, so the query parser reads `region:kz` as one
 * word, not as the field `region`. Words are ids (`ID_PATTERN`) or hex digests: no quotes in them.
 */
export function subjectQuery(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/["\\]/g, '')}"`).join(' OR ');
}

/** The parameters of the feed's statements, as the repository passes them. */
export const feedParameters = {
  filter: (filter: FeedFilter): Params => ({
    since: filter.since,
    until: filter.until,
    actor: filter.actor,
    type: filter.type,
    region: filter.region,
    words: filter.subjects ? subjectQuery(filter.subjects) : null,
    after: null,
  }),
  page: (filter: FeedFilter, after: string | null, limit: number): Params => ({
    ...feedParameters.filter(filter),
    after,
    limit,
  }),
  matches: (id: string, filter: FeedFilter): Params => ({ ...feedParameters.filter(filter), id }),
};

/** Reads of the change log. */
export class HistoryRepository {
  constructor(private readonly db: Executor) {}

  byId(id: string): Promise<ChangeRow | undefined> {
    return this.db.readOne(byIdQuery, { id });
  }

  after(id: string, limit: number): Promise<ChangeRow[]> {
    return this.db.read(afterQuery, { after: id, limit });
  }

  revertsOf(id: string): Promise<ChangeRow[]> {
    return this.db.read(revertsOfQuery, { id });
  }

  feed(filter: FeedFilter, after: string | null, limit: number): Promise<ChangeRow[]> {
    const params = feedParameters.page(filter, after, limit);
    return filter.subjects ? this.db.read(feedBySubjectQuery, params) : this.db.read(feedQuery, params);
  }

  async matches(id: string, filter: FeedFilter): Promise<boolean> {
    return (await this.db.readOne(matchesQuery, feedParameters.matches(id, filter)))?.matches ?? false;
  }

  async count(filter: FeedFilter): Promise<number> {
    const params = feedParameters.filter(filter);
    const row = await (filter.subjects
      ? this.db.readOne(countBySubjectQuery, params)
      : this.db.readOne(countQuery, params));
    return row?.count ?? 0;
  }
}
