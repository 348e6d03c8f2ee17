import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TIE_SPECS, TIE_TYPES } from '../entity/entity.model';
import { Entity, EntityType, Provenance } from '../entity/entity.type';
import { Tie } from '../tie/tie.type';

export enum TieConnectionKind {
  DIRECT = 'DIRECT',
  ACTED_FOR = 'ACTED_FOR',
  SHARED_DOCUMENT = 'SHARED_DOCUMENT',
  SHARED_FORUM = 'SHARED_FORUM',
  SHARED_ORGANIZATION = 'SHARED_ORGANIZATION',
  SHARED_REGION = 'SHARED_REGION',
  SHARED_OFFICIAL = 'SHARED_OFFICIAL',
  SHARED_FIGURE = 'SHARED_FIGURE',
  SHARED_SECTOR = 'SHARED_SECTOR',
}
registerEnumType(TieConnectionKind, {
  name: 'TieConnectionKind',
  description: 'How two entities are connected.',
  valuesConfig: {
    DIRECT: { description: 'A tie between the two, either way.' },
    ACTED_FOR: { description: 'One signed a document or attended a forum on behalf of the other.' },
    SHARED_DOCUMENT: { description: 'A document both signed, both are bound by, or one signed and binds the other.' },
    SHARED_FORUM: { description: 'A forum both attended, were involved in or hosted.' },
    SHARED_ORGANIZATION: { description: 'An organization both hold positions in, are part of or are bound with.' },
    SHARED_REGION: { description: 'A region both are based in, part of or tied to.' },
    SHARED_OFFICIAL: { description: 'An official tied to both (e.g. a signatory of both documents).' },
    SHARED_FIGURE: { description: 'A reported figure concerning both (trade between them, a stated offer).' },
    SHARED_SECTOR: {
      description:
        'A sector both are active in: covered by a document each signed, is bound by or is (a part inherits the ' +
        'sectors of its group).',
    },
  },
});

@ObjectType({ description: 'One connection between two entities: the entity it runs through, and the ties.' })
export class TieConnection {
  @Field(() => Entity, {
    nullable: true,
    description: 'The entity the connection runs through (a shared document, forum…); null for a direct tie.',
  })
  via!: Entity | null;

  @Field(() => [Tie], {
    description:
      'The ties that make the connection: the direct tie; the signature or attendance for ACTED_FOR; the ties of ' +
      'each side to the shared entity; for SHARED_SECTOR, the shortest chain of ties from each side to the sector.',
  })
  ties!: Tie[];
}

@ObjectType({ description: 'The connections of one kind between two entities.' })
export class TieConnectionGroup {
  @Field(() => TieConnectionKind, { description: 'The kind of connection.' })
  kind!: TieConnectionKind;

  @Field(() => Int, { description: 'How many connections of this kind there are in all.' })
  total!: number;

  @Field(() => [TieConnection], {
    description: 'The connections, by the name of the entity they run through, up to `limit` of them.',
  })
  connections!: TieConnection[];
}

@ObjectType({ description: 'Everything that directly connects two entities, grouped by kind of connection.' })
export class TieConnections {
  @Field(() => Entity, { description: 'The first entity.' })
  a!: Entity;

  @Field(() => Entity, { description: 'The second entity.' })
  b!: Entity;

  @Field({ description: 'Whether anything connects them.' })
  connected!: boolean;

  @Field(() => [TieConnectionGroup], {
    description: 'One group per kind of connection found, in the order of TieConnectionKind.',
  })
  groups!: TieConnectionGroup[];
}

export enum StepDirection {
  FORWARD = 'FORWARD',
  BACKWARD = 'BACKWARD',
}
registerEnumType(StepDirection, {
  name: 'StepDirection',
  description: 'Whether a tie on a path points along the path (from node i to node i+1) or against it.',
});

@ObjectType({ description: 'One tie along a path, and which way it points.' })
export class PathStep {
  @Field(() => Tie, { description: 'The tie, with its type, details and sources.' })
  tie!: Tie;

