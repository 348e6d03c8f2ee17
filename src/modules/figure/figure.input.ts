import { ArrayMaxSize, IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

import { FigureMetric, ValueQualifier } from '../entity/entity.enums';
import { EntityFieldsInput, EntityFilterInput, PartialDateField } from '../entity/entity.input';
import { IsEntityId } from '../entity/entity.ids';

@InputType({ description: 'A figure a source reports.' })
export class FigureInput extends EntityFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Name to show; derived from the metric and period when left out.',
  })
  @IsOptional()
  @Length(1, 300)
  name?: string | null;

  @Field(() => FigureMetric, { description: 'What it measures.' })
  @IsEnum(FigureMetric)
  metric!: FigureMetric;

  @Field(() => Float, { description: 'The number.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @Field({ description: 'The unit: a currency code, "km", …' })
  @Length(1, 40)
  unit!: string;

  @Field(() => ValueQualifier, {
    nullable: true,
    description: 'Exact, approximate, at least or at most; EXACT for a new figure that leaves it out, kept otherwise.',
  })
  @IsOptional()
  @IsEnum(ValueQualifier)
  qualifier?: ValueQualifier | null;

  @PartialDateField('The period it covers')
  period?: string | null;

  @Field(() => Float, { nullable: true, description: 'Change on the previous period, in percent.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  changePercent?: number | null;

  @Field(() => Float, { nullable: true, description: 'Change on the previous period as a factor.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  changeFactor?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many items it covers, counted exactly; a qualified count ("some 135") is a figure of its own.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  itemCount?: number | null;

  @Field(() => [String], { nullable: true, description: 'The items named.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  items?: string[] | null;
}

@InputType({ description: 'Which figures to list.' })
export class FigureFilter extends EntityFilterInput {
  @Field(() => FigureMetric, { nullable: true, description: 'Only this metric.' })
  @IsOptional()
  @IsEnum(FigureMetric)
  metric?: FigureMetric | null;

  @Field(() => ID, { nullable: true, description: 'Only figures concerning this region (or its parts).' })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @PartialDateField('Period starting on or after')
  dateFrom?: string | null;

  @PartialDateField('Period starting on or before')
  dateTo?: string | null;
}
