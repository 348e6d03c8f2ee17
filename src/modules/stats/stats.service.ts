import { toIsoEnd, toIsoStart } from '../../graphql/partial-date';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';
import { type DocumentStatsFilter, DocumentStatsGroupBy } from './stats.input';
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
  readonly label: string;
  readonly labels: string[];
  readonly entities: EntityObject[];
}

export interface DocumentStatsObject {
  readonly groupBy: DocumentStatsGroupBy;
  readonly rows: StatsRowObject[];
  /** What `total` aggregates, so it runs only when asked for. */
  readonly filter: StatsQueryFilter;
}

function toQueryFilter(input: DocumentStatsFilter | null | undefined): StatsQueryFilter {
  return {
    forum: input?.forum ?? null,
    region: input?.region ?? null,
    counterpart: input?.counterpart ?? null,
    organization: input?.organization ?? null,
    sector: input?.sector ?? null,
    kinds: input?.kinds ?? null,
    status: input?.status ?? null,
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

function kindInWords(kind: string): string {
  const words = kind.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labelsOf(groupBy: DocumentStatsGroupBy, key: string, entities: readonly EntityObject[]): string[] {
  switch (groupBy) {
    case DocumentStatsGroupBy.KIND:
      return [kindInWords(key)];
    case DocumentStatsGroupBy.YEAR:
      return [key === 'undated' ? 'Undated' : key];
    case DocumentStatsGroupBy.SECTOR:
    case DocumentStatsGroupBy.REGION_PAIR:
      return entities.map((entity) => entity.name);
  }
}

/** Counts and values of documents, grouped; reported groups (PACKAGE) never count twice. */
export class StatsService {
  constructor(private readonly repository: StatsRepository) {}

  async documentStats(
    groupBy: DocumentStatsGroupBy,
    input: DocumentStatsFilter | null | undefined,
    countries: boolean,
  ): Promise<DocumentStatsObject> {
    const filter = toQueryFilter(input);
    const rows = await this.repository.documents(groupBy satisfies Grouping, filter, countries);
    const byKey = new Map<string, StatsRow[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    const groups = [...byKey.entries()].map(([key, keyRows]): StatsRowObject => {
      const entities = (keyRows[0]?.entities ?? []).map(toEntityObject);
      const labels = labelsOf(groupBy, key, entities);
      return { key, label: labels.join(' – '), labels, entities, ...totalsOf(keyRows) };
    });
    groups.sort(
      groupBy === DocumentStatsGroupBy.YEAR
        ? (x, y) => Number(x.key === 'undated') - Number(y.key === 'undated') || x.key.localeCompare(y.key)
        : (x, y) => y.documentCount - x.documentCount || x.label.localeCompare(y.label),
    );
    return { groupBy, rows: groups, filter };
  }

  /** The totals over every document the filter matches, each counted once. */
  async totals(filter: StatsQueryFilter): Promise<TotalsObject> {
    return totalsOf(await this.repository.documents('TOTAL', filter, false));
  }
}
