import type { EntityType } from './entity.model';
import type { Direction, Traversable } from './entity.model';

/** How a relationship field reaches its entities: the tie it follows, which way, and of what type. */
export interface Follow<T extends Traversable = Traversable> {
  readonly tie: T;
  readonly direction: Direction;
  /** Keep only neighbours of this type, when the tie reaches several. */
  readonly only?: EntityType;
}

function follow<T extends Traversable>(tie: T, direction: Direction, only?: EntityType): Follow<T> {
  return only ? { tie, direction, only } : { tie, direction };
}

/**
 * Every relationship field of every entity type, by type and field name. The field resolvers load
 * through these, and the request planner (`src/modules/entity/entity.planner.ts`) reads the same table to load a
 * whole selection in one statement ahead of them, so the two cannot disagree about what a field
 * follows. A field missing here still works; it loads on its own.
 */
export const FOLLOWS = {
  Document: {
    forum: follow('SIGNED_AT', 'out', 'Forum'),
    parties: follow('BINDS', 'out'),
    bindings: follow('BINDS', 'out'),
    sectors: follow('COVERS', 'out', 'Sector'),
    signatures: follow('SIGNED', 'in'),
    signatories: follow('SIGNED', 'in', 'Official'),
    partOf: follow('PART_OF', 'out', 'Document'),
    parts: follow('PART_OF', 'in', 'Document'),
  },
  Forum: {
    place: follow('HELD_IN', 'out', 'Region'),
    participants: follow('INVOLVES', 'out'),
    series: follow('IN_SERIES', 'out', 'Forum'),
    editions: follow('IN_SERIES', 'in', 'Forum'),
    heldAlongside: [follow('HELD_ALONGSIDE', 'out', 'Forum'), follow('HELD_ALONGSIDE', 'in', 'Forum')],
    documents: follow('SIGNED_AT', 'in', 'Document'),
    attendance: follow('ATTENDED', 'in'),
    attendees: follow('ATTENDED', 'in', 'Official'),
    figures: follow('REPORTED_AT', 'in', 'Figure'),
  },
  Official: {
    positions: follow('HOLDS', 'out'),
    attendance: follow('ATTENDED', 'out'),
    forums: follow('ATTENDED', 'out', 'Forum'),
    signatures: follow('SIGNED', 'out'),
    signedDocuments: follow('SIGNED', 'out', 'Document'),
    statedFigures: follow('STATED_BY', 'in', 'Figure'),
  },
  Organization: {
    region: follow('BASED_IN', 'out', 'Region'),
    parent: follow('PART_OF', 'out', 'Organization'),
    parts: follow('PART_OF', 'in', 'Organization'),
    positions: follow('HOLDS', 'in'),
    documents: follow('BINDS', 'in', 'Document'),
    forums: follow('INVOLVES', 'in', 'Forum'),
  },
  Region: {
    parent: follow('PART_OF', 'out', 'Region'),
    parts: follow('PART_OF', 'in', 'Region'),
    organizations: follow('BASED_IN', 'in', 'Organization'),
    documents: follow('BINDS', 'in', 'Document'),
    forumsHosted: follow('HELD_IN', 'in', 'Forum'),
    forums: follow('INVOLVES', 'in', 'Forum'),
    figures: follow('BETWEEN', 'in', 'Figure'),
  },
  Figure: {
    between: follow('BETWEEN', 'out'),
    from: follow('FROM', 'out'),
    to: follow('TO', 'out'),
    statedBy: follow('STATED_BY', 'out', 'Official'),
    forum: follow('REPORTED_AT', 'out', 'Forum'),
  },
  Source: {
    statedEntities: follow('STATED_IN', 'in'),
  },
  Sector: {
    documents: follow('COVERS', 'in', 'Document'),
  },
} as const satisfies Partial<Record<EntityType, Record<string, Follow | readonly Follow[]>>>;

export type FollowTable = Partial<Record<EntityType, Record<string, Follow | readonly Follow[] | undefined>>>;
