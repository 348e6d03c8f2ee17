import { IsNumber, Max, Min } from 'class-validator';
import { ArgsType, Field, Float } from 'type-graphql';

import { PageArgs } from '../../graphql/pagination';
import type { EntityType as EntityTypeName } from '../entity/entity.model';
import { EntityType } from '../entity/entity.type';
import { DEFAULT_MIN_SCORE } from './duplicates.service';

@ArgsType()
export class DuplicateCandidatesArgs extends PageArgs {
  @Field(() => EntityType, {
    description: 'The type whose entities are compared (not DOCUMENT or FIGURE, which never match by name).',
  })
  type!: EntityTypeName;

  @Field(() => Float, {
    defaultValue: DEFAULT_MIN_SCORE,
    description: `Only pairs scoring at least this, 0 to 1 (default ${DEFAULT_MIN_SCORE}).`,
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore: number = DEFAULT_MIN_SCORE;
}
