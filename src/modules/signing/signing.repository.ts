import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery, type Query } from '../../db/query';
import type { Keyset } from '../../graphql/pagination';
import { tieColumn } from '../entity/entity.repository';
import { entityColumn, entityColumnOf, entityProjection } from '../entity/entity.columns';
import { PART_OF_AFTER_FIRST, PART_OF_ANY, SELF_AND_GROUPS } from '../entity/entity.parts';

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
const regionScope = (param: string, name: string) => `
  CALL () {
    OPTIONAL MATCH (:Region {id: ${param}})<-[:${PART_OF_ANY}]-(part:Region)
    OPTIONAL MATCH (part)<-[:BASED_IN]-(body:Organization)
    RETURN CASE WHEN ${param} IS NULL THEN null ELSE collect(DISTINCT part.id) + collect(DISTINCT body.id) END AS ${name}
  }`;

const PARTY_SCOPES = `
  ${regionScope('$region', 'regionParties')}
  ${regionScope('$counterpart', 'counterpartParties')}
  CALL () {
    OPTIONAL MATCH (:Organization {id: $organization})<-[:${PART_OF_ANY}]-(part:Organization)
    RETURN CASE WHEN $organization IS NULL THEN null ELSE collect(DISTINCT part.id) END AS organizationParties
  }`;

/**
 * Where the match starts. An official, forum, region or organization filter starts from that
 * node's index entry (a party's signatures through the SIGNED.onBehalfOf index), so a narrow
 * filter never scans every signature. Each anchor yields exactly the rows its own filter would
 * keep, so that filter is left out of the predicates below.
 */
type Anchor = 'official' | 'forum' | 'region' | 'organization' | 'all';

// Documents binding one of the parties (a part, through its group), and signatures for one.
const partyAnchor = (parties: string) => `
  CALL (${parties}) {
    UNWIND ${parties} AS party
    MATCH (:Entity {id: party})<-[:BINDS]-(:Document)<-[:${SELF_AND_GROUPS}]-(d:Document)<-[s:SIGNED]-(o:Official)
    RETURN o, s, d
    UNION
    UNWIND ${parties} AS party
    MATCH (o:Official)-[s:SIGNED {onBehalfOf: party}]->(d:Document)
    RETURN o, s, d
  }`;

const ANCHORS: Record<Anchor, string> = {
  official: `MATCH (o:Official {id: $official})-[s:SIGNED]->(d:Document)`,
  forum: `MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:${SELF_AND_GROUPS}]-(d:Document)
          MATCH (o:Official)-[s:SIGNED]->(d)
          WITH DISTINCT regionParties, organizationParties, counterpartParties, o, s, d`,
  region: partyAnchor('regionParties'),
  organization: partyAnchor('organizationParties'),
  all: `MATCH (o:Official)-[s:SIGNED]->(d:Document)`,
};

// A document in a reported group shares the group's forum, parties and sectors (SELF_AND_GROUPS
// includes the document itself).
const PREDICATES = {
  official: `($official IS NULL OR o.id = $official)`,
  kinds: `($kinds IS NULL OR d.kind IN $kinds)`,
  dates: `($dateFrom IS NULL OR d.signedOn >= $dateFrom) AND ($dateTo IS NULL OR d.signedOn <= $dateTo)`,
  forum: `($forum IS NULL
           OR EXISTS { (d)-[:${SELF_AND_GROUPS}]->(:Document)-[:SIGNED_AT]->(:Forum)-[:IN_SERIES*0..1]->(:Forum {id: $forum}) })`,
  sector: `($sector IS NULL OR EXISTS { (d)-[:${SELF_AND_GROUPS}]->(:Document)-[:COVERS]->(:Sector {id: $sector}) })`,
  region: `(regionParties IS NULL OR s.onBehalfOf IN regionParties
            OR EXISTS { (d)-[:${SELF_AND_GROUPS}]->(:Document)-[:BINDS]->(p) WHERE p.id IN regionParties })`,
  organization: `(organizationParties IS NULL OR s.onBehalfOf IN organizationParties
                  OR EXISTS { (d)-[:${SELF_AND_GROUPS}]->(:Document)-[:BINDS]->(p) WHERE p.id IN organizationParties })`,
  counterpart: `(counterpartParties IS NULL
                 OR EXISTS { (d)-[:${SELF_AND_GROUPS}]->(:Document)-[:BINDS]->(p) WHERE p.id IN counterpartParties })`,
};

const MATCH_FILTERED = (anchor: Anchor) => `
  ${PARTY_SCOPES}
  ${ANCHORS[anchor]}
  WITH regionParties, organizationParties, counterpartParties, o, s, d
  WHERE ${Object.entries(PREDICATES)
    .filter(([name]) => name !== anchor)
    .map(([, predicate]) => predicate)
    .join('\n    AND ')}`;

// Datetimes come as text (`entityProjection`, and for ties the same): decoding driver DateTimes is dear.
const ENTITY = entityProjection;
const TIE = (variable: string) => `${variable} {.*, createdAt: toString(${variable}.createdAt)}`;

/**
 * The documents a page's rows can come from, per anchor: a superset at the level of rows (a
 * party's documents include co-signatures for other parties), which the row predicates narrow.
 * A party's documents: those binding it, the parts of groups binding it, and those signed on its
 * behalf. Parts are found from the PART_OF ties themselves (a type scan; parts are few), not by
 * a PART_OF_ANY expansion from each binding document, which read every tie of every document
 * of a busy region (358,000 database hits of a page's 673,000 at scale 1).
 */
