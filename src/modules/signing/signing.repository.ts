import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery, type Query } from '../../db/query';
import type { Keyset } from '../../graphql/pagination';
import { tieColumn } from '../entity/entity.repository';
import { entityColumn, entityColumnOf } from '../entity/entity.record';

export interface SigningQueryFilter {
  readonly region: string | null;
  readonly official: string | null;
  readonly organization: string | null;
  readonly forum: string | null;
  readonly kinds: readonly string[] | null;
  readonly sector: string | null;
  /** ISO dates: the first and last day the partial dates of the filter can mean. */
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
}

// The party ids a region or organization filter accepts, worked out once per query: the region
// and its parts (and bodies based there), or the organization and the bodies within it.
const PARTY_SCOPES = `
  CALL () {
    OPTIONAL MATCH (:Region {id: $region})<-[:PART_OF*0..3]-(part:Region)
    OPTIONAL MATCH (part)<-[:BASED_IN]-(body:Organization)
    RETURN CASE WHEN $region IS NULL THEN null ELSE collect(DISTINCT part.id) + collect(DISTINCT body.id) END
           AS regionParties
  }
  CALL () {
    OPTIONAL MATCH (:Organization {id: $organization})<-[:PART_OF*0..3]-(part:Organization)
    RETURN CASE WHEN $organization IS NULL THEN null ELSE collect(DISTINCT part.id) END AS organizationParties
  }`;

/**
 * Where the match starts. An official or forum filter starts from that node's index entry, so a
 * narrow filter never scans every signature; predicates below still hold for every anchor.
 */
type Anchor = 'official' | 'forum' | 'all';

const ANCHORS: Record<Anchor, string> = {
  official: `MATCH (o:Official {id: $official})-[s:SIGNED]->(d:Document)
             WITH regionParties, organizationParties, o, s, d`,
  forum: `MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:PART_OF*0..3]-(d:Document)
          MATCH (o:Official)-[s:SIGNED]->(d)
          WITH DISTINCT regionParties, organizationParties, o, s, d`,
  all: `MATCH (o:Official)-[s:SIGNED]->(d:Document)
        WITH regionParties, organizationParties, o, s, d`,
};

// A document in a reported group shares the group's forum, parties and sectors (PART_OF*0..3
// includes the document itself).
const FILTER = `
  WHERE ($official IS NULL OR o.id = $official)
    AND ($kinds IS NULL OR d.kind IN $kinds)
    AND ($dateFrom IS NULL OR d.signedOn >= $dateFrom)
    AND ($dateTo IS NULL OR d.signedOn <= $dateTo)
    AND ($forum IS NULL
         OR EXISTS { (d)-[:PART_OF*0..3]->(:Document)-[:SIGNED_AT]->(:Forum)-[:IN_SERIES*0..1]->(:Forum {id: $forum}) })
    AND ($sector IS NULL OR EXISTS { (d)-[:PART_OF*0..3]->(:Document)-[:COVERS]->(:Sector {id: $sector}) })
    AND (regionParties IS NULL OR s.onBehalfOf IN regionParties
         OR EXISTS { (d)-[:PART_OF*0..3]->(:Document)-[:BINDS]->(p) WHERE p.id IN regionParties })
    AND (organizationParties IS NULL OR s.onBehalfOf IN organizationParties
         OR EXISTS { (d)-[:PART_OF*0..3]->(:Document)-[:BINDS]->(p) WHERE p.id IN organizationParties })`;

// Ascending and descending share one statement: of each pair of sort expressions one is null.
const ORDER = `
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
           CASE WHEN $descending THEN null ELSE rowId END ASC,
           CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN rowId END DESC`;

const ENTITY = (variable: string) => `${variable} {.*, __labels: labels(${variable})}`;

