import { BadUserInputError } from '../../errors';
import { isoRange } from '../../graphql/partial-date';
import type { EntityObject } from '../entity/entity.mapper';
import { TIE_SPECS } from '../entity/entity.model';
import { type DocumentStatsFilter, DocumentStatsGroupBy, DocumentStatsOrder } from './stats.input';
import type { Grouping, StatsQueryFilter, StatsRepository, StatsRow } from './stats.repository';
import { comparator, type GroupHead, groupsOf, inWords, type Measures, periodInWords } from './stats.rows';

export interface CurrencyTotalObject {
  readonly currency: string;
  readonly amount: number;
  readonly entryCount: number;
  readonly exact: boolean;
}

export interface TotalsObject {
  readonly documentCount: number;
  readonly entryCount: number;
  readonly totalValue: CurrencyTotalObject[];
}

export interface StatsRowObject extends TotalsObject, GroupHead {}

export interface DocumentStatsObject {
  readonly groupBy: DocumentStatsGroupBy;
  readonly thenBy: DocumentStatsGroupBy | null;
  readonly orderBy: DocumentStatsOrder;
  readonly rows: StatsRowObject[];
  readonly rowCount: number;
  /** What `total` aggregates, so it runs only when asked for. */
  readonly filter: StatsQueryFilter;
}

export interface DocumentStatsRequest {
  readonly groupBy: DocumentStatsGroupBy;
  readonly thenBy?: DocumentStatsGroupBy | null;
  readonly filter?: DocumentStatsFilter | null;
  readonly countries: boolean;
  readonly organizationRegions: boolean;
  readonly orderBy?: DocumentStatsOrder | null;
  readonly first?: number | null;
}

function toQueryFilter(input: DocumentStatsFilter | null | undefined): StatsQueryFilter {
  const range = isoRange(input?.dateFrom, input?.dateTo);
  return {
    forum: input?.forum ?? null,
    region: input?.region ?? null,
    counterpart: input?.counterpart ?? null,
    organization: input?.organization ?? null,
    sector: input?.sector ?? null,
    kinds: input?.kinds ?? null,
    status: input?.status ?? null,
    source: input?.source ?? null,
    dateFrom: range.from,
    dateTo: range.to,
  };
}

/** Folds the per-currency rows of one key into one group. */
export function totalsOf(
  rows: readonly Pick<StatsRow, 'currency' | 'amount' | 'entryCount' | 'documentCount' | 'exact'>[],
): TotalsObject {
  return {
    documentCount: rows.reduce((sum, row) => sum + row.documentCount, 0),
    entryCount: rows.reduce((sum, row) => sum + row.entryCount, 0),
    totalValue: rows.flatMap((row) =>
      row.currency === null
        ? []
        : [{ currency: row.currency, amount: row.amount, entryCount: row.entryCount, exact: row.exact }],
    ),
  };
}

/** The names behind one grouping's key. */
function labelsOf(groupBy: DocumentStatsGroupBy, key: string, entities: readonly EntityObject[]): string[] {
  switch (groupBy) {
    case DocumentStatsGroupBy.KIND:
    case DocumentStatsGroupBy.ROLE:
      return [inWords(key)];
    case DocumentStatsGroupBy.YEAR:
    case DocumentStatsGroupBy.MONTH:
      return [periodInWords(key)];
    case DocumentStatsGroupBy.FORUM:
      return key === 'none' ? ['No forum'] : entities.map((entity) => entity.name);
    case DocumentStatsGroupBy.SECTOR:
    case DocumentStatsGroupBy.REGION:
    case DocumentStatsGroupBy.REGION_PAIR:
    case DocumentStatsGroupBy.ORGANIZATION:
    case DocumentStatsGroupBy.SOURCE:
      return entities.map((entity) => entity.name);
  }
}

const isDated = (groupBy: DocumentStatsGroupBy) =>
  groupBy === DocumentStatsGroupBy.YEAR || groupBy === DocumentStatsGroupBy.MONTH;

const DOCUMENT_MEASURES: Measures<StatsRowObject> = {
  count: (row) => row.documentCount,
  amounts: (row) => row.totalValue.map((total) => ({ unit: total.currency, amount: total.amount })),
};

/** Why the two groupings cannot be combined, or undefined when they can. */
function combinationProblem(groupBy: DocumentStatsGroupBy, thenBy: DocumentStatsGroupBy): string | undefined {
  if (thenBy === groupBy) return `must be another grouping than groupBy (${groupBy})`;
  // A pair is already two groups of one document; pairs within another grouping (or the other
  // way round) would multiply a document by every pair and every group at once.
  if (groupBy === DocumentStatsGroupBy.REGION_PAIR || thenBy === DocumentStatsGroupBy.REGION_PAIR) {
    return 'cannot combine REGION_PAIR with another grouping; group by REGION_PAIR alone, or by REGION';
  }
  return undefined;
}

/** Counts and values of documents, grouped; reported groups (PACKAGE) never count twice. */
export class StatsService {
  constructor(private readonly repository: StatsRepository) {}

  async documentStats(request: DocumentStatsRequest): Promise<DocumentStatsObject> {
    const { groupBy } = request;
    const thenBy = request.thenBy ?? null;
    if (thenBy !== null) {
      const problem = combinationProblem(groupBy, thenBy);
      if (problem !== undefined) throw BadUserInputError.forField('thenBy', problem);
    }
    const orderBy = request.orderBy ?? (isDated(groupBy) ? DocumentStatsOrder.KEY_ASC : DocumentStatsOrder.COUNT_DESC);
    const filter = toQueryFilter(request.filter);
    const rows = await this.repository.documents(groupBy satisfies Grouping, thenBy, filter, {
      countries: request.countries,
      organizationRegions: request.organizationRegions,
      defaultRole: TIE_SPECS.BINDS.roles?.[0] ?? 'PARTY',
    });
    const groupings = thenBy === null ? [groupBy] : [groupBy, thenBy];
    const groups: StatsRowObject[] = groupsOf(rows, groupings, labelsOf, totalsOf);
    groups.sort(comparator(orderBy, groupings.map(isDated), DOCUMENT_MEASURES));
    const limited = request.first === null || request.first === undefined ? groups : groups.slice(0, request.first);
    return { groupBy, thenBy, orderBy, rows: limited, rowCount: groups.length, filter };
  }

  /** The totals over every document the filter matches, each counted once. */
  async totals(filter: StatsQueryFilter): Promise<TotalsObject> {
    return totalsOf(
      await this.repository.documents('TOTAL', null, filter, {
        countries: false,
        organizationRegions: false,
        defaultRole: '',
      }),
    );
  }
}
