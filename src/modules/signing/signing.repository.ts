import { z } from 'zod';

import { and, type Cypher, cypher, identifier } from '../../db/cypher';
import type { Executor } from '../../db/executor';
import { defineQuery, type Query } from '../../db/query';
import type { Keyset } from '../../graphql/pagination';
import { entityColumn, entityColumnOf, projectEntity, projectTie, tieColumn } from '../entity/entity.columns';
import { PARTS, regionScope } from '../entity/entity.parts';

export interface SigningQueryFilter {
  readonly region: string | null;
  readonly official: string | null;
  readonly organization: string | null;
  readonly counterpart: string | null;
  readonly forum: string | null;
  readonly kinds: readonly string[] | null;
  readonly sector: string | null;
  /** ISO dates: the first and last day the partial dates of the filter can mean. */
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
}

// The party ids a region, counterpart or organization filter accepts, worked out once per query:
// a region and its parts (and bodies based there), or an organization and the bodies within it.
const PARTY_SCOPES = cypher`
  ${regionScope(cypher`$region`, cypher`regionParties`)}
  ${regionScope(cypher`$counterpart`, cypher`counterpartParties`)}
  CALL () {
    OPTIONAL MATCH (:Organization {id: $organization})<-[:${PARTS.any}]-(part:Organization)
    RETURN CASE WHEN $organization IS NULL THEN null ELSE collect(DISTINCT part.id) END AS organizationParties
  }`;

/** The scopes every statement carries from one clause to the next. */
const SCOPES = cypher`regionParties, organizationParties, counterpartParties`;

/**
 * Where the match starts. An official, forum, region or organization filter starts from that
 * node's index entry (a party's signatures through the SIGNED.onBehalfOf index), so a narrow
 * filter never scans every signature. Each anchor yields exactly the rows its own filter would
 * keep, so that filter is left out of the predicates below.
 */
export type SigningAnchor = 'official' | 'forum' | 'region' | 'organization' | 'all';
export const SIGNING_ANCHORS: readonly SigningAnchor[] = ['official', 'forum', 'region', 'organization', 'all'];

// Documents binding one of the parties (a part, through its group), and signatures for one.
const partyAnchor = (parties: Cypher) => cypher`
  CALL (${parties}) {
    UNWIND ${parties} AS party
    MATCH (:Entity {id: party})<-[:BINDS]-(:Document)<-[:${PARTS.selfAndGroups}]-(d:Document)<-[s:SIGNED]-(o:Official)
    RETURN o, s, d
    UNION
    UNWIND ${parties} AS party
    MATCH (o:Official)-[s:SIGNED {onBehalfOf: party}]->(d:Document)
    RETURN o, s, d
  }`;

const ANCHORS: Record<SigningAnchor, Cypher> = {
  official: cypher`MATCH (o:Official {id: $official})-[s:SIGNED]->(d:Document)`,
  forum: cypher`MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:${PARTS.selfAndGroups}]-(d:Document)
          MATCH (o:Official)-[s:SIGNED]->(d)
          WITH DISTINCT ${SCOPES}, o, s, d`,
  region: partyAnchor(cypher`regionParties`),
  organization: partyAnchor(cypher`organizationParties`),
  all: cypher`MATCH (o:Official)-[s:SIGNED]->(d:Document)`,
};

// A document in a reported group shares the group's forum, parties and sectors (SELF_AND_GROUPS
// includes the document itself).
const PREDICATES = {
  official: cypher`$official IS NULL OR o.id = $official`,
  kinds: cypher`$kinds IS NULL OR d.kind IN $kinds`,
  dates: cypher`($dateFrom IS NULL OR d.signedOn >= $dateFrom) AND ($dateTo IS NULL OR d.signedOn <= $dateTo)`,
  forum: cypher`$forum IS NULL
           OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:SIGNED_AT]->(:Forum)-[:IN_SERIES*0..1]->(:Forum {id: $forum}) }`,
  sector: cypher`$sector IS NULL OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:COVERS]->(:Sector {id: $sector}) }`,
  region: cypher`regionParties IS NULL OR s.onBehalfOf IN regionParties
            OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(p) WHERE p.id IN regionParties }`,
  organization: cypher`organizationParties IS NULL OR s.onBehalfOf IN organizationParties
                  OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(p) WHERE p.id IN organizationParties }`,
  counterpart: cypher`counterpartParties IS NULL
                 OR EXISTS { (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(p) WHERE p.id IN counterpartParties }`,
} as const satisfies Record<string, Cypher>;
type Predicate = keyof typeof PREDICATES;

