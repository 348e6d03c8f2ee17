import { MONTH_NAMES } from '../../graphql/month-names';
import type { EntityRecord } from '../entity/entity.record';
import { type EntityObject, toEntityObject } from '../entity/entity.mapper';

/**
 * What document and figure statistics do alike with the rows of their statements: fold the rows
 * of one key (one per currency or unit) into one group, name it, and order the groups.
 */

/** Joins the keys of a grouping and its `thenBy`: no id holds "×" (ids are letters, digits, `.`, `_`, `~`, `-`). */
export const KEY_SEPARATOR = '×';
/** Joins the labels of a grouping and its `thenBy`. */
export const LABEL_SEPARATOR = ' × ';

/** The orders both statistics offer (their GraphQL enums hold these values). */
export type StatsOrder = 'COUNT_DESC' | 'VALUE_DESC' | 'KEY_ASC';

/** What a statement returns per key and currency (or unit): a key per grouping, and its entities. */
export interface KeyedRow {
  readonly keys: string[];
  readonly entities: EntityRecord[][];
  readonly shared: boolean;
}

/** The named part of a group, whatever it counts. */
export interface GroupHead {
  readonly key: string;
  readonly keys: string[];
  readonly label: string;
  readonly labels: string[];
  readonly entities: EntityObject[];
  readonly shared: boolean;
}

/** "INVESTOR" as "Investor", "COMMERCIAL_AGREEMENT" as "Commercial agreement". */
export function inWords(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UNKNOWN_MONTH = /^(\d{4})-unknown$/;

/** A YEAR or MONTH key in words: "March 2023", "2023 (month unknown)", "Undated". */
export function periodInWords(key: string): string {
  if (key === 'undated') return 'Undated';
  const yearOnly = UNKNOWN_MONTH.exec(key);
  if (yearOnly) return `${yearOnly[1] ?? ''} (month unknown)`;
  const [year, month, day] = key.split('-');
  if (month === undefined) return key;
  const name = MONTH_NAMES[Number(month) - 1];
  if (name === undefined) return key;
  return `${day === undefined ? '' : `${Number(day)} `}${inWords(name)} ${year ?? ''}`;
}

/**
 * Folds the rows of each key into one group: `labelsOf` names a grouping's key, `totalsOf` sums
 * the key's rows (one per currency or unit).
 */
export function groupsOf<G, R extends KeyedRow, T>(
  rows: readonly R[],
  groupings: readonly G[],
  labelsOf: (grouping: G, key: string, entities: readonly EntityObject[]) => string[],
  totalsOf: (rows: readonly R[]) => T,
): (GroupHead & T)[] {
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const key = row.keys.join(KEY_SEPARATOR);
    const same = byKey.get(key);
    if (same) same.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey.entries()].map(([key, keyRows]) => {
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
}

/** How a group is measured for ordering: how many, and how much per currency or unit. */
export interface Measures<R> {
  count(row: R): number;
  amounts(row: R): readonly { readonly unit: string; readonly amount: number }[];
}

/** One grouping's keys in order: dates in time order with undated last ("2023-unknown" after 2023's months). */
function compareKeys(dated: boolean, x: string, y: string): number {
  if (dated) return Number(x === 'undated') - Number(y === 'undated') || x.localeCompare(y);
  return x.localeCompare(y);
}

/** Orders groups; `dated` says which groupings' keys are dates. Ties go by label. */
export function comparator<R extends GroupHead>(
  orderBy: StatsOrder,
  dated: readonly boolean[],
  measures: Measures<R>,
): (x: R, y: R) => number {
  const byLabel = (x: R, y: R) => x.label.localeCompare(y.label);
  const usd = (row: R) => measures.amounts(row).find((total) => total.unit === 'USD')?.amount ?? 0;
  const any = (row: R) => measures.amounts(row).reduce((sum, total) => sum + total.amount, 0);
  switch (orderBy) {
    case 'COUNT_DESC':
      return (x, y) => measures.count(y) - measures.count(x) || byLabel(x, y);
    case 'VALUE_DESC':
      return (x, y) => usd(y) - usd(x) || any(y) - any(x) || measures.count(y) - measures.count(x) || byLabel(x, y);
    case 'KEY_ASC':
      return (x, y) =>
        dated.reduce(
          (order, isDate, index) => order || compareKeys(isDate, x.keys[index] ?? '', y.keys[index] ?? ''),
          0,
        ) || byLabel(x, y);
  }
}
