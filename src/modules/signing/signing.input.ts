import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { DocumentKind } from '../entity/entity.enums';
import { PartialDateField } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

/**
 * A document in a reported group (PART_OF a PACKAGE) shares the group's forum, parties and
 * sectors, so the forum, region, organization and sector filters look at the group too.
 */
@InputType({ description: 'Which signings to list; every filter given must hold.' })
export class SigningFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Only signings for this region, or where the document binds it: the region, its parts, or an organization ' +
      'based in either.',
  })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only documents that also bind this region (its parts, or a body based in either): with `region`, the ' +
      'signings between two regions.',
  })
  @IsOptional()
  @IsEntityId('Region')
  counterpart?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only signatures of this official.' })
  @IsOptional()
  @IsEntityId('Official')
  official?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only signings for this organization (or a body within it), or where the document binds it.',
  })
  @IsOptional()
  @IsEntityId('Organization')
  organization?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents signed at this forum, or an edition of this series.',
  })
  @IsOptional()
  @IsEntityId('Forum')
  forum?: string | null;

  @Field(() => [DocumentKind], { nullable: true, description: 'Only documents of these kinds.' })
  @IsOptional()
  @IsEnum(DocumentKind, { each: true })
  kinds?: DocumentKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only documents covering this sector.' })
  @IsOptional()
  @IsEntityId('Sector')
  sector?: string | null;

  @PartialDateField('Only documents signed on or after')
  dateFrom?: string | null;

  @PartialDateField('Only documents signed on or before')
  dateTo?: string | null;
}
