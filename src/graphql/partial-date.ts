import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely a source states a date.',
});

/** A date as precise as its source: "2023", "2023-03" or "2023-03-28". */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface StoredPartialDate {
  /** The first day of the period, as an ISO date. */
  readonly date: string;
  readonly precision: DatePrecision;
}

/** Parses "2023", "2023-03" or "2023-03-28"; returns undefined for anything else. */
export function parsePartialDate(text: string): StoredPartialDate | undefined {
  if (!PARTIAL_DATE_PATTERN.test(text)) return undefined;
  const [year, month, day] = text.split('-');
  if (day !== undefined) {
    const parsed = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) return undefined;
    return { date: text, precision: DatePrecision.DAY };
  }
  if (month !== undefined) return { date: `${year}-${month}-01`, precision: DatePrecision.MONTH };
  return { date: `${year}-01-01`, precision: DatePrecision.YEAR };
}

function lastDayOf(date: string, precision: DatePrecision): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  switch (precision) {
    case DatePrecision.DAY:
      return date;
    case DatePrecision.MONTH:
      return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    case DatePrecision.YEAR:
      return `${year}-12-31`;
  }
}

@ObjectType({ description: 'A date with the precision its source gives (day, month or year).' })
export class PartialDate {
  @Field({ description: 'The date as stated: "2023", "2023-03" or "2023-03-28".' })
  value!: string;

  @Field(() => DatePrecision, { description: 'Whether the source gives the day, only the month, or only the year.' })
  precision!: DatePrecision;

  @Field({ description: 'The first day the date can mean (ISO date).' })
  earliest!: string;

  @Field({ description: 'The last day the date can mean (ISO date).' })
  latest!: string;
}

export function toPartialDate(
  date: string | null | undefined,
  precision: string | null | undefined,
): PartialDate | null {
  if (!date) return null;
  const exactness = (precision as DatePrecision | undefined) ?? DatePrecision.DAY;
  const value =
    exactness === DatePrecision.YEAR ? date.slice(0, 4) : exactness === DatePrecision.MONTH ? date.slice(0, 7) : date;
  return { value, precision: exactness, earliest: date, latest: lastDayOf(date, exactness) };
}

/** The first day a partial date can mean, for "on or after" filters. */
export function toIsoStart(text: string): string {
  return parsePartialDate(text)?.date ?? text;
}

/** The last day a partial date can mean, for "on or before" filters. */
export function toIsoEnd(text: string): string {
  const parsed = parsePartialDate(text);
  return parsed ? lastDayOf(parsed.date, parsed.precision) : text;
}

/**
 * A filter's range as stored dates compare with it (a stored date is the first day of its
 * period): `from` as the first day it can mean, `to` as the last; null where not given.
 */
export function isoRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { readonly from: string | null; readonly to: string | null } {
  return { from: from ? toIsoStart(from) : null, to: to ? toIsoEnd(to) : null };
}
