import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { DocumentStatsFilter, DocumentStatsGroupBy } from './stats.input';
import type { DocumentStatsObject } from './stats.service';
import { DocumentStats, DocumentStatsTotals } from './stats.type';

@Resolver(() => DocumentStats)
export class StatsResolver {
  @Query(() => DocumentStats, {
    description:
      'How many documents, and of what stated value, grouped by kind, sector, year or pair of regions. Reported ' +
      'groups (PACKAGE documents) are not counted on top of their parts; one without parts counts itself.',
  })
  documentStats(
    @Arg('groupBy', () => DocumentStatsGroupBy) groupBy: DocumentStatsGroupBy,
    @Ctx() ctx: Context,
    @Arg('filter', () => DocumentStatsFilter, { nullable: true }) filter?: DocumentStatsFilter,
    @Arg('countries', () => Boolean, {
      defaultValue: false,
      description: 'REGION_PAIR only: count each region as the country it is part of (Xinjiang as China).',
    })
    countries: boolean = false,
  ) {
    return ctx.services.stats.documentStats(groupBy, filter, countries);
  }

  @FieldResolver(() => DocumentStatsTotals, {
    description: 'The totals over all matching documents, each counted once (rows can share a document).',
  })
  total(@Root() stats: DocumentStatsObject, @Ctx() ctx: Context) {
    return ctx.services.stats.totals(stats.filter);
  }
}
