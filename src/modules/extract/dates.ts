/**
 * Dates as news texts state them, resolved against the date the text was published: "on Tuesday
 * (28 March)", "June 26", "last year", "in 2022". A date the text leaves open (a weekday, a day
 * without a year) is resolved only when the published date says enough; otherwise it is left out
 * rather than guessed.
 */
import * as chrono from 'chrono-node';

/** Whether a string is a real "YYYY", "YYYY-MM" or "YYYY-MM-DD" date (the report format's partial dates). */
export function isPartialDate(value: string): boolean {
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value)) return false;
  if (value.length < 10) return true;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export interface FoundDate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** "2023", "2023-03" or "2023-03-28". */
  readonly value: string;
}

export interface Published {
  readonly value: string;
  readonly year: number;
  readonly month: number | undefined;
  readonly day: number | undefined;
}

export function parsePublished(value: string | null | undefined): Published | null {
  if (!value || !isPartialDate(value)) return null;
  const [year, month, day] = value.split('-').map(Number);
  return { value, year: year ?? 0, month, day };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The middle of the published period: dates without a year are placed nearest to it. */
function referenceOf(published: Published): Date {
  return new Date(Date.UTC(published.year, (published.month ?? 7) - 1, published.day ?? 15, 12));
}

/** The last day a published date can mean; a text rarely dates its events after it. */
function latestOf(published: Published): Date {
  if (published.day !== undefined)
    return new Date(Date.UTC(published.year, (published.month ?? 1) - 1, published.day, 23));
  if (published.month !== undefined) return new Date(Date.UTC(published.year, published.month, 0, 23));
  return new Date(Date.UTC(published.year, 11, 31, 23));
}

const BARE_YEAR =
  /\b(?:(?:in|of|for|since|by|during|until|through|from|to|year)\s+)?((?:19|20)\d{2})\b(?![-–]?\d|\s?(?:%|percent))/giu;

/** The dates a sentence states, with offsets relative to `offset`. */
export function findDates(text: string, published: Published | null, offset = 0): FoundDate[] {
  const found: FoundDate[] = [];
  if (published) {
    const reference = referenceOf(published);
    const latest = latestOf(published);
    for (const result of chrono.parse(text, { instant: reference, timezone: 0 }, { forwardDate: false })) {
      const start = result.start;
      const year = start.get('year');
      const month = start.get('month');
      const day = start.get('day');
      const knowsYear = start.isCertain('year');
      const knowsMonth = start.isCertain('month');
      const knowsDay = start.isCertain('day');
      if (year === null || month === null || day === null) continue;
      let value: string | undefined;
      if (knowsDay && knowsMonth) {
        let y = year;
        if (!knowsYear && new Date(Date.UTC(y, month - 1, day)) > latest) y -= 1;
        value = `${y}-${pad(month)}-${pad(day)}`;
      } else if (knowsMonth && !knowsDay) {
        let y = year;
        if (!knowsYear && new Date(Date.UTC(y, month - 1, 1)) > latest) y -= 1;
        value = `${y}-${pad(month)}`;
      } else if (knowsYear && !knowsMonth) {
        value = String(year);
      } else if (!knowsMonth && !knowsYear && start.isCertain('weekday') && published.day !== undefined) {
        value = `${year}-${pad(month)}-${pad(day)}`;
      } else if (/\b(?:yesterday|today)\b/i.test(result.text) && published.day !== undefined) {
        value = `${year}-${pad(month)}-${pad(day)}`;
      }
      if (!value || !isPartialDate(value)) continue;
      const trimmed = result.text.replace(/^(?:on|in|at)\s+/i, '');
      const begin = result.index + (result.text.length - trimmed.length);
      found.push({ start: offset + begin, end: offset + begin + trimmed.length, text: trimmed, value });
    }
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const year = match[1] ?? '';
    const begin = match.index + match[0].lastIndexOf(year);
    if (found.some((date) => date.start - offset <= begin && begin < date.end - offset)) continue;
    found.push({ start: offset + begin, end: offset + begin + 4, text: year, value: year });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "On the same day": the sentence refers to the last date stated before it. */
export const SAME_DAY = /\b(?:on|that)\s+(?:the\s+)?same\s+day\b/i;
