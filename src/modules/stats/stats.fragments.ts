import { type Cypher, cypher } from '../../db/cypher';
import { PARTS } from '../entity/entity.parts';

/**
 * Cypher fragments the document and figure statistics share. Each grouping is a subquery of one
 * fact returning one row (key, keyNodes) per group the fact falls in; these fragments combine them.
 */

/** A region, or on request ($countries) the first country it is part of (itself when none). */
export const asCountry = (r: Cypher) =>
  cypher`CASE WHEN $countries AND ${r}.kind <> 'COUNTRY'
        THEN coalesce(head(COLLECT {
               MATCH (${r})-[:${PARTS.strict}]->(country:Region {kind: 'COUNTRY'})
               RETURN country ORDER BY country.id LIMIT 1
             }), ${r})
        ELSE ${r} END`;

/** Rows of (fact, keys, keyNodes): one key and its nodes per grouping, one row per group combination. */
export function groupedBy(fact: Cypher, first: Cypher, then: Cypher | null): Cypher {
  if (then === null) return cypher`${first} WITH ${fact}, [key] AS keys, [keyNodes] AS keyNodes`;
  return cypher`${first}
          WITH ${fact}, key AS firstKey, keyNodes AS firstNodes
          ${then}
          WITH ${fact}, [firstKey, key] AS keys, [firstNodes, keyNodes] AS keyNodes`;
}

/** Whether a fact falls in more than one row: then rows share it, and do not sum to the total. */
export const sharedAcrossRows = (fact: Cypher) => cypher`
  WITH ${fact}, collect({keys: keys, keyNodes: keyNodes}) AS groups
  UNWIND groups AS g
  WITH ${fact}, g.keys AS keys, g.keyNodes AS keyNodes, size(groups) > 1 AS shared`;
