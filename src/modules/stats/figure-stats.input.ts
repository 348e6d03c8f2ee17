import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { FigureMetric } from '../entity/entity.enums';
import { IsEntityId } from '../entity/entity.ids';
import { PartialDateField } from '../entity/entity.input';

export enum FigureStatsGroupBy {
  METRIC = 'METRIC',
  UNIT = 'UNIT',
  YEAR = 'YEAR',
  PERIOD = 'PERIOD',
  REGION = 'REGION',
  SOURCE = 'SOURCE',
  FORUM = 'FORUM',
}
registerEnumType(FigureStatsGroupBy, {
  name: 'FigureStatsGroupBy',
  description: 'What to group figure statistics by.',
  valuesConfig: {
    METRIC: { description: 'What the figure measures (TRADE_VOLUME, EXPORTS …).' },
    UNIT: { description: 'The unit of the value: a currency code, "km", "products" …' },
    YEAR: { description: 'The year of the period the figure covers ("undated" when it covers none).' },
    PERIOD: {
      description:
        'The period as stated: "2022", "2023-03" or "2023-03-28" ("undated" for none); a year and a month of it are ' +
        'two rows.',
    },
    REGION: {
      description:
        'Each region the figure concerns (BETWEEN, FROM or TO); with `countries`, as the country it is part of. A ' +
        'figure between two regions counts in both rows.',
    },
    SOURCE: { description: 'Each source stating the figure.' },
    FORUM: { description: 'The forum the figure was reported at; figures reported at none are one row keyed "none".' },
  },
});

export enum FigureStatsOrder {
  COUNT_DESC = 'COUNT_DESC',
  VALUE_DESC = 'VALUE_DESC',
  KEY_ASC = 'KEY_ASC',
}
registerEnumType(FigureStatsOrder, {
  name: 'FigureStatsOrder',
  description: 'How the rows of figure statistics are ordered; ties go by label.',
  valuesConfig: {
    COUNT_DESC: { description: 'Most figures first (the default, except by YEAR or PERIOD).' },
    VALUE_DESC: {
      description:
        'Largest USD sum first, then largest sum in any unit (the sums of all units added up as they are), then ' +
        'most figures.',
    },
    KEY_ASC: { description: 'By key ascending: periods in time order, undated last (the default by YEAR or PERIOD).' },
  },
});

@InputType({ description: 'Which figures to aggregate; every filter given must hold.' })
export class FigureStatsFilter {
  @Field(() => [FigureMetric], { nullable: true, description: 'Only figures measuring one of these.' })
  @IsOptional()
  @IsEnum(FigureMetric, { each: true })
  metrics?: FigureMetric[] | null;

  @Field(() => String, { nullable: true, description: 'Only figures in this unit ("USD", "km" …).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only figures concerning this region or one of its parts.' })
  @IsOptional()
  @IsEntityId('Region')
  region?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only figures also concerning this region or one of its parts: with `region`, those between the two.',
  })
  @IsOptional()
  @IsEntityId('Region')
  counterpart?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only figures stated by this source (or a dataset imported as it).' })
  @IsOptional()
  @IsEntityId('Source')
  source?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only figures reported at this forum, or an edition of this series.',
  })
  @IsOptional()
  @IsEntityId('Forum')
  forum?: string | null;

  @PartialDateField('Only figures whose period starts on or after')
  periodFrom?: string | null;

  @PartialDateField('Only figures whose period starts on or before')
  periodTo?: string | null;
}
