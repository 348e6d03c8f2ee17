import { BadUserInputError } from '../../errors';
import { isoRange } from '../../graphql/partial-date';
import type { EntityObject } from '../entity/entity.mapper';
import { type FigureStatsFilter, FigureStatsGroupBy, FigureStatsOrder } from './figure-stats.input';
import type {
  FigureGrouping,
  FigureStatsQueryFilter,
  FigureStatsRepository,
  FigureStatsRowRecord,
} from './figure-stats.repository';
import { comparator, type GroupHead, groupsOf, inWords, type Measures, periodInWords } from './stats.rows';

export interface UnitTotalObject {
  readonly unit: string;
  readonly figureCount: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  readonly exact: boolean;
}

export interface FigureTotalsObject {
  readonly figureCount: number;
  readonly values: UnitTotalObject[];
}

export interface FigureStatsRowObject extends FigureTotalsObject, GroupHead {}

export interface FigureStatsObject {
  readonly groupBy: FigureStatsGroupBy;
  readonly thenBy: FigureStatsGroupBy | null;
  readonly orderBy: FigureStatsOrder;
  readonly rows: FigureStatsRowObject[];
  readonly rowCount: number;
  /** What `total` aggregates, so it runs only when asked for. */
  readonly filter: FigureStatsQueryFilter;
}

export interface FigureStatsRequest {
  readonly groupBy: FigureStatsGroupBy;
  readonly thenBy?: FigureStatsGroupBy | null;
  readonly filter?: FigureStatsFilter | null;
  readonly countries: boolean;
  readonly orderBy?: FigureStatsOrder | null;
  readonly first?: number | null;
}

function toQueryFilter(input: FigureStatsFilter | null | undefined): FigureStatsQueryFilter {
  const range = isoRange(input?.periodFrom, input?.periodTo);
  return {
    metrics: input?.metrics ?? null,
    unit: input?.unit ?? null,
    region: input?.region ?? null,
    counterpart: input?.counterpart ?? null,
    source: input?.source ?? null,
    forum: input?.forum ?? null,
    periodFrom: range.from,
    periodTo: range.to,
  };
}

/** Folds the per-unit rows of one key into one group. */
function totalsOf(rows: readonly FigureStatsRowRecord[]): FigureTotalsObject {
  return {
    figureCount: rows.reduce((sum, row) => sum + row.figureCount, 0),
    values: rows.map(({ unit, figureCount, sum, min, max, exact }) => ({ unit, figureCount, sum, min, max, exact })),
  };
}

function labelsOf(groupBy: FigureStatsGroupBy, key: string, entities: readonly EntityObject[]): string[] {
  switch (groupBy) {
    case FigureStatsGroupBy.METRIC:
      return [inWords(key)];
    case FigureStatsGroupBy.UNIT:
      return [key];
    case FigureStatsGroupBy.YEAR:
    case FigureStatsGroupBy.PERIOD:
      return [periodInWords(key)];
    case FigureStatsGroupBy.FORUM:
      return key === 'none' ? ['No forum'] : entities.map((entity) => entity.name);
    case FigureStatsGroupBy.REGION:
    case FigureStatsGroupBy.SOURCE:
      return entities.map((entity) => entity.name);
  }
}

const isDated = (groupBy: FigureStatsGroupBy) =>
  groupBy === FigureStatsGroupBy.YEAR || groupBy === FigureStatsGroupBy.PERIOD;

const FIGURE_MEASURES: Measures<FigureStatsRowObject> = {
  count: (row) => row.figureCount,
  amounts: (row) => row.values.map((total) => ({ unit: total.unit, amount: total.sum })),
};

/** Counts, sums and ranges of reported figures, grouped. */
export class FigureStatsService {
  constructor(private readonly repository: FigureStatsRepository) {}

  async figureStats(request: FigureStatsRequest): Promise<FigureStatsObject> {
    const { groupBy } = request;
    const thenBy = request.thenBy ?? null;
    if (thenBy === groupBy)
      throw BadUserInputError.forField('thenBy', `must be another grouping than groupBy (${groupBy})`);
    const orderBy = request.orderBy ?? (isDated(groupBy) ? FigureStatsOrder.KEY_ASC : FigureStatsOrder.COUNT_DESC);
    const filter = toQueryFilter(request.filter);
    const rows = await this.repository.figures(groupBy satisfies FigureGrouping, thenBy, filter, request.countries);
    const groupings = thenBy === null ? [groupBy] : [groupBy, thenBy];
    const groups: FigureStatsRowObject[] = groupsOf(rows, groupings, labelsOf, totalsOf);
    groups.sort(comparator(orderBy, groupings.map(isDated), FIGURE_MEASURES));
    const limited = request.first === null || request.first === undefined ? groups : groups.slice(0, request.first);
    return { groupBy, thenBy, orderBy, rows: limited, rowCount: groups.length, filter };
  }

  /** The totals over every figure the filter matches, each counted once. */
  async totals(filter: FigureStatsQueryFilter): Promise<FigureTotalsObject> {
    return totalsOf(await this.repository.figures('TOTAL', null, filter, false));
  }
}
