import { IsEnum, IsInt, IsNumber, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

import { DocumentKind, DocumentStatus, ValueQualifier } from '../entity/entity.enums';
import { EntityFieldsInput, EntityFilterInput, PartialDateField } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

@InputType({ description: 'An amount of money.' })
export class MoneyInput {
  @Field(() => Float, { description: 'The amount in units of the currency.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  amount!: number;

  @Field({ description: 'ISO 4217 code, e.g. USD.' })
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code such as USD' })
  currency!: string;

  @Field(() => ValueQualifier, {
    nullable: true,
    description: 'Exact, approximate, at least or at most; EXACT when a new value leaves it out.',
  })
  @IsOptional()
  @IsEnum(ValueQualifier)
  qualifier?: ValueQualifier | null;
}

@InputType({
  description:
    'A document, or a group of documents a source reports without naming them (set `count`, leave `title` out).',
})
export class DocumentInput extends EntityFieldsInput {
  @Field(() => String, { nullable: true, description: 'Name to show; derived from kind and count when left out.' })
  @IsOptional()
  @Length(1, 300)
  name?: string | null;

  @Field(() => DocumentKind, { description: 'What kind of document.' })
  @IsEnum(DocumentKind)
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'The title, only where the source gives one.' })
  @IsOptional()
  @Length(1, 500)
  title?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many documents this stands for; 1 for a new document that leaves it out, kept otherwise.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  count?: number | null;

  @Field(() => DocumentStatus, {
    nullable: true,
    description: 'Where the document stands; SIGNED for a new document that leaves it out, kept otherwise.',
  })
  @IsOptional()
  @IsEnum(DocumentStatus)
  status?: DocumentStatus | null;

  @PartialDateField('When it was signed')
  signedOn?: string | null;

  @PartialDateField('When it entered into force')
  inForceOn?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'The stated value, or the stated total of a group.' })
  @IsOptional()
  @ValidateNested()
  value?: MoneyInput | null;
}

@InputType({ description: 'Which documents to list.' })
export class DocumentFilter extends EntityFilterInput {
  @Field(() => [DocumentKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsEnum(DocumentKind, { each: true })
  kinds?: DocumentKind[] | null;

  @Field(() => DocumentStatus, { nullable: true, description: 'Only documents with this status.' })
  @IsOptional()
  @IsEnum(DocumentStatus)
  status?: DocumentStatus | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents covering this sector, or parts of a group covering it.',
  })
  @IsOptional()
  @IsEntityId('Sector')
  sector?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents binding this region or one of its parts, or parts of a group binding it.',
  })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents binding this organization or a body within it, or parts of a group binding it.',
  })
  @IsOptional()
  @IsEntityId('Organization')
  organization?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents signed at this forum or an edition of this series, or parts of a group signed there.',
  })
  @IsOptional()
  @IsEntityId('Forum')
  forum?: string | null;

  @PartialDateField('Signed on or after')
  dateFrom?: string | null;

  @PartialDateField('Signed on or before')
  dateTo?: string | null;

  @Field(() => Float, { nullable: true, description: 'Value at least this.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  valueMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Value at most this.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  valueMax?: number | null;

  @Field(() => String, { nullable: true, description: 'Only values in this currency.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  currency?: string | null;
}