// Only the rows of the page get their forum, parties and counterparts.
const pageCypher = (anchor: Anchor) => `
  ${PARTY_SCOPES}
  ${ANCHORS[anchor]}
  ${FILTER}
  WITH o, s, d, coalesce(d.signedOn, '') AS sortKey, d.id + ' ' + o.id AS rowId
  WHERE $after IS NULL
     OR (NOT $descending AND (sortKey > $after.value OR (sortKey = $after.value AND rowId > $after.id)))
     OR ($descending AND (sortKey < $after.value OR (sortKey = $after.value AND rowId < $after.id)))
  WITH o, s, d, sortKey, rowId
  ${ORDER}
  LIMIT toInteger($limit)
  CALL (d) {
    OPTIONAL MATCH route = (d)-[:PART_OF*0..3]->(:Document)-[:SIGNED_AT]->(f:Forum)
    RETURN f ORDER BY length(route), f.id LIMIT 1
  }
  OPTIONAL MATCH (party:Entity {id: s.onBehalfOf})
  RETURN sortKey, rowId,
         ${ENTITY('o')} AS signatory,
         properties(s) AS tie,
         ${ENTITY('party')} AS party,
         ${ENTITY('d')} AS document,
         ${ENTITY('f')} AS forum,
         COLLECT {
           MATCH (d)-[:PART_OF*0..3]->(:Document)-[:BINDS]->(p:Entity)
           WITH DISTINCT p ORDER BY p.name, p.id
           RETURN ${ENTITY('p')}
         } AS parties,
         COLLECT {
           MATCH (d)<-[cs:SIGNED]-(co:Official)
           WHERE co <> o
           OPTIONAL MATCH (cp:Entity {id: cs.onBehalfOf})
           WITH co, cs, cp ORDER BY co.name, co.id
           RETURN {signatory: ${ENTITY('co')}, tie: properties(cs), party: ${ENTITY('cp')}}
         } AS counterparts
  ${ORDER}`;

const countCypher = (anchor: Anchor) => `
  ${PARTY_SCOPES}
  ${ANCHORS[anchor]}
  ${FILTER}
  RETURN count(*) AS total`;

const signatureColumn = z.object({
  signatory: entityColumnOf('Official'),
  tie: tieColumn,
  party: entityColumn.nullable(),
});

const signingRow = z.object({
  sortKey: z.string(),
  rowId: z.string(),
  signatory: entityColumnOf('Official'),
  tie: tieColumn,
  party: entityColumn.nullable(),
  document: entityColumnOf('Document'),
  forum: entityColumnOf('Forum').nullable(),
  parties: z.array(entityColumn),
  counterparts: z.array(signatureColumn),
});
export type SigningRow = z.infer<typeof signingRow>;

const countRow = z.object({ total: z.number() });

const pageQueries: Record<Anchor, Query<SigningRow>> = {
  official: defineQuery('signing.page.official', pageCypher('official'), signingRow),
  forum: defineQuery('signing.page.forum', pageCypher('forum'), signingRow),
  all: defineQuery('signing.page.all', pageCypher('all'), signingRow),
};

const countQueries: Record<Anchor, Query<{ total: number }>> = {
  official: defineQuery('signing.count.official', countCypher('official'), countRow),
  forum: defineQuery('signing.count.forum', countCypher('forum'), countRow),
  all: defineQuery('signing.count.all', countCypher('all'), countRow),
};

function anchorOf(filter: SigningQueryFilter): Anchor {
  if (filter.official !== null) return 'official';
  if (filter.forum !== null) return 'forum';
  return 'all';
}

export interface SigningPageRequest {
  readonly filter: SigningQueryFilter;
  readonly descending: boolean;
  readonly after: Keyset | null;
  readonly limit: number;
}

export class SigningRepository {
  constructor(private readonly db: Executor) {}

  page(request: SigningPageRequest): Promise<SigningRow[]> {
    return this.db.read(pageQueries[anchorOf(request.filter)], {
      ...request.filter,
      descending: request.descending,
      after: request.after,
      limit: request.limit,
    });
  }

  async count(filter: SigningQueryFilter): Promise<number> {
    const row = await this.db.readOne(countQueries[anchorOf(filter)], { ...filter });
    return row?.total ?? 0;
  }
}
