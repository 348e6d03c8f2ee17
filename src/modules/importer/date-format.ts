import { MONTH_NAMES } from '../../graphql/month-names';
import { parsePartialDate } from '../../graphql/partial-date';

/**
 * Date formats of mappings ("DD/MM/YYYY", "D MMMM YYYY", `iso`): checked when a mapping is read
 * (`isDateFormat`), applied to cells (`readDate`).
 */

export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Longest first, so `MMMM` is not read as `MM` twice.
const DATE_TOKENS = /YYYY|MMMM|MMM|MM|M|DD|D/g;
const MONTH_TOKENS = ['MMMM', 'MMM', 'MM', 'M'];

/** The month a name gives, 1 to 12: `MMMM` takes the full English name, `MMM` its first three letters (or "Sept"). */
function monthOf(text: string, token: string): number | undefined {
  const name = text.toLowerCase();
  const index =
    token === 'MMMM'
      ? MONTH_NAMES.indexOf(name as (typeof MONTH_NAMES)[number])
      : name === 'sept'
        ? 8
        : MONTH_NAMES.findIndex((month) => month.slice(0, 3) === name);
  return index === -1 ? undefined : index + 1;
}

const TOKEN_PATTERN: Record<string, string> = {
  YYYY: '(\\d{4})',
  MMMM: '(\\p{L}+)',
  MMM: '(\\p{L}{3,4})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  DD: '(\\d{2})',
  D: '(\\d{1,2})',
};

/**
 * Reads a date with a format such as "DD/MM/YYYY", "D MMMM YYYY" or "YYYY"; the finest part the
 * format has is the precision ("YYYY" → a year). Months are numbers (`MM`, `M`) or English names
 * (`MMMM` "March", `MMM` "Mar"), whatever their case. `iso` reads "2023", "2023-03" or
 * "2023-03-28", each with its own precision. Returns the partial date the API takes ("2023",
 * "2023-03", "2023-03-28").
 */
export function readDate(text: string, format: string): string | undefined {
  if (format === 'iso') return parsePartialDate(text) ? text : undefined;
  const order: string[] = [];
  let pattern = '';
  let last = 0;
  for (const token of format.matchAll(DATE_TOKENS)) {
    pattern += escapeRegExp(format.slice(last, token.index));
    pattern += TOKEN_PATTERN[token[0]] ?? '';
    order.push(token[0]);
    last = token.index + token[0].length;
  }
  pattern += escapeRegExp(format.slice(last));
  const match = new RegExp(`^${pattern}$`, 'iu').exec(text);
  if (!match) return undefined;
  const part = (...tokens: string[]): [string, string] | undefined => {
    const index = order.findIndex((token) => tokens.includes(token));
    const value = index === -1 ? undefined : match[index + 1];
    return value === undefined ? undefined : [order[index] as string, value];
  };
  const year = part('YYYY')?.[1];
  const monthPart = part(...MONTH_TOKENS);
  let month: string | undefined;
  if (monthPart) {
    const [token, value] = monthPart;
    const number = token === 'MMMM' || token === 'MMM' ? monthOf(value, token) : Number(value);
    if (number === undefined) return undefined;
    month = String(number).padStart(2, '0');
  }
  const day = part('DD', 'D')?.[1].padStart(2, '0');
  const date = [year, month, day].filter((piece) => piece !== undefined).join('-');
  return parsePartialDate(date) ? date : undefined;
}

/** A date format the importer can read: `iso`, or one with YYYY and optionally a month (M, MM, MMM, MMMM) and a day. */
export function isDateFormat(format: string): boolean {
  if (format === 'iso') return true;
  const tokens = format.match(DATE_TOKENS) ?? [];
  const has = (...names: string[]) => tokens.filter((token) => names.includes(token)).length;
  return (
    has('YYYY') === 1 &&
    has(...MONTH_TOKENS) <= 1 &&
    has('DD', 'D') <= 1 &&
    (has('DD', 'D') === 0 || has(...MONTH_TOKENS) === 1)
  );
}
