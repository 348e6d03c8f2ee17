import { BadUserInputError } from '../../errors';
import { MONTH_NAMES } from '../../graphql/month-names';
import { toIsoEnd, toIsoStart } from '../../graphql/partial-date';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import { TIE_SPECS } from '../entity/entity.model';
import { type DocumentStatsFilter, DocumentStatsGroupBy, DocumentStatsOrder } from './stats.input';
import type { Grouping, StatsQueryFilter, StatsRepository, StatsRow } from './stats.repository';

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

export interface StatsRowObject extends TotalsObject {
  readonly key: string;
  readonly keys: string[];
  readonly label: string;
  readonly labels: string[];
  readonly entities: EntityObject[];
  readonly shared: boolean;
}

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

/** Joins the keys of a grouping and its `thenBy`: no id holds "×" (ids are letters, digits, `.`, `_`, `~`, `-`). */
export const KEY_SEPARATOR = '×';
/** Joins the labels of a grouping and its `thenBy`. */
export const LABEL_SEPARATOR = ' × ';

function toQueryFilter(input: DocumentStatsFilter | null | undefined): StatsQueryFilter {
  return {
    forum: input?.forum ?? null,
    region: input?.region ?? null,
    counterpart: input?.counterpart ?? null,
    organization: input?.organization ?? null,
    sector: input?.sector ?? null,
    kinds: input?.kinds ?? null,
    status: input?.status ?? null,
    source: input?.source ?? null,
    // Partial dates compare against stored ISO dates as the first or last day of their period.
    dateFrom: input?.dateFrom ? toIsoStart(input.dateFrom) : null,
    dateTo: input?.dateTo ? toIsoEnd(input.dateTo) : null,
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

/** "INVESTOR" as "Investor", "COMMERCIAL_AGREEMENT" as "Commercial agreement". */
function inWords(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UNKNOWN_MONTH = /^(\d{4})-unknown$/;

function monthInWords(key: string): string {
  if (key === 'undated') return 'Undated';
  const yearOnly = UNKNOWN_MONTH.exec(key);
  if (yearOnly) return `${yearOnly[1] ?? ''} (month unknown)`;
  const [year, month] = key.split('-');
  const name = MONTH_NAMES[Number(month) - 1];
  return name === undefined ? key : `${inWords(name)} ${year ?? ''}`;
}

/** The names behind one grouping's key. */
function labelsOf(groupBy: DocumentStatsGroupBy, key: string, entities: readonly EntityObject[]): string[] {
  switch (groupBy) {
    case DocumentStatsGroupBy.KIND:
    case DocumentStatsGroupBy.ROLE:
      return [inWords(key)];
    case DocumentStatsGroupBy.YEAR:
      return [key === 'undated' ? 'Undated' : key];
    case DocumentStatsGroupBy.MONTH:
      return [monthInWords(key)];
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

const DATED = new Set([DocumentStatsGroupBy.YEAR, DocumentStatsGroupBy.MONTH]);

/** One grouping's keys in order: dates in time order with undated last ("2023-unknown" after 2023's months). */
function compareKeys(groupBy: DocumentStatsGroupBy, x: string, y: string): number {
  if (DATED.has(groupBy)) return Number(x === 'undated') - Number(y === 'undated') || x.localeCompare(y);
  return x.localeCompare(y);
}

function usdOf(row: StatsRowObject): number {
  return row.totalValue.find((total) => total.currency === 'USD')?.amount ?? 0;
}

function anyCurrencyOf(row: StatsRowObject): number {
  return row.totalValue.reduce((sum, total) => sum + total.amount, 0);
}

function comparator(
  orderBy: DocumentStatsOrder,
  groupings: readonly DocumentStatsGroupBy[],
): (x: StatsRowObject, y: StatsRowObject) => number {
  const byLabel = (x: StatsRowObject, y: StatsRowObject) => x.label.localeCompare(y.label);
  switch (orderBy) {
    case DocumentStatsOrder.COUNT_DESC:
      return (x, y) => y.documentCount - x.documentCount || byLabel(x, y);
    case DocumentStatsOrder.VALUE_DESC:
      return (x, y) =>
        usdOf(y) - usdOf(x) ||
        anyCurrencyOf(y) - anyCurrencyOf(x) ||
        y.documentCount - x.documentCount ||
        byLabel(x, y);
    case DocumentStatsOrder.KEY_ASC:
      return (x, y) =>
        groupings.reduce(
          (order, groupBy, index) => order || compareKeys(groupBy, x.keys[index] ?? '', y.keys[index] ?? ''),
          0,
        ) || byLabel(x, y);
  }
}

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
    const orderBy =
      request.orderBy ?? (DATED.has(groupBy) ? DocumentStatsOrder.KEY_ASC : DocumentStatsOrder.COUNT_DESC);
    const filter = toQueryFilter(request.filter);
    const rows = await this.repository.documents(groupBy satisfies Grouping, thenBy, filter, {
      countries: request.countries,
      organizationRegions: request.organizationRegions,
      defaultRole: TIE_SPECS.BINDS.roles?.[0] ?? 'PARTY',
    });
    const groupings = thenBy === null ? [groupBy] : [groupBy, thenBy];
    const byKey = new Map<string, StatsRow[]>();
    for (const row of rows) {
      const key = row.keys.join(KEY_SEPARATOR);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const groups = [...byKey.entries()].map(([key, keyRows]): StatsRowObject => {
      const first = keyRows[0];
      const keys = first?.keys ?? [];
      const parts = groupings.map((grouping, index) => {
        const entities = (first?.entities[index] ?? []).map(toEntityObject);
        return { entities, labels: labelsOf(grouping, keys[index] ?? '', entities) };
      });
      return {
        key,
        keys,
        label: parts.map((part) => part.labels.join(' – ')).join(LABEL_SEPARATOR),
        labels: parts.flatMap((part) => part.labels),
        entities: parts.flatMap((part) => part.entities),
        shared: keyRows.some((row) => row.shared),
        ...totalsOf(keyRows),
      };
    });
    groups.sort(comparator(orderBy, groupings));
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
