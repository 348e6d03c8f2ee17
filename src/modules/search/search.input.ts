import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

import { type EntityType as EntityTypeName } from '../entity/entity.model';
import { EntityType } from '../entity/entity.type';

export const MAX_SEARCH_RESULTS = 100;

@ArgsType()
export class SearchArgs {
  @Field({
    description:
      'Words to look for in names and aliases, case- and accent-insensitive; the last word also matches as a ' +
      'prefix. Any text is safe: search syntax in it is taken literally.',
  })
  @IsString()
  @Length(1, 200)
  text!: string;

  @Field(() => [EntityType], {
    nullable: true,
    description: 'Only entities of these types (all types when absent or empty).',
  })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(EntityType, { each: true })
  types?: EntityTypeName[] | null;

  @Field(() => Int, { defaultValue: 20, description: `At most this many results (1 to ${MAX_SEARCH_RESULTS}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_RESULTS)
  first: number = 20;
}
