// Partial dates as people type them ("2022", "2022-03", "2022-03-28") and as the timeline counts
// them (months since year 0).

const FORMS = 'write 2022, 2022-03 or 2022-03-28';

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a bound of the period filter: `{ day: null }` when empty, `{ day }` with the first or last
 * day it can mean (end = true: "2022" is 2022-12-31), or `{ error }` saying what is wrong with it.
 */
export function parseBound(text, end) {
  const trimmed = text.trim();
  if (trimmed === '') return { day: null };
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(trimmed);
  if (!match) return { error: `“${trimmed}” is not a date: ${FORMS}.` };
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) {
    return { error: `“${trimmed}” is not a date: the month must be 01 to 12.` };
  }
  if (month !== null && day !== null && (day < 1 || day > daysIn(year, month))) {
    return { error: `“${trimmed}” is not a date: ${year}-${pad(month)} has ${daysIn(year, month)} days.` };
  }
  if (month === null) return { day: end ? `${year}-12-31` : `${year}-01-01` };
  if (day === null) return { day: `${year}-${pad(month)}-${end ? pad(daysIn(year, month)) : '01'}` };
  return { day: `${year}-${pad(month)}-${pad(day)}` };
}

function pad(number) {
  return String(number).padStart(2, '0');
}

/** "2023-03-28" as a month number, for the timeline. */
export function monthOf(isoDay) {
  return Number(isoDay.slice(0, 4)) * 12 + Number(isoDay.slice(5, 7)) - 1;
}

/** A month number as people write it: "2023-03". */
export function monthText(month) {
  return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}`;
}