  @Field(() => StepDirection, { description: 'FORWARD when the tie points from node i to node i+1.' })
  direction!: StepDirection;
}

@ObjectType({ description: 'A path between two entities: its nodes in order, and the ties between them.' })
export class GraphPath {
  @Field(() => Int, { description: 'The number of ties on the path.' })
  length!: number;

  @Field(() => [Entity], { description: 'The entities along the path, from start to end.' })
  nodes!: Entity[];

  @Field(() => [PathStep], { description: 'The ties along the path; step i joins node i and node i+1.' })
  steps!: PathStep[];
}

@ObjectType({ description: 'The shortest paths between two entities (sources are left out).' })
export class Paths {
  @Field(() => Entity, { description: 'Where the paths start.' })
  from!: Entity;

  @Field(() => Entity, { description: 'Where the paths end.' })
  to!: Entity;

  @Field(() => Int, { nullable: true, description: 'The length of the shortest paths; null when none is found.' })
  length!: number | null;

  @Field(() => [GraphPath], { description: 'The shortest paths, up to `limit` of them.' })
  paths!: GraphPath[];

  @Field({ description: 'Whether there are more shortest paths than were returned.' })
  truncated!: boolean;
}

/** Tie types plus the provenance of nodes, which a neighborhood can include. */
export const GraphEdgeType = Object.fromEntries([...TIE_TYPES, 'STATED_IN'].map((type) => [type, type])) as {
  [K in (typeof TIE_TYPES)[number] | 'STATED_IN']: K;
};
registerEnumType(GraphEdgeType, {
  name: 'GraphEdgeType',
  description: 'The kinds of edge in a neighborhood: the tie types, and STATED_IN from an entity to its source.',
  valuesConfig: {
    ...Object.fromEntries(TIE_TYPES.map((type) => [type, { description: TIE_SPECS[type].description }])),
    STATED_IN: { description: 'An entity is stated in a source, at a locator' },
  },
});

@ObjectType({ description: 'A node of a neighborhood, with what a graph view needs to draw it.' })
export class GraphNode {
  @Field(() => ID, { description: 'The entity id.' })
  id!: string;

  @Field(() => EntityType, { description: 'The entity type (`REGION` for an entity whose `__typename` is `Region`).' })
  type!: string;

  @Field({ description: 'The text to show: the entity name.' })
  label!: string;

  @Field(() => Int, { description: 'How many ties away from the center it is (0 for the center).' })
  depth!: number;

  @Field(() => Int, {
    description:
      'How many ties it has in all (STATED_IN only when sources are included): more than drawn means more to expand.',
  })
  degree!: number;

  @Field(() => Entity, { description: 'The entity itself, with all its fields.' })
  entity!: Entity;
}

@ObjectType({ description: 'An edge of a neighborhood: one tie between two of its nodes.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Stable id: type, from, to and the key that tells apart ties of one pair.' })
  id!: string;

  @Field(() => GraphEdgeType, { description: 'The tie type.' })
  type!: string;

  @Field(() => ID, { description: 'The id of the node it starts from.' })
  source!: string;

  @Field(() => ID, { description: 'The id of the node it points to.' })
  target!: string;

  @Field({ description: 'The text to show: the position title, attendance role, locator or the tie type in words.' })
  label!: string;

  @Field(() => Tie, { nullable: true, description: 'The tie with its details; null for STATED_IN edges.' })
  tie!: Tie | null;

  @Field(() => [Provenance], { description: 'The sources that state the tie (for STATED_IN, the statement itself).' })
  sources!: Provenance[];
}

@ObjectType({ description: 'The entities around one entity and the ties among them, ready to draw.' })
export class Neighborhood {
  @Field(() => ID, { description: 'The id of the entity at the center.' })
  centerId!: string;

  @Field(() => [GraphNode], { description: 'The center (depth 0) and the entities around it, nearest first.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'Every tie between two of the nodes.' })
  edges!: GraphEdge[];

  @Field({ description: 'Whether entities (or ties) were left out to stay within `limit`.' })
  truncated!: boolean;
}
