import { Field, Int, ObjectType } from 'type-graphql';

import { DatePrecision } from '../../graphql/partial-date';
import { Entity } from '../entity/entity.type';
import { Figure } from '../figure/figure.type';
import { Forum } from '../forum/forum.type';
import { DocumentStatsTotals } from '../stats/stats.type';
import { TieType } from '../tie/tie.type';
import { TimelineGroupBy } from './timeline.input';

@ObjectType({ description: 'What happened to an entity in one period.' })
export class TimelinePeriod {
  @Field({
    description:
      'The period: "2023" or "2023-03" (a date known only to the year: "2023" also when grouped by month), or ' +
      '"undated".',
  })
  key!: string;

  @Field(() => DatePrecision, { nullable: true, description: 'YEAR or MONTH; null for the undated.' })
  precision!: DatePrecision | null;

  @Field(() => DocumentStatsTotals, {
    description:
      'Its documents, counted as documentStats counts them: a part of a reported group with the group, a group ' +
      'with parts only through them.',
  })
  documents!: DocumentStatsTotals;

  @Field(() => Int, { description: 'How many forums it held, attended or was involved in.' })
  forumCount!: number;

  @Field(() => [Forum], { description: 'Those forums, by date and name, up to `limit`.' })
  forums!: Forum[];

  @Field(() => Int, { description: 'How many figures concern it.' })
  figureCount!: number;

  @Field(() => [Figure], { description: 'Those figures, by period and name, up to `limit`.' })
  figures!: Figure[];

  @Field(() => Int, {
    description:
      'How many regions and organizations first share a document, forum or figure with it in this period ' +
      '(regions and bodies within it, and those it is within, are no counterparts).',
  })
  newCounterpartCount!: number;

  @Field(() => [Entity], { description: 'Those counterparts, by name, up to `limit`.' })
  newCounterparts!: Entity[];
}

@ObjectType({ description: 'An entity’s documents, forums, figures and counterparts, period by period.' })
export class Timeline {
  @Field(() => Entity, { description: 'The entity.' })
  entity!: Entity;

  @Field(() => Entity, { nullable: true, description: 'The counterpart every event also ties, if one was given.' })
  counterpart!: Entity | null;

  @Field(() => TimelineGroupBy, { description: 'How long the periods are.' })
  groupBy!: TimelineGroupBy;

  @Field(() => [TieType], { description: 'The ties that tie the events to the entity.' })
  tieTypes!: string[];

  @Field(() => [TimelinePeriod], {
    description: 'The periods with something in them, in order; a year before its months, the undated last.',
  })
  periods!: TimelinePeriod[];
}
