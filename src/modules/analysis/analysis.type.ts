import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { Entity, EntityType } from '../entity/entity.type';
import { GraphEdge } from '../graph/graph.type';
import { TieType } from '../tie/tie.type';
import { CentralityMeasure, NetworkKind } from './analysis.input';

@ObjectType({ description: 'The filter a network was built with, as applied.' })
export class AppliedNetworkFilter {
  @Field(() => String, { nullable: true, description: 'The first day of the period (ISO date); null: no period.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'The last day of the period (ISO date); null: no period.' })
  to!: string | null;

  @Field(() => ID, { nullable: true, description: 'The region events are tied to, with the regions within it.' })
  region!: string | null;

  @Field(() => ID, { nullable: true, description: 'The sector documents cover.' })
  sector!: string | null;

  @Field(() => [TieType], { description: 'The tie types that make edges.' })
  tieTypes!: string[];
}

@ObjectType({ description: 'How many entities of one type.' })
export class EntityTypeCount {
  @Field(() => EntityType, { description: 'The type.' })
  type!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({
  description:
    'The graph a measure was computed on: which network, built with which filter, and how large. It is ' +
    'undirected; entities without an edge in it are not in it.',
})
export class Subgraph {
  @Field(() => NetworkKind, { description: 'Which network.' })
  network!: NetworkKind;

  @Field(() => AppliedNetworkFilter, { description: 'The filter it was built with.' })
  filter!: AppliedNetworkFilter;

  @Field(() => Int, { description: 'How many entities it holds.' })
  nodeCount!: number;

  @Field(() => Int, { description: 'How many edges join them (parallel ties are one edge).' })
  edgeCount!: number;

  @Field(() => Float, { description: 'The sum of the edge weights: ties (TIES), or shared documents and events.' })
  totalWeight!: number;

  @Field(() => [EntityTypeCount], { description: 'How many entities of each type it holds, by type name.' })
  nodesByType!: EntityTypeCount[];
}

@ObjectType({ description: 'How central one entity is.' })
export class CentralityScore {
  @Field(() => Int, { description: 'Its rank: 1 + how many ranked entities score higher (equal scores share one).' })
  rank!: number;

  @Field(() => Float, { description: 'The measure.' })
  score!: number;

  @Field(() => Int, { description: 'How many other entities it is joined to in the network.' })
  degree!: number;

  @Field(() => Entity, { description: 'The entity.' })
  entity!: Entity;
}

@ObjectType({ description: 'The most central entities of a network by one measure.' })
export class Centrality {
  @Field(() => CentralityMeasure, { description: 'The measure.' })
  measure!: CentralityMeasure;

  @Field(() => EntityType, { nullable: true, description: 'The type ranked; null: every type.' })
  type!: string | null;

  @Field(() => Subgraph, { description: 'The network it was computed on.' })
  subgraph!: Subgraph;

  @Field(() => Int, { description: 'How many entities were ranked (those of `type` in the network).' })
  rankedCount!: number;

  @Field(() => [CentralityScore], {
    description: 'The `first` highest scores, highest first (equal scores by entity id).',
  })
  scores!: CentralityScore[];
}

@ObjectType({ description: 'An entity of a community.' })
export class CommunityMember {
  @Field(() => Int, { description: 'How many other entities it is joined to in the whole network.' })
  degree!: number;

  @Field(() => Int, { description: 'How many of them are in its community.' })
  degreeWithin!: number;

  @Field(() => Entity, { description: 'The entity.' })
  entity!: Entity;
}

@ObjectType({ description: 'A group of entities more densely joined to each other than to the rest.' })
export class Community {
  @Field(() => Int, { description: 'Its number: 1 for the largest, then by size (equal sizes by first member id).' })
  id!: number;

  @Field(() => Int, { description: 'How many entities it holds.' })
  size!: number;

  @Field(() => Int, { description: 'How many edges join two of its entities.' })
  internalEdges!: number;

  @Field(() => [EntityTypeCount], { description: 'How many entities of each type it holds.' })
  nodesByType!: EntityTypeCount[];
}

@ObjectType({
  description:
    'The communities of a network (Louvain, resolution 1, edges weighed), and how well they divide it (modularity).',
})
export class Communities {
  @Field(() => Subgraph, { description: 'The network they were found in.' })
  subgraph!: Subgraph;

  @Field(() => Float, {
    description:
      'The modularity of the division, from -0.5 to 1: the share of edge weight inside communities minus the ' +
      'share expected at random. 0 for a network without edges.',
  })
  modularity!: number;

  @Field(() => Int, { description: 'How many communities there are in all.' })
  count!: number;

  @Field(() => [Community], { description: 'The `first` largest communities.' })
  communities!: Community[];
}

@ObjectType({ description: 'An entity of an ego network.' })
export class EgoNode {
  @Field(() => ID, { description: 'The entity id.' })
  id!: string;

  @Field(() => EntityType, { description: 'The entity type.' })
  type!: string;

  @Field({ description: 'The text to show: the entity name.' })
  label!: string;

  @Field(() => Int, { description: 'How many ties away from the center it is (0 for the center).' })
  depth!: number;

  @Field(() => Int, { description: 'How many other entities of the ego network it is joined to.' })
  degree!: number;

  @Field(() => Int, { description: 'How many ties it has in the whole graph (sources left out).' })
  totalDegree!: number;

  @Field(() => Entity, { description: 'The entity itself, with all its fields.' })
  entity!: Entity;
}

@ObjectType({
  description: 'The entities within some ties of one entity in a filtered network, and the ties among them.',
})
export class EgoNetwork {
  @Field(() => ID, { description: 'The id of the entity at the center.' })
  centerId!: string;

  @Field(() => Int, { description: 'How many ties out it goes.' })
  depth!: number;

  @Field(() => Subgraph, { description: 'The ego network itself: its filter and size.' })
  subgraph!: Subgraph;

  @Field(() => Float, {
    description: 'Its density: the share of the pairs of its entities that are joined (0 with fewer than two).',
  })
  density!: number;

  @Field(() => [EgoNode], { description: 'The center (depth 0) and the entities around it, nearest first.' })
  nodes!: EgoNode[];

  @Field(() => [GraphEdge], { description: 'Every tie between two of its entities.' })
  edges!: GraphEdge[];

  @Field({ description: 'Whether entities (or ties) were left out to stay within `limit`.' })
  truncated!: boolean;
}
