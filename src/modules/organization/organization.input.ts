import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { OrganizationKind } from '../entity/entity.enums';
import { EntityFilterInput, NamedEntityFieldsInput } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

@InputType({ description: 'An organization to create, or to resolve to an existing one.' })
export class OrganizationInput extends NamedEntityFieldsInput {
  @Field(() => OrganizationKind, { description: 'What kind of body.' })
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;
}

@InputType({ description: 'Which organizations to list.' })
export class OrganizationFilter extends EntityFilterInput {
  @Field(() => [OrganizationKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsEnum(OrganizationKind, { each: true })
  kinds?: OrganizationKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only organizations based in this region or its parts.' })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;
}
