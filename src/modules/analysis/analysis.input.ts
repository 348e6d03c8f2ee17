import { IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

import { MAX_PAGE_SIZE } from '../../graphql/pagination';
import type { EntityType as EntityTypeName, TieType as TieTypeName } from '../entity/entity.model';
import { IsEntityId } from '../entity/entity.ids';
import { PartialDateField } from '../entity/entity.input';
import { EntityType } from '../entity/entity.type';
import { AroundEntityArgs, MAX_NEIGHBORHOOD_NODES } from '../graph/graph.input';
import { TieType } from '../tie/tie.type';
import { PARTY_TIES } from './analysis.model';

export enum CentralityMeasure {
  DEGREE = 'DEGREE',
  WEIGHTED_DEGREE = 'WEIGHTED_DEGREE',
  PAGERANK = 'PAGERANK',
  BETWEENNESS = 'BETWEENNESS',
}
registerEnumType(CentralityMeasure, {
  name: 'CentralityMeasure',
  description: 'How central an entity is in a network (computed on it as an undirected graph).',
  valuesConfig: {
    DEGREE: { description: 'How many other entities it is joined to.' },
    WEIGHTED_DEGREE: {
      description: 'The sum of the weights of its edges: ties to each neighbour (TIES), shared documents (PARTIES).',
    },
    PAGERANK: { description: 'PageRank (damping 0.85, edges weighed); the scores of a network sum to 1.' },
    BETWEENNESS: {
      description:
        'On how many shortest paths between two other entities it lies (a pair with k shortest paths adds 1/k ' +
        'for each); not normalised, edges unweighted.',
    },
  },
});

export enum NetworkKind {
  TIES = 'TIES',
  PARTIES = 'PARTIES',
}
registerEnumType(NetworkKind, {
  name: 'NetworkKind',
  description: 'Which network a measure is computed on.',
  valuesConfig: {
    TIES: {
      description:
        'The graph itself: entities joined by their ties (parallel ties are one edge weighing as many ties).',
    },
    PARTIES: {
      description:
        `Regions and organizations, two joined when a document, forum or figure ties both (${PARTY_TIES.join(', ')}), ` +
        'weighing how many documents and events do.',
    },
  },
});

@InputType({ description: 'A period: from the first day of `from` to the last day of `to`.' })
export class PeriodInput {
  @PartialDateField('From')
  from?: string | null;

  @PartialDateField('To')
  to?: string | null;
}

@InputType({
  description:
    'Which part of the graph a network is built from. Filters apply to documents, forums and figures: a tie is ' +
    'left out when one of its ends is one of them that does not pass. Ties between other entities (a region ' +
    'within a region, a position, a seat) are kept; leave them out with `tieTypes`.',
})
export class NetworkFilter {
  @Field(() => PeriodInput, {
    nullable: true,
    description: 'Only documents signed, forums held and figures reported in this period (undated ones are left out).',
  })
  @IsOptional()
  @ValidateNested()
  period?: PeriodInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only documents binding this region or a region within it (a part of a group: its group binding it), ' +
      'forums held in or involving it, figures between, from or to it.',
  })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents covering this sector (or whose group does); forums and figures cover none.',
  })
  @IsOptional()
  @IsEntityId('Sector')
  sector?: string | null;

  @Field(() => [TieType], {
    nullable: true,
    description: 'Only ties of these types make edges (every tie type when left out).',
  })
  @IsOptional()
  @IsEnum(TieType, { each: true })
  tieTypes?: TieTypeName[] | null;
}

@ArgsType()
export class NetworkArgs {
  @Field(() => NetworkKind, { defaultValue: NetworkKind.TIES, description: 'Which network.' })
  @IsEnum(NetworkKind)
  network: NetworkKind = NetworkKind.TIES;

  @Field(() => NetworkFilter, { nullable: true, description: 'Which part of the graph (all of it when left out).' })
  @IsOptional()
  @ValidateNested()
  filter?: NetworkFilter | null;
}

@ArgsType()
export class CentralityArgs extends NetworkArgs {
  @Field(() => CentralityMeasure, { description: 'Which measure.' })
  @IsEnum(CentralityMeasure)
  measure!: CentralityMeasure;

  @Field(() => EntityType, {
    nullable: true,
    description: 'Rank only entities of this type (all types when left out); the network holds every type.',
  })
  @IsOptional()
  @IsEnum(EntityType)
  type?: EntityTypeName | null;

  @Field(() => Int, { defaultValue: 10, description: `How many of the most central to return, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 10;
}

@ArgsType()
export class CommunitiesArgs extends NetworkArgs {
  @Field(() => Int, {
    defaultValue: 10,
    description: `How many communities to return, largest first, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 10;
}

@ArgsType()
export class EgoNetworkArgs extends AroundEntityArgs {
  @Field(() => NetworkFilter, {
    nullable: true,
    description: 'Which part of the graph to walk: only through entities that pass (all of it when left out).',
  })
  @IsOptional()
  @ValidateNested()
  filter?: NetworkFilter | null;

  @Field(() => Int, {
    defaultValue: 100,
    description: `At most this many entities besides the center (1 to ${MAX_NEIGHBORHOOD_NODES}); nearer ones first.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_NEIGHBORHOOD_NODES)
  limit: number = 100;
}

@ArgsType()
export class MembersArgs {
  @Field(() => Int, {
    defaultValue: 10,
    description: `How many members, most joined within the community first, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 10;
}
