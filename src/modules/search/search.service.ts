import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import { matchKey } from '../entity/entity.model';
import type { SearchArgs } from './search.input';
import { SEARCH_MATCHES, type SearchMatch, type SearchRepository } from './search.repository';

/** Characters with a meaning in Lucene's query syntax; each is escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_WORDS = 32;
/** Shorter prefixes would match most of the index. */
const MIN_PREFIX = 2;
/**
 * The full-text hits ranked before a page is cut: prefix hits all score alike, so the page must
 * come from more of them than it shows. Whole names and name prefixes are found apart from it.
 */
const RANK_WINDOW = 200;

/**
 * Turns what a user typed into a Lucene query that requires every word. Words are lower-cased,
 * so AND, OR, NOT and TO are words rather than operators, and every special character is escaped,
 * so no input changes the query's structure. Words with no letter or digit are dropped (they
 * would analyze to nothing). The last word also matches as a prefix; prefix terms skip the
 * index's analyzer, so the prefix is folded here as the analyzer folds indexed text.
 */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words
    .map((word, index) => {
      const term = word.toLowerCase().replace(LUCENE_SPECIAL, '\\$&');
      if (index < words.length - 1) return `+${term}`;
      const prefix = matchKey(word).split(' ').at(-1) ?? '';
      return prefix.length >= MIN_PREFIX ? `+(${term} OR ${prefix}*)` : `+${term}`;
    })
    .join(' ');
}

export interface SearchHitObject {
  readonly entity: EntityObject;
  readonly match: SearchMatch;
  readonly score: number;
}

/**
 * One number that orders hits as they are ranked: the kind of match (6 for a whole name down to
 * 1 for words found anywhere) plus the full-text relevance squeezed into [0, 1).
 */
export function hitScore(rank: number, relevance: number): number {
  return SEARCH_MATCHES.length - rank + relevance / (relevance + 1);
}

/** Full-text search over the names and aliases of every entity type. */
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  async search(args: SearchArgs): Promise<SearchHitObject[]> {
    const query = toLuceneQuery(args.text);
    if (query === null) return [];
    const key = matchKey(args.text);
    const terms = { query, key, words: key.split(' '), prefix: key.length >= MIN_PREFIX };
    const types = args.types && args.types.length > 0 ? args.types : null;
    const rows = await this.repository.find(terms, types, args.first, Math.max(RANK_WINDOW, args.first));
    return rows.map((row) => ({
      entity: toEntityObject(row.node),
      match: SEARCH_MATCHES[row.rank] ?? 'TEXT',
      score: hitScore(row.rank, row.relevance),
    }));
  }
}
