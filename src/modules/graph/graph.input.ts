import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

import { IsEntityId } from '../entity/entity.ids';

export const MAX_CONNECTIONS_PER_KIND = 100;
export const MAX_HOPS = 6;
export const MAX_PATHS = 25;
export const MAX_DEPTH = 3;
export const MAX_NEIGHBORHOOD_NODES = 500;

@ArgsType()
export class TiesArgs {
  @Field(() => ID, { description: 'One entity.' })
  @IsEntityId('any')
  a!: string;

  @Field(() => ID, { description: 'The other entity.' })
  @IsEntityId('any')
  b!: string;

  @Field(() => Int, {
    defaultValue: 20,
    description: `At most this many connections of each kind (1 to ${MAX_CONNECTIONS_PER_KIND}); totals count all.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_CONNECTIONS_PER_KIND)
  limit: number = 20;
}

@ArgsType()
export class PathArgs {
  @Field(() => ID, { description: 'Where the paths start.' })
  @IsEntityId('any')
  from!: string;

  @Field(() => ID, { description: 'Where the paths end.' })
  @IsEntityId('any')
  to!: string;

  @Field(() => Int, { defaultValue: 4, description: `The longest path to look for, 1 to ${MAX_HOPS} ties.` })
  @IsInt()
  @Min(1)
  @Max(MAX_HOPS)
  maxHops: number = 4;

  @Field(() => Int, { defaultValue: 10, description: `At most this many paths (1 to ${MAX_PATHS}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_PATHS)
  limit: number = 10;
}

/** An entity and how far around it to go: what `neighborhood` and `egoNetwork` start from. */
@ArgsType()
export class AroundEntityArgs {
  @Field(() => ID, { description: 'The entity at the center.' })
  @IsEntityId('any')
  id!: string;

  @Field(() => Int, { defaultValue: 1, description: `How many ties out to go, 1 to ${MAX_DEPTH}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_DEPTH)
  depth: number = 1;
}

@ArgsType()
export class NeighborhoodArgs extends AroundEntityArgs {
  @Field(() => Int, {
    defaultValue: 100,
    description: `At most this many entities besides the center (1 to ${MAX_NEIGHBORHOOD_NODES}); nearer ones first.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_NEIGHBORHOOD_NODES)
  limit: number = 100;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Include the sources entities are stated in, and STATED_IN edges (always, for a source at the center).',
  })
  @IsBoolean()
  includeSources: boolean = false;
}
