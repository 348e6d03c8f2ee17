import { type Cypher, cypher, identifier, join } from '../../db/cypher';
import { ENTITY_TYPES, type EntityType, TIE_SPECS, TIE_TYPES, type TieType } from '../entity/entity.model';
import { PARTS } from '../entity/entity.parts';
import { specOf } from '../entity/entity.specs';

/**
 * The entities the filters of an analysis apply to: the dated ones (documents, forums, figures),
 * each with the stored date its period is read from. Sources are provenance, never part of a
 * network, though they are dated too.
 */
export const EVENT_TYPES = ENTITY_TYPES.filter((type) => type !== 'Source' && specOf(type).sortDate !== undefined);
export type EventType = (typeof EVENT_TYPES)[number];

function dateColumn(type: EventType): string {
  const column = specOf(type).sortDate;
  if (!column) throw new Error(`${type} has no date to filter by`);
  return column;
}

/**
 * The period an event of `type` falls in, as `v`: its year, or with `$groupBy = 'MONTH'` its
 * month, unless its date is known only to the year; 'undated' without a date. Keys sort in time
 * order, a year before its months and 'undated' last.
 */
export function periodKey(type: EventType, v: Cypher): Cypher {
  const name = dateColumn(type);
  const precision = specOf(type).dates.find((date) => date.column === name)?.precision;
  if (!precision) throw new Error(`${type}.${name} has no precision column`);
  const column = identifier(name);
  return cypher`CASE WHEN ${v}.${column} IS NULL THEN 'undated'
     WHEN $groupBy = 'MONTH' AND coalesce(${v}.${identifier(precision)}, 'DAY') <> 'YEAR' THEN left(${v}.${column}, 7)
     ELSE left(${v}.${column}, 4) END`;
}

/** Whether entities of `type` are events. */
const isEvent = (type: EntityType): boolean => (EVENT_TYPES as readonly EntityType[]).includes(type);

/** Ties from an event to a party (a region or an organization): bound by, involving, between, from, to. */
export const PARTY_TIES: readonly TieType[] = TIE_TYPES.filter((type) => {
  const spec = TIE_SPECS[type];
  return spec.from.every(isEvent) && spec.to.includes('Region') && spec.to.includes('Organization');
});

/** Ties from an event of `type` to a region other than containment: where a forum was held, whom a document binds. */
function regionTies(type: EventType): readonly TieType[] {
  return TIE_TYPES.filter(
    (tie) => tie !== 'PART_OF' && TIE_SPECS[tie].from.includes(type) && TIE_SPECS[tie].to.includes('Region'),
  );
}

/** Ties whose two ends can both be other than events (a region within a region, a position, a seat). */
export const STRUCTURAL_TIES: readonly TieType[] = TIE_TYPES.filter(
  (type) => !TIE_SPECS[type].from.every(isEvent) && !TIE_SPECS[type].to.every(isEvent),
);

/** Tie types in a relationship pattern: catalog constants, never values. */
export const tiePattern = (types: readonly TieType[]): Cypher => join(types.map(identifier), 'alternative');

/** Whether entity `v` is an event. */
export const isEventNode = (v: Cypher): Cypher =>
  cypher`(${join(
    EVENT_TYPES.map((type) => cypher`${v}:${identifier(type)}`),
    'or',
  )})`;

/**
 * A document counts with its group: a part of a reported group shares the group's parties and
 * sectors (the rule of `documentStats` and the document filters), so the way from a document to
 * its parties goes through PART_OF first. Other events reach theirs directly.
 */
export const viaGroup = (type: EventType): Cypher =>
  type === 'Document' ? cypher`-[:${PARTS.selfAndGroups}]->(:Document)` : cypher``;

/**
 * The filter of an analysis as Cypher, for an event `v` of `type`: signed, held or reported in
 * [$from, $to] (dated: a period leaves undated events out), tied to $region or a region within it,
 * covering $sector (only documents cover sectors). A null parameter does not filter.
 */
export function eventPasses(type: EventType, v: Cypher): Cypher {
  const date = cypher`${v}.${identifier(dateColumn(type))}`;
  const sector =
    type === 'Document'
      ? cypher`($sector IS NULL OR EXISTS { (${v})${viaGroup(type)}-[:COVERS]->(:Sector {id: $sector}) })`
      : cypher`$sector IS NULL`;
  return cypher`((${date} >= $from AND ${date} <= $to) OR $from IS NULL)
    AND ($region IS NULL OR EXISTS {
      (${v})${viaGroup(type)}-[:${tiePattern(regionTies(type))}]->(:Region)-[:${PARTS.any}]->(:Region {id: $region})
    })
    AND ${sector}`;
}

/** Whether entity `v` is in a filtered network: an event passing the filter, or any other entity but a source. */
export function nodePasses(v: Cypher): Cypher {
  const cases = EVENT_TYPES.map((type) => cypher`WHEN ${v}:${identifier(type)} THEN ${eventPasses(type, v)}`);
  return cypher`(NOT ${v}:Source AND CASE ${cases} ELSE true END)`;
}

/** How the events of one type are found: from the region or sector the filter names, else all of them. */
export type EventAnchor = 'region' | 'sector' | 'all';

/**
 * The events of `type` that pass the filter, as `v`, one row each. An anchor starts from its
 * node's index entry and walks to its events, so a narrow filter never scans every document.
 * Undefined when no event of the type can pass (a sector filter leaves only documents).
 */
export function passingEvents(type: EventType, anchor: EventAnchor, v: Cypher): Cypher | undefined {
  if (anchor === 'sector' && type !== 'Document') return undefined;
  const label = identifier(type);
  const found =
    anchor === 'region'
      ? cypher`MATCH (:Region {id: $region})<-[:${PARTS.any}]-(:Region)<-[:${tiePattern(regionTies(type))}]-(${type === 'Document' ? cypher`:Document)<-[:${PARTS.any}]-(${v}:Document` : cypher`${v}:${label}`})`
      : anchor === 'sector'
        ? cypher`MATCH (:Sector {id: $sector})<-[:COVERS]-(:Document)<-[:${PARTS.any}]-(${v}:Document)`
        : cypher`MATCH (${v}:${label})`;
  return cypher`${found}
    WITH DISTINCT ${v}
    WHERE ${eventPasses(type, v)}`;
}

/** Every event that passes, as `v`: a UNION ALL of the types that can. */
export function allPassingEvents(anchor: EventAnchor, v: Cypher, then: (type: EventType) => Cypher): Cypher {
  const branches = EVENT_TYPES.flatMap((type) => {
    const events = passingEvents(type, anchor, v);
    return events === undefined ? [] : [cypher`${events}\n${then(type)}`];
  });
  return join(branches, 'unionAll');
}

export function anchorOf(filter: { region: string | null; sector: string | null }): EventAnchor {
  if (filter.region !== null) return 'region';
  if (filter.sector !== null) return 'sector';
  return 'all';
}

export const EVENT_ANCHORS: readonly EventAnchor[] = ['region', 'sector', 'all'];

/** The labels of parties, in a label expression. */
export const PARTY_LABELS = cypher`Region|Organization`;
