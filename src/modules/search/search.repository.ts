import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import { entityColumn, entityProjection } from '../entity/entity.columns';

// The index yields best first, so the page is cut before sorting; equal scores are then ordered
// by name so an answer does not change from one call to the next.
const searchQuery = defineQuery(
  'search.entities',
  `CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
   WHERE $types IS NULL OR any(label IN labels(node) WHERE label IN $types)
   WITH node, score LIMIT toInteger($first)
   RETURN ${entityProjection('node')} AS node, score
   ORDER BY score DESC, node.name, node.id`,
  z.object({ node: entityColumn, score: z.number() }),
);

export type SearchRow = z.infer<typeof searchQuery.row>;

export class SearchRepository {
  constructor(private readonly db: Executor) {}

  /** `query` is Lucene syntax: the service builds it from the user's words, escaped. */
  find(query: string, types: readonly string[] | null, first: number): Promise<SearchRow[]> {
    return this.db.read(searchQuery, { query, types, first });
  }
}
