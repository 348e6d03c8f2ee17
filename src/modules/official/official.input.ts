import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { EntityFilterInput, NamedEntityFieldsInput } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

@InputType({ description: 'An official to create, or to resolve to an existing one by name or alias.' })
export class OfficialInput extends NamedEntityFieldsInput {}

@InputType({ description: 'Which officials to list.' })
export class OfficialFilter extends EntityFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only officials holding a position in a body based in this region.' })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only officials holding a position in this organization.' })
  @IsOptional()
  @IsEntityId('Organization')
  organization?: string | null;
}
