import { Field, Float, Int, ObjectType } from 'type-graphql';

import { Entity } from '../entity/entity.type';
import { FigureStatsGroupBy, FigureStatsOrder } from './figure-stats.input';

@ObjectType({ description: 'The figures of one group in one unit: how many, their sum and their range.' })
export class UnitTotal {
  @Field({ description: 'The unit: an ISO 4217 currency code, "km", "products" …' })
  unit!: string;

  @Field(() => Int, { description: 'How many figures are in this unit.' })
  figureCount!: number;

  @Field(() => Float, {
    description:
      'The sum of their values, as stated: two sources stating one trade volume count it twice, and figures of ' +
      'different metrics or periods add up too, so group by METRIC and YEAR for a meaningful sum.',
  })
  sum!: number;

  @Field(() => Float, { description: 'The smallest value.' })
  min!: number;

  @Field(() => Float, { description: 'The largest value.' })
  max!: number;

  @Field({ description: 'Whether every value was stated exactly (not "about", "over" or "up to").' })
  exact!: boolean;
}

@ObjectType({ description: 'The figures of one group.' })
export class FigureStatsRow {
  @Field({
    description:
      'What the group is: the metric, the unit, the year or period ("undated" for none), or the id of the region, ' +
      'source or forum ("none" for none). With `thenBy`, the two keys joined by "×" (e.g. "TRADE_VOLUME×2022").',
  })
  key!: string;

  @Field(() => [String], { description: 'The key of each grouping: one, or two with `thenBy`.' })
  keys!: string[];

  @Field({
    description: 'The group in words ("Trade volume", "March 2023", "Kazakhstan"); with `thenBy`, joined by " × ".',
  })
  label!: string;

  @Field(() => [String], { description: 'The label of each grouping.' })
  labels!: string[];

  @Field(() => [Entity], { description: 'The entities of the group (a region, a source, a forum); none otherwise.' })
  entities!: Entity[];

  @Field(() => Int, { description: 'How many figures are in the group.' })
  figureCount!: number;

  @Field(() => [UnitTotal], { description: 'Per unit: how many, the sum, the smallest and largest value.' })
  values!: UnitTotal[];

  @Field({
    description:
      'Whether a figure of this row is in another row too (a figure concerning two regions): then the rows add up ' +
      'to more than `total`.',
  })
  shared!: boolean;
}

@ObjectType({ description: 'The totals over all matching figures, each counted once.' })
export class FigureStatsTotals {
  @Field(() => Int, { description: 'How many figures.' })
  figureCount!: number;

  @Field(() => [UnitTotal], { description: 'Per unit: how many, the sum, the smallest and largest value.' })
  values!: UnitTotal[];
}

@ObjectType({ description: 'Reported figures (trade volumes, offers, investments …) counted and summed, grouped.' })
export class FigureStats {
  @Field(() => FigureStatsGroupBy, { description: 'How the rows are grouped.' })
  groupBy!: FigureStatsGroupBy;

  @Field(() => FigureStatsGroupBy, { nullable: true, description: 'How the rows are grouped within that, if at all.' })
  thenBy!: FigureStatsGroupBy | null;

  @Field(() => FigureStatsOrder, { description: 'How the rows are ordered.' })
  orderBy!: FigureStatsOrder;

  @Field(() => [FigureStatsRow], { description: 'The groups, in `orderBy` order, at most `first` of them.' })
  rows!: FigureStatsRow[];

  @Field(() => Int, { description: 'How many groups there are in all, listed in `rows` or not (`first`).' })
  rowCount!: number;

  @Field(() => FigureStatsTotals, { description: 'The totals over all matching figures, each counted once.' })
  total!: FigureStatsTotals;
}
