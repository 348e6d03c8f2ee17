/**
 * Runs of capitalised words ("Suez Canal Economic Zone Authority", "Deputy Prime Minister of
 * Kazakhstan Serik Zhumangarin"): the raw material of names. A run keeps "of", "the", "al" and
 * similar small words between capitalised words, but stops at "and", commas and brackets, so
 * "Egypt and the European Union" is two runs.
 */
import { MONTH_NAMES } from '../../graphql/month-names';
import { type Token } from './text';

export interface Run {
  /** Token indexes: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
}

const INNER_CONNECTORS = new Set([
  'of',
  'the',
  'de',
  'd',
  'du',
  'des',
  'la',
  'le',
  'el',
  'al',
  'da',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'bin',
  'ibn',
  'y',
  'for',
  'on',
]);

/** Capitalised words that start sentences or clauses without being part of a name. */
export const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'on',
  'at',
  'in',
  'as',
  'of',
  'for',
  'by',
  'with',
  'from',
  'among',
  'amongst',
  'regarding',
  'during',
  'after',
  'before',
  'speaking',
  'addressing',
  'attending',
  'according',
  'last',
  'next',
  'it',
  'its',
  'their',
  'his',
  'her',
  'our',
  'we',
  'they',
  'he',
  'she',
  'there',
  'both',
  'all',
  'some',
  'many',
  'several',
  'other',
  'another',
  'such',
  'most',
  'also',
  'meanwhile',
  'however',
  'besides',
  'but',
  'and',
  'or',
  'if',
  'while',
  'when',
  'where',
  'since',
  'following',
  'under',
  'within',
  'between',
  'about',
  'over',
  'to',
  'into',
  'upon',
  'despite',
  'through',
  'earlier',
  'later',
  'today',
  'yesterday',
  'tomorrow',
  'here',
  'now',
  'then',
  'thus',
  'so',
  'yet',
  'still',
  'each',
  'every',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'mr',
  'mrs',
  'ms',
  'dr',
  'what',
  'which',
  'who',
  'whose',
  'how',
  'why',
  'only',
  'even',
  'further',
  'furthermore',
  'moreover',
  'additionally',
  'overall',
  'altogether',
  'together',
  'i',
  'you',
  'us',
  'my',
  'your',
  'is',
  'was',
  'are',
  'were',
  'be',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'not',
  'no',
  'yes',
  'thanks',
  'please',
  'dear',
  'welcome',
]);

export const MONTHS_AND_DAYS = new Set<string>([
  ...MONTH_NAMES,
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

function capitalised(token: Token): boolean {
  return /^[\p{Lu}\p{N}]/u.test(token.text) || /^[\p{Ll}]+[\p{Lu}]/u.test(token.text);
}

/** Whether only name-internal punctuation (spaces, hyphens, apostrophes, an acronym's dots) lies between. */
export function joined(text: string, left: Token, right: Token): boolean {
  return (
    /^(?:[ \t]*|[ \t]*[-–][ \t]*|['’]|\.[ \t]?)$/.test(text.slice(left.end, right.start)) &&
    !/\.[ \t]/.test(text.slice(left.end, right.start))
  );
}

/** The capitalised runs of a sentence's tokens; leading function words ("The", "On") are left out. */
export function findRuns(text: string, tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (!capitalised(token)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const previous = tokens[j - 1] as Token;
      const current = tokens[j] as Token;
      if (!joined(text, previous, current)) break;
      if (capitalised(current) || /^\d/.test(current.text)) {
        j += 1;
        continue;
      }
      // Small words continue a run only when a capitalised word follows them ("Republic of the Congo").
      let k = j;
      while (
        k < tokens.length &&
        INNER_CONNECTORS.has((tokens[k] as Token).folded) &&
        joined(text, tokens[k - 1] as Token, tokens[k] as Token)
      )
        k += 1;
      const after = tokens[k];
      if (
        k > j &&
        after &&
        /^[\p{Lu}]/u.test(after.text) &&
        !MONTHS_AND_DAYS.has(after.folded) &&
        joined(text, tokens[k - 1] as Token, after)
      ) {
        j = k + 1;
        continue;
      }
      break;
    }
    let from = i;
    while (from < j && FUNCTION_WORDS.has((tokens[from] as Token).folded)) from += 1;
    if (from < j) {
      runs.push({ from, to: j, start: (tokens[from] as Token).start, end: (tokens[j - 1] as Token).end });
    }
    i = j;
  }
  return runs;
}
