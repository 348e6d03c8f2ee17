import { Field, Float, Int, ObjectType } from 'type-graphql';

import type { PartialDate } from '../../graphql/partial-date';
import { PartialDate as PartialDateType } from '../../graphql/partial-date';
import { FigureMetric, ValueQualifier } from '../entity/entity.enums';
import { Entity, Node } from '../entity/entity.type';

@ObjectType({
  implements: [Node, Entity],
  description: 'A number a source reports: a trade volume for a year, an export offer, a border length…',
})
export class Figure extends Entity {
  @Field(() => FigureMetric, { description: 'What the figure measures.' })
  metric!: FigureMetric;

  @Field(() => Float, { description: 'The number, in `unit`.' })
  value!: number;

  @Field({ description: 'The unit: an ISO 4217 currency code, "km", …' })
  unit!: string;

  @Field(() => ValueQualifier, { description: 'Exact, approximate, at least ("over") or at most.' })
  qualifier!: ValueQualifier;

  @Field(() => PartialDateType, { nullable: true, description: 'The period the figure covers (e.g. the year 2022).' })
  period!: PartialDate | null;

  @Field(() => Float, { nullable: true, description: 'Change on the previous period in percent, where stated.' })
  changePercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Change on the previous period as a factor ("tripled" = 3), where stated.',
  })
  changeFactor!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many items the figure covers, where the source counts them exactly ("an offer of 40 products"). ' +
      'A count the source qualifies ("some 135 products") is a figure of its own, with its qualifier.',
  })
  itemCount!: number | null;

  @Field(() => [String], { description: 'The items named (e.g. the products offered).' })
  items!: string[];
}