const partyDocuments = (parties: string) => `
  CALL (${parties}) {
    UNWIND ${parties} AS party
    MATCH (:Entity {id: party})<-[:BINDS]-(d:Document)
    RETURN d
    UNION ALL
    MATCH (d:Document)-[:PART_OF]->(:Document)-[:${PART_OF_AFTER_FIRST}]->(:Document)-[:BINDS]->(p)
    WHERE p.id IN ${parties}
    RETURN d
    UNION ALL
    UNWIND ${parties} AS party
    MATCH ()-[:SIGNED {onBehalfOf: party}]->(d)
    RETURN d
  }
  WITH DISTINCT regionParties, organizationParties, counterpartParties, d`;

const CANDIDATES: Record<Anchor, string> = {
  official: `MATCH (:Official {id: $official})-[:SIGNED]->(d:Document) WITH DISTINCT regionParties, organizationParties, counterpartParties, d`,
  forum: `MATCH (:Forum {id: $forum})<-[:IN_SERIES*0..1]-(:Forum)<-[:SIGNED_AT]-(:Document)<-[:${SELF_AND_GROUPS}]-(d:Document)
          WITH DISTINCT regionParties, organizationParties, counterpartParties, d`,
  region: partyDocuments('regionParties'),
  organization: partyDocuments('organizationParties'),
  all: `MATCH (d:Document)`,
};

const DOCUMENT_PREDICATES = ['kinds', 'dates', 'forum', 'sector', 'counterpart'] as const;
const ROW_PREDICATES = ['official', 'region', 'organization'] as const;

/**
 * A page reads documents first. A row sorts by its document's date, then document id, then
 * official id (what `rowId` orders by: ids hold no character below the space between them), so
 * the first rows of a page are signatures of the first documents in that order: the documents
 * are sorted, and their signatures are read one document at a time only until the page is full.
 * Reading every signature of every matching document and sorting them all cost a busy region's
 * page several hundred thousand database hits (docs/benchmarks.md, Q2). Each direction has its
 * own statement, so Neo4j knows the order the documents come in.
 */
const pageCypher = (anchor: Anchor, descending: boolean) => {
  const direction = descending ? 'DESC' : 'ASC';
  const beyond = descending ? '<' : '>';
  const documentPredicates = DOCUMENT_PREDICATES.filter((name) => name !== anchor).map((name) => PREDICATES[name]);
  return `
  ${PARTY_SCOPES}
  ${CANDIDATES[anchor]}
  WITH regionParties, organizationParties, counterpartParties, d, coalesce(d.signedOn, '') AS sortKey
  WHERE ${documentPredicates.join('\n    AND ')}
    AND ($after IS NULL OR sortKey ${beyond} $after.value
         OR (sortKey = $after.value AND d.id ${beyond}= split($after.id, ' ')[0]))
  WITH regionParties, organizationParties, d, sortKey ORDER BY sortKey ${direction}, d.id ${direction}
  MATCH (o:Official)-[s:SIGNED]->(d)
  WITH regionParties, organizationParties, o, s, d, sortKey, d.id + ' ' + o.id AS rowId
  WHERE ${ROW_PREDICATES.map((name) => PREDICATES[name]).join('\n    AND ')}
    AND ($after IS NULL OR sortKey ${beyond} $after.value OR (sortKey = $after.value AND rowId ${beyond} $after.id))
  WITH o, s, d, sortKey, rowId ORDER BY sortKey ${direction}, d.id ${direction}, o.id ${direction}
  LIMIT toInteger($limit)
  CALL (d) {
    OPTIONAL MATCH route = (d)-[:${SELF_AND_GROUPS}]->(:Document)-[:SIGNED_AT]->(f:Forum)
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
           MATCH (d)-[:${SELF_AND_GROUPS}]->(:Document)-[:BINDS]->(p:Entity)
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
};

const countCypher = (anchor: Anchor) => `
  ${MATCH_FILTERED(anchor)}
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

const ANCHOR_NAMES: readonly Anchor[] = ['official', 'forum', 'region', 'organization', 'all'];

const pageQueries = Object.fromEntries(
  ANCHOR_NAMES.flatMap((anchor) =>
    [true, false].map((descending) => {
      const name = `signing.page.${anchor}.${descending ? 'desc' : 'asc'}`;
      return [name, defineQuery(name, pageCypher(anchor, descending), signingRow)];
    }),
  ),
) as Record<string, Query<SigningRow>>;

const countQueries = Object.fromEntries(
  ANCHOR_NAMES.map((anchor) => [anchor, defineQuery(`signing.count.${anchor}`, countCypher(anchor), countRow)]),
) as Record<Anchor, Query<{ total: number }>>;

/** The narrowest filter given, usually: an official signs less than a forum sees, and so on. */
function anchorOf(filter: SigningQueryFilter): Anchor {
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

export class SigningRepository {
  constructor(private readonly db: Executor) {}

  page(request: SigningPageRequest): Promise<SigningRow[]> {
    const query = pageQueries[`signing.page.${anchorOf(request.filter)}.${request.descending ? 'desc' : 'asc'}`];
    if (!query) throw new RangeError('no page statement for this filter and order');
    return this.db.read(query, {
      ...request.filter,
      after: request.after,
      limit: request.limit,
    });
  }

  async count(filter: SigningQueryFilter): Promise<number> {
    const row = await this.db.readOne(countQueries[anchorOf(filter)], { ...filter });
    return row?.total ?? 0;
  }
}
