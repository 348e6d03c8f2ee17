import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, registerEnumType } from 'type-graphql';

import type { TieType as TieTypeName } from '../entity/entity.model';
import { IsEntityId } from '../entity/entity.ids';
import { TieType } from '../tie/tie.type';

export enum TimelineGroupBy {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
}
registerEnumType(TimelineGroupBy, {
  name: 'TimelineGroupBy',
  description: 'How long the periods of a timeline are.',
  valuesConfig: {
    YEAR: { description: 'Calendar years ("2023").' },
    MONTH: {
      description:
        'Calendar months ("2023-03"); what is dated only to a year falls in that year\'s own period ("2023").',
    },
  },
});

export const MAX_TIMELINE_LIST = 100;

@ArgsType()
export class TimelineArgs {
  @Field(() => ID, { description: 'The entity whose timeline it is.' })
  @IsEntityId('any')
  id!: string;

  @Field(() => TimelineGroupBy, { defaultValue: TimelineGroupBy.YEAR, description: 'How long the periods are.' })
  @IsEnum(TimelineGroupBy)
  groupBy: TimelineGroupBy = TimelineGroupBy.YEAR;

  @Field(() => [TieType], {
    nullable: true,
    description:
      'Only documents, forums and figures tied to the entity by ties of these types (every tie type when left out).',
  })
  @IsOptional()
  @IsEnum(TieType, { each: true })
  tieTypes?: TieTypeName[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only documents, forums and figures tied to this entity too (a region or body: or one within it).',
  })
  @IsOptional()
  @IsEntityId('any')
  counterpart?: string | null;

  @Field(() => Int, {
    defaultValue: 10,
    description: `At most this many forums, figures and new counterparts listed per period (1 to ${MAX_TIMELINE_LIST}); the counts count all.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_TIMELINE_LIST)
  limit: number = 10;
}
