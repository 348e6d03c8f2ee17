import { IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

import { EntityFilterInput, NamedEntityFieldsInput } from '../entity/entity.input';
import { RegionKind } from '../entity/entity.enums';
import { IsEntityId } from '../entity/entity.ids';

@InputType({ description: 'A country or sub-national region to create, or to resolve to an existing one.' })
export class RegionInput extends NamedEntityFieldsInput {
  @Field(() => RegionKind, { description: 'Country, sub-national region, city or supranational area.' })
  @IsEnum(RegionKind)
  kind!: RegionKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code (countries).' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be two upper-case letters (ISO 3166-1 alpha-2)' })
  iso2?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 code (countries).' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be three upper-case letters (ISO 3166-1 alpha-3)' })
  iso3?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 numeric code (countries), three digits.' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: '$property must be three digits (ISO 3166-1 numeric)' })
  isoNumeric?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 subdivision code, e.g. CN-XJ.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: '$property must be an ISO 3166-2 code like CN-XJ' })
  isoSubdivision?: string | null;
}

@InputType({ description: 'Which regions to list.' })
export class RegionFilter extends EntityFilterInput {
  @Field(() => [RegionKind], { nullable: true, description: 'Only regions of these kinds.' })
  @IsOptional()
  @IsEnum(RegionKind, { each: true })
  kinds?: RegionKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only regions within this region (at any depth).' })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;
}
