import { IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { EntityFilterInput, ID_PATTERN, NamedEntityFieldsInput } from '../entity/entity.input';

@InputType({ description: 'An official to create, or to resolve to an existing one by name or alias.' })
export class OfficialInput extends NamedEntityFieldsInput {}

@InputType({ description: 'Which officials to list.' })
export class OfficialFilter extends EntityFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only officials holding a position in a body based in this region.' })
  @IsOptional()
  @Matches(ID_PATTERN)
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only officials holding a position in this organization.' })
  @IsOptional()
  @Matches(ID_PATTERN)
  organization?: string | null;
}
