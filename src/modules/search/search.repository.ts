import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import { entityColumn, entityProjection } from '../entity/entity.columns';

/**
 * How a hit matched, best first. Lucene scores every prefix hit alike (a prefix query is
 * constant-score), so "kazak" alone cannot tell Kazakhstan from the Government of Kazakhstan;
 * the kind of match can, and the full-text score only orders hits of one kind.
 */
export const SEARCH_MATCHES = ['NAME', 'ALIAS', 'NAME_PREFIX', 'ALIAS_PREFIX', 'WORD_PREFIX', 'TEXT'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

const TYPES_WANTED = `($types IS NULL OR any(label IN labels(node) WHERE label IN $types))`;

// Whole-name and name-prefix hits come from the name-key index, so they are found however many
// other names share the prefix; the full-text branch adds alias and word hits from a window
// wider than the page, ranked here before the page is cut. Equal ranks are ordered by name so an
// answer does not change from one call to the next.
const searchQuery = defineQuery(
  'search.entities',
  `CALL {
     MATCH (node:Entity) WHERE node.nameKey = $key AND ${TYPES_WANTED}
     RETURN node, 0.0 AS relevance
     UNION ALL
     MATCH (node:Entity) WHERE $prefix AND node.nameKey STARTS WITH $key AND ${TYPES_WANTED}
     WITH node ORDER BY size(node.nameKey) LIMIT toInteger($window)
     RETURN node, 0.0 AS relevance
     UNION ALL
     CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
     WITH node, score WHERE ${TYPES_WANTED}
     WITH node, score LIMIT toInteger($window)
     RETURN node, score AS relevance
   }
   WITH node, max(relevance) AS relevance, coalesce(node.nameKey, '') AS nameKey, coalesce(node.aliasKeys, []) AS aliasKeys
   WITH node, relevance,
        CASE
          WHEN nameKey = $key THEN 0
          WHEN $key IN aliasKeys THEN 1
          WHEN $prefix AND nameKey STARTS WITH $key THEN 2
          WHEN $prefix AND any(alias IN aliasKeys WHERE alias STARTS WITH $key) THEN 3
          WHEN all(word IN $words WHERE any(part IN split(nameKey, ' ') WHERE part STARTS WITH word)) THEN 4
          ELSE 5
        END AS rank
   ORDER BY rank, relevance DESC, size(nameKey), node.name, node.id
   LIMIT toInteger($first)
   RETURN ${entityProjection('node')} AS node, rank, relevance`,
  z.object({ node: entityColumn, rank: z.number().int().min(0).max(5), relevance: z.number() }),
);

export type SearchRow = z.infer<typeof searchQuery.row>;

export interface SearchTerms {
  /** Lucene syntax: the service builds it from the user's words, escaped. */
  readonly query: string;
  /** The whole text folded as names are folded into `nameKey`. */
  readonly key: string;
  /** The folded words of the text. */
  readonly words: readonly string[];
  /** Whether the key is long enough to match names by prefix. */
  readonly prefix: boolean;
}

export class SearchRepository {
  constructor(private readonly db: Executor) {}

  find(terms: SearchTerms, types: readonly string[] | null, first: number, window: number): Promise<SearchRow[]> {
    return this.db.read(searchQuery, { ...terms, types, first, window });
  }
}
