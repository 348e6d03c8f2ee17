import { Cypher, cypher } from '../../db/cypher';

/**
 * How far "a region and its parts" (and a body and the bodies within it, a reported group and its
 * parts) reaches: PART_OF is followed up to this many levels, everywhere the API follows it, so a
 * list filter, a signing filter, a stat and an export agree on what is inside a region. Five
 * levels hold a supranational region > country > province > prefecture > county > city.
 *
 * Cypher takes no parameter for the bounds of a variable-length pattern, so the bound is written
 * into the statements through the fragments below: constants of the code, never values.
 */
export const PART_OF_DEPTH = 5;

/** The entity itself or anything up to `PART_OF_DEPTH` levels within it (or above it, pointed out). */
export const PART_OF_ANY = `PART_OF*0..${PART_OF_DEPTH}`;

/** Strictly within (or above): one level up to `PART_OF_DEPTH`. */
export const PART_OF_STRICT = `PART_OF*1..${PART_OF_DEPTH}`;

/** The rest of a chain after its first PART_OF step, when that step is matched on its own. */
export const PART_OF_AFTER_FIRST = `PART_OF*0..${PART_OF_DEPTH - 1}`;

/**
 * The one rule for reported groups (docs/queries.md, "Reported groups"): a document that is
 * PART_OF a group (a PACKAGE, or a sub-group of one) has the group's forum, parties, sectors and
 * sources as well as its own, so `(d)-[:${SELF_AND_GROUPS}]->(:Document)` reaches the document and
 * every group it is in. Document statistics, the document list filters, `Document.inheritedSectors`
 * and `inheritedParties`, and the sector filter of exports all follow it.
 */
export const SELF_AND_GROUPS = PART_OF_ANY;

/** The same bounds as pieces of the Cypher kit, for statements built with `cypher`. */
export const PARTS = {
  any: Cypher.of(PART_OF_ANY),
  strict: Cypher.of(PART_OF_STRICT),
  selfAndGroups: Cypher.of(SELF_AND_GROUPS),
  afterFirst: Cypher.of(PART_OF_AFTER_FIRST),
} as const;

/**
 * The parties "in a region" wherever a filter asks for them: the region, its parts (`PARTS.any`)
 * and the bodies based in any of them (BASED_IN), as a list of ids bound to `name`; null when
 * `region` (a parameter) is null, and empty for a region the graph does not hold. One subquery of
 * one row, so a statement works the scope out once and then compares ids (a signature's
 * onBehalfOf, a bound party). Signings and exports filter by it.
 */
export const regionScope = (region: Cypher, name: Cypher): Cypher => cypher`
  CALL () {
    OPTIONAL MATCH (:Region {id: ${region}})<-[:${PARTS.any}]-(part:Region)
    OPTIONAL MATCH (part)<-[:BASED_IN]-(body:Organization)
    RETURN CASE WHEN ${region} IS NULL THEN null ELSE collect(DISTINCT part.id) + collect(DISTINCT body.id) END AS ${name}
  }`;
