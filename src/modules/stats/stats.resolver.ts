import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../request/request.context';
import {
  DocumentStatsFilter,
  DocumentStatsGroupBy,
  DocumentStatsOrder,
  MAX_STATS_ROWS,
  validateFirstRows,
} from './stats.input';
import type { DocumentStatsObject } from './stats.service';
import { DocumentStats, DocumentStatsTotals } from './stats.type';

@Resolver(() => DocumentStats)
export class StatsResolver {
  @Query(() => DocumentStats, {
    description:
      'How many documents, and of what stated value, grouped by kind, sector, year, month, region, pair of regions, ' +
      'organization, forum, source or party role, and optionally by a second of these within it. Reported groups ' +
      '(PACKAGE documents) are not counted on top of their parts; one without parts counts itself.',
  })
  documentStats(
    @Arg('groupBy', () => DocumentStatsGroupBy) groupBy: DocumentStatsGroupBy,
    @Ctx() ctx: Context,
    @Arg('filter', () => DocumentStatsFilter, { nullable: true }) filter?: DocumentStatsFilter,
    @Arg('countries', () => Boolean, {
      defaultValue: false,
      description: 'REGION and REGION_PAIR: count each region as the country it is part of (Xinjiang as China).',
    })
    countries: boolean = false,
    @Arg('organizationRegions', () => Boolean, {
      defaultValue: false,
      description:
        'REGION: a document binding an organization counts for the region the organization is BASED_IN too ' +
        '(once, when it binds that region as well).',
    })
    organizationRegions: boolean = false,
    @Arg('thenBy', () => DocumentStatsGroupBy, {
      nullable: true,
      description:
        'A second grouping within the first: a row per pair of groups a document is in (YEAR then SECTOR: each ' +
        'sector of each year), keyed by both keys joined by "×". Another grouping than `groupBy`, and never with ' +
        'REGION_PAIR (BAD_USER_INPUT).',
    })
    thenBy?: DocumentStatsGroupBy | null,
    @Arg('orderBy', () => DocumentStatsOrder, {
      nullable: true,
      description: 'How the rows are ordered: KEY_ASC by YEAR or MONTH, else COUNT_DESC, when left out.',
    })
    orderBy?: DocumentStatsOrder | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most this many rows, the first in \`orderBy\` order (1 to ${MAX_STATS_ROWS}); all when left out.`,
      validateFn: validateFirstRows,
    })
    first?: number | null,
  ) {
    return ctx.services.stats.documentStats({
      groupBy,
      thenBy,
      filter,
      countries,
      organizationRegions,
      orderBy,
      first,
    });
  }

  @FieldResolver(() => DocumentStatsTotals, {
    description: 'The totals over all matching documents, each counted once (rows can share a document).',
  })
  total(@Root() stats: DocumentStatsObject, @Ctx() ctx: Context) {
    return ctx.services.stats.totals(stats.filter);
  }
}
