import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import { FigureStatsFilter, FigureStatsGroupBy, FigureStatsOrder } from './figure-stats.input';
import type { FigureStatsObject } from './figure-stats.service';
import { FigureStats, FigureStatsTotals } from './figure-stats.type';
import { MAX_STATS_ROWS, validateFirstRows } from './stats.input';

@Resolver(() => FigureStats)
export class FigureStatsResolver {
  @Query(() => FigureStats, {
    description:
      'How many reported figures, their sums and ranges per unit, grouped by metric, unit, year, period, region, ' +
      'source or forum, and optionally by a second of these within it ("trade volume per year": METRIC then YEAR).',
  })
  figureStats(
    @Arg('groupBy', () => FigureStatsGroupBy) groupBy: FigureStatsGroupBy,
    @Ctx() ctx: Context,
    @Arg('filter', () => FigureStatsFilter, { nullable: true }) filter?: FigureStatsFilter,
    @Arg('countries', () => Boolean, {
      defaultValue: false,
      description: 'REGION: count each region as the country it is part of (Xinjiang as China).',
    })
    countries: boolean = false,
    @Arg('thenBy', () => FigureStatsGroupBy, {
      nullable: true,
      description:
        'A second grouping within the first: a row per pair of groups a figure is in, keyed by both keys joined by ' +
        '"×". Another grouping than `groupBy` (BAD_USER_INPUT).',
    })
    thenBy?: FigureStatsGroupBy | null,
    @Arg('orderBy', () => FigureStatsOrder, {
      nullable: true,
      description: 'How the rows are ordered: KEY_ASC by YEAR or PERIOD, else COUNT_DESC, when left out.',
    })
    orderBy?: FigureStatsOrder | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most this many rows, the first in \`orderBy\` order (1 to ${MAX_STATS_ROWS}); all when left out.`,
      validateFn: validateFirstRows,
    })
    first?: number | null,
  ) {
    return ctx.services.figureStats.figureStats({ groupBy, thenBy, filter, countries, orderBy, first });
  }

  @FieldResolver(() => FigureStatsTotals, {
    description: 'The totals over all matching figures, each counted once (rows can share a figure).',
  })
  total(@Root() stats: FigureStatsObject, @Ctx() ctx: Context) {
    return ctx.services.figureStats.totals(stats.filter);
  }
}
