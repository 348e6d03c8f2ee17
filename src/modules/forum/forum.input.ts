import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { ForumKind } from '../entity/entity.enums';
import { EntityFilterInput, NamedEntityFieldsInput, PartialDateField } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

@InputType({ description: 'A forum to create, or to resolve to an existing one by name or alias.' })
export class ForumInput extends NamedEntityFieldsInput {
  @Field(() => ForumKind, { description: 'What kind of gathering.' })
  @IsEnum(ForumKind)
  kind!: ForumKind;

  @Field(() => Int, { nullable: true, description: 'Which edition of its series.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  edition?: number | null;

  @PartialDateField('When it took place')
  date?: string | null;
}

@InputType({ description: 'Which forums to list.' })
export class ForumFilter extends EntityFilterInput {
  @Field(() => [ForumKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsEnum(ForumKind, { each: true })
  kinds?: ForumKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only forums held in or involving this region (or its parts).' })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only editions of this series.' })
  @IsOptional()
  @IsEntityId('Forum')
  forum?: string | null;

  @PartialDateField('Held on or after')
  dateFrom?: string | null;

  @PartialDateField('Held on or before')
  dateTo?: string | null;
}
