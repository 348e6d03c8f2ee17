import { IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { DocumentKind } from '../entity/entity.enums';
import { ID_PATTERN, PartialDateField } from '../entity/entity.input';

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
  @Matches(ID_PATTERN, { message: '$property must be an id like "region:kz"' })
  region?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only documents that also bind this region (its parts, or a body based in either): with `region`, the ' +
      'signings between two regions.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id like "region:cn"' })
  counterpart?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only signatures of this official.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id like "official:ma-xingrui"' })
  official?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only signings for this organization (or a body within it), or where the document binds it.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id like "org:kz-government"' })
  organization?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents signed at this forum, or an edition of this series.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id like "forum:kz-xuar-cross-border-dialogue-2"' })
  forum?: string | null;

  @Field(() => [DocumentKind], { nullable: true, description: 'Only documents of these kinds.' })
  @IsOptional()
  @IsEnum(DocumentKind, { each: true })
  kinds?: DocumentKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only documents covering this sector.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: '$property must be an id like "sector:energy"' })
  sector?: string | null;

  @PartialDateField('Only documents signed on or after')
  dateFrom?: string | null;

  @PartialDateField('Only documents signed on or before')
  dateTo?: string | null;
}