const MATCH_FILTERED = (anchor: SigningAnchor) => cypher`
  ${PARTY_SCOPES}
  ${ANCHORS[anchor]}
  WITH ${SCOPES}, o, s, d
  WHERE ${and(
    Object.entries(PREDICATES)
      .filter(([name]) => name !== anchor)
      .map(([, predicate]) => predicate),
  )}`;

// Datetimes come as text (`projectEntity`, `projectTie`): decoding driver DateTimes is dear.
const ENTITY = (variable: string) => projectEntity(identifier(variable));
const TIE = (variable: string) => projectTie(identifier(variable));

/**
 * The documents a page's rows can come from, per anchor: a superset at the level of rows (a
 * party's documents include co-signatures for other parties), which the row predicates narrow.
 * A party's documents: those binding it, the parts of groups binding it, and those signed on its
 * behalf. Parts are found from the PART_OF ties themselves (a type scan; parts are few), not by
 * a PART_OF_ANY expansion from each binding document, which read every tie of every document
 * of a busy region (358,000 database hits of a page's 673,000 at scale 1).
 */
const partyDocuments = (parties: Cypher) => cypher`
  CALL (${parties}) {
    UNWIND ${parties} AS party
    MATCH (:Entity {id: party})<-[:BINDS]-(d:Document)
    RETURN d
    UNION ALL
    MATCH (d:Document)-[:PART_OF]->(:Document)-[:${PARTS.afterFirst}]->(:Document)-[:BINDS]->(p)
    WHERE p.id IN ${parties}
    RETURN d
    UNION ALL
    UNWIND ${parties} AS party
    MATCH ()-[:SIGNED {onBehalfOf: party}]->(d)
    RETURN d
  }
  WITH DISTINCT ${SCOPES}, d`;

const CANDIDATES: Record<SigningAnchor, Cypher> = {
  official: cypher`MATCH (:Official {id: $official})-[:SIGNED]->(d:Document) WITH DISTINCT ${SCOPES}, d`,
  forum: cypher`MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:${PARTS.selfAndGroups}]-(d:Document)
          WITH DISTINCT ${SCOPES}, d`,
  region: partyDocuments(cypher`regionParties`),
  organization: partyDocuments(cypher`organizationParties`),
  all: cypher`MATCH (d:Document)`,
};

const DOCUMENT_PREDICATES: readonly Predicate[] = ['kinds', 'dates', 'forum', 'sector', 'counterpart'];
const ROW_PREDICATES: readonly Predicate[] = ['official', 'region', 'organization'];

/**
 * A page reads documents first. A row sorts by its document's date, then document id, then
 * official id (what `rowId` orders by: ids hold no character below the space between them), so
 * the first rows of a page are signatures of the first documents in that order: the documents
 * are sorted, and their signatures are read one document at a time only until the page is full.
 * Reading every signature of every matching document and sorting them all cost a busy region's
 * page several hundred thousand database hits (docs/benchmarks.md, Q2). Each direction has its
 * own statement, so Neo4j knows the order the documents come in.
 */
export function pageStatement(anchor: SigningAnchor, descending: boolean): Cypher {
  const direction = descending ? cypher`DESC` : cypher`ASC`;
  const beyond = descending ? cypher`<` : cypher`>`;
  const documentPredicates = DOCUMENT_PREDICATES.filter((name) => name !== anchor).map((name) => PREDICATES[name]);
  return cypher`
  ${PARTY_SCOPES}
  ${CANDIDATES[anchor]}
  WITH ${SCOPES}, d, coalesce(d.signedOn, '') AS sortKey
  WHERE ${and(documentPredicates)}
    AND ($after IS NULL OR sortKey ${beyond} $after.value
         OR (sortKey = $after.value AND d.id ${beyond}= split($after.id, ' ')[0]))
  WITH regionParties, organizationParties, d, sortKey ORDER BY sortKey ${direction}, d.id ${direction}
  MATCH (o:Official)-[s:SIGNED]->(d)
  WITH regionParties, organizationParties, o, s, d, sortKey, d.id + ' ' + o.id AS rowId
  WHERE ${and(ROW_PREDICATES.map((name) => PREDICATES[name]))}
    AND ($after IS NULL OR sortKey ${beyond} $after.value OR (sortKey = $after.value AND rowId ${beyond} $after.id))
  WITH o, s, d, sortKey, rowId ORDER BY sortKey ${direction}, d.id ${direction}, o.id ${direction}
  LIMIT toInteger($limit)
  CALL (d) {
    OPTIONAL MATCH route = (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:SIGNED_AT]->(f:Forum)
    RETURN f ORDER BY length(route), f.id LIMIT 1
  }
  OPTIONAL MATCH (party:Entity {id: s.onBehalfOf})
  RETURN sortKey, rowId,
         ${ENTITY('o')} AS signatory,
         ${TIE('s')} AS tie,
         ${ENTITY('party')} AS party,
         ${ENTITY('d')} AS document,
         ${ENTITY('f')} AS forum,
         COLLECT {
           MATCH (d)-[:${PARTS.selfAndGroups}]->(:Document)-[:BINDS]->(p:Entity)
           WITH DISTINCT p ORDER BY p.name, p.id
           RETURN ${ENTITY('p')}
         } AS parties,
         COLLECT {
           MATCH (d)<-[cs:SIGNED]-(co:Official)
           WHERE co <> o
           OPTIONAL MATCH (cp:Entity {id: cs.onBehalfOf})
           WITH co, cs, cp ORDER BY co.name, co.id
           RETURN {signatory: ${ENTITY('co')}, tie: ${TIE('cs')}, party: ${ENTITY('cp')}}
         } AS counterparts
  ORDER BY sortKey ${direction}, rowId ${direction}`;
}

export function countStatement(anchor: SigningAnchor): Cypher {
  return cypher`
  ${MATCH_FILTERED(anchor)}
  RETURN count(*) AS total`;
}

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

const pageQueries = Object.fromEntries(
  SIGNING_ANCHORS.flatMap((anchor) =>
    [true, false].map((descending) => {
      const name = `signing.page.${anchor}.${descending ? 'desc' : 'asc'}`;
      return [name, defineQuery(name, pageStatement(anchor, descending), signingRow)];
    }),
  ),
) as Record<string, Query<SigningRow>>;

const countQueries = Object.fromEntries(
  SIGNING_ANCHORS.map((anchor) => [anchor, defineQuery(`signing.count.${anchor}`, countStatement(anchor), countRow)]),
) as Record<SigningAnchor, Query<{ total: number }>>;

/** The narrowest filter given, usually: an official signs less than a forum sees, and so on. */
export function signingAnchorOf(filter: SigningQueryFilter): SigningAnchor {
  if (filter.official !== null) return 'official';
  if (filter.forum !== null) return 'forum';
  if (filter.region !== null) return 'region';
  if (filter.organization !== null) return 'organization';
  return 'all';
}

export interface SigningPageRequest {
  readonly filter: SigningQueryFilter;
  readonly descending: boolean;
  readonly after: Keyset | null;
  readonly limit: number;
}

/** The parameters of a page statement: the filter's values, the cursor and the page size. */
export function pageParameters(request: SigningPageRequest): Record<string, unknown> {
  return { ...request.filter, after: request.after, limit: request.limit };
}

/** The parameters of a count statement: the filter's values. */
export function countParameters(filter: SigningQueryFilter): Record<string, unknown> {
  return { ...filter };
}

export class SigningRepository {
  constructor(private readonly db: Executor) {}

  page(request: SigningPageRequest): Promise<SigningRow[]> {
    const query = pageQueries[`signing.page.${signingAnchorOf(request.filter)}.${request.descending ? 'desc' : 'asc'}`];
    if (!query) throw new RangeError('no page statement for this filter and order');
    return this.db.read(query, pageParameters(request));
  }

  async count(filter: SigningQueryFilter): Promise<number> {
    const row = await this.db.readOne(countQueries[signingAnchorOf(filter)], countParameters(filter));
    return row?.total ?? 0;
  }
}
