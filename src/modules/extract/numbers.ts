/**
 * Numbers as news texts write them: digits with separators ("1,800", "629.1"), words ("thirty",
 * "twenty-five", "a hundred"), scales ("$565m", "3.5 bn", "629.1 million"), currencies before or
 * after ("US $", "€", "RMB", "US dollars", "tenge") and the qualifiers in front ("over", "some",
 * "almost", "up to").
 */
import { ValueQualifier } from '../entity/entity.enums';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
};

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
/** A number in words up to 999: "five", "thirty", "twenty-five", "a hundred", "one hundred and ten". */
export const NUMBER_WORDS = `(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\\s+hundred(?:\\s+(?:and\\s+)?(?:(?:${TEN_WORDS})(?:[-\\s](?:${UNIT_WORDS}))?|${UNIT_WORDS}))?|(?:${TEN_WORDS})(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|${UNIT_WORDS}|dozen|a\\s+dozen)`;
/** A number in digits: "1,800", "629.1", "11442", "3,5" is not read (a decimal comma is ambiguous). */
export const NUMBER_DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** The value of a number written in digits or words, or undefined. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().toLowerCase();
  if (/^\d/.test(cleaned)) {
    const value = Number(cleaned.replace(/,/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  if (/^(?:a\s+)?dozen$/.test(cleaned)) return 12;
  let total = 0;
  let matched = false;
  for (const word of cleaned.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'a') {
      total += 1;
      matched = true;
    } else if (word === 'hundred') {
      total = (total === 0 ? 1 : total) * 100;
    } else if (word in UNITS) {
      total += UNITS[word] ?? 0;
      matched = true;
    } else if (word in TENS) {
      total += TENS[word] ?? 0;
      matched = true;
    } else {
      return undefined;
    }
  }
  return matched ? total : undefined;
}

/** "3rd", "8th", "second", "thirtieth" as a number. */
export function parseOrdinal(text: string): number | undefined {
  const lower = text.toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(lower);
  if (digits) return Number(digits[1]);
  return ORDINALS[lower];
}
export const ORDINAL_PATTERN = `(?:\\d+(?:st|nd|rd|th)|${Object.keys(ORDINALS).join('|')})`;

const SCALES: [RegExp, number][] = [
  [/^(?:trillion|tn|trln|trn)$/i, 1e12],
  [/^(?:billion|bn|bln|b)$/i, 1e9],
  [/^(?:million|mln|mn|m|mil)$/i, 1e6],
  [/^(?:thousand|k)$/i, 1e3],
];
export const SCALE_PATTERN = 'trillion|tn|trln|trn|billion|bn|bln|b|million|mln|mn|mil|m|thousand|k';

export function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  for (const [pattern, factor] of SCALES) if (pattern.test(word)) return factor;
  return 1;
}

/** Currency signs and codes written before a number. */
const PREFIX_CURRENCIES: [RegExp, string][] = [
  [/^(?:US\s?\$|U\.S\.\s?\$|USD|\$)$/i, 'USD'],
  [/^(?:€|EUR)$/i, 'EUR'],
  [/^(?:£|GBP)$/i, 'GBP'],
  [/^(?:RMB|CNY|CN¥)$/i, 'CNY'],
  [/^(?:¥|JPY)$/i, 'JPY'],
  [/^(?:₸|KZT)$/i, 'KZT'],
  [/^(?:₽|RUB)$/i, 'RUB'],
  [/^(?:₹|INR|Rs\.?)$/i, 'INR'],
  [/^(?:EGP|LE|E£)$/i, 'EGP'],
  [/^(?:AED)$/i, 'AED'],
  [/^(?:SAR)$/i, 'SAR'],
  [/^(?:TRY|₺)$/i, 'TRY'],
  [/^(?:AZN|₼)$/i, 'AZN'],
  [/^(?:UZS)$/i, 'UZS'],
  [/^(?:KRW|₩)$/i, 'KRW'],
  [/^(?:CHF)$/i, 'CHF'],
];
const PREFIX_PATTERN = String.raw`US\s?\$|U\.S\.\s?\$|CN¥|E£|USD|EUR|GBP|RMB|CNY|JPY|KZT|RUB|INR|Rs\.?|EGP|AED|SAR|TRY|AZN|UZS|KRW|CHF|[$€£¥₸₽₹₺₼₩]`;

/** Currency names and codes written after a number. */
const SUFFIX_CURRENCIES: [RegExp, string][] = [
  [/^(?:US dollars?|U\.S\. dollars?|American dollars?|dollars?|USD)$/i, 'USD'],
  [/^(?:euros?|EUR)$/i, 'EUR'],
  [/^(?:(?:British )?pounds? sterling|British pounds?|GBP)$/i, 'GBP'],
  [/^(?:yuan|renminbi|RMB|CNY)$/i, 'CNY'],
  [/^(?:yen|JPY)$/i, 'JPY'],
  [/^(?:tenge|KZT)$/i, 'KZT'],
  [/^(?:roubles?|rubles?|RUB)$/i, 'RUB'],
  [/^(?:rupees?|INR)$/i, 'INR'],
  [/^(?:Egyptian pounds?|EGP)$/i, 'EGP'],
  [/^(?:dirhams?|AED)$/i, 'AED'],
  [/^(?:riyals?|SAR)$/i, 'SAR'],
  [/^(?:(?:Turkish )?liras?|TRY)$/i, 'TRY'],
  [/^(?:manats?|AZN)$/i, 'AZN'],
  [/^(?:soums?|sums?|UZS)$/i, 'UZS'],
  [/^(?:won|KRW)$/i, 'KRW'],
  [/^(?:Swiss francs?|CHF)$/i, 'CHF'],
];
const SUFFIX_PATTERN = String.raw`US dollars?|U\.S\. dollars?|American dollars?|dollars?|USD|euros?|EUR|British pounds?|pounds? sterling|GBP|yuan|renminbi|RMB|CNY|yen|JPY|tenge|KZT|roubles?|rubles?|RUB|rupees?|INR|Egyptian pounds?|EGP|dirhams?|AED|riyals?|SAR|Turkish liras?|liras?|TRY|manats?|AZN|soums?|UZS|won|KRW|Swiss francs?|CHF`;

function currencyOf(table: [RegExp, string][], text: string): string | undefined {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  return table.find(([pattern]) => pattern.test(cleaned))?.[1];
}

const QUALIFIERS: [RegExp, ValueQualifier][] = [
  [
    /^(?:over|more than|above|in excess of|exceeding|at least|no less than|not less than|upwards of)$/i,
    ValueQualifier.AT_LEAST,
  ],
  [
    /^(?:almost|nearly|up to|under|less than|below|at most|no more than|not more than|just under)$/i,
    ValueQualifier.AT_MOST,
  ],
  [
    /^(?:some|about|around|approximately|roughly|an estimated|estimated|close to|circa|approx\.?|nearly about)$/i,
    ValueQualifier.APPROXIMATE,
  ],
];
export const QUALIFIER_PATTERN =
  'over|more than|above|in excess of|exceeding|at least|no less than|not less than|upwards of|almost|nearly|up to|under|less than|below|at most|no more than|not more than|just under|some|about|around|approximately|roughly|an estimated|estimated|close to|circa|approx\\.?';

export function qualifierOf(word: string | undefined): ValueQualifier {
  if (!word) return ValueQualifier.EXACT;
  const cleaned = word.replace(/\s+/g, ' ').trim();
  return QUALIFIERS.find(([pattern]) => pattern.test(cleaned))?.[1] ?? ValueQualifier.EXACT;
}

export interface Money {
  readonly start: number;
  readonly end: number;
  /** The words of the text, qualifier included. */
  readonly text: string;
  readonly amount: number;
  readonly currency: string;
  readonly qualifier: ValueQualifier;
  /** Where the number itself starts (after any qualifier). */
  readonly numberStart: number;
}

const NUMBER = `(?:${NUMBER_DIGITS}|${NUMBER_WORDS})`;
const QUALIFIER_GROUP = `(?:(${QUALIFIER_PATTERN})\\s+)?`;
// "$565m", "US $3.5 billion", "$ 1.25 billion", "RMB 3 bn", "€50m"
const PREFIXED = new RegExp(
  `\\b${QUALIFIER_GROUP}(${PREFIX_PATTERN})\\s?(${NUMBER_DIGITS})(?:\\s?(${SCALE_PATTERN})\\b)?`,
  'giu',
);
// "629.1 million US dollars", "100 billion US dollars", "five billion tenge", "3 bn yuan"
const SUFFIXED = new RegExp(
  `\\b${QUALIFIER_GROUP}(${NUMBER})(?:[\\s-]?(${SCALE_PATTERN}))?\\s+(${SUFFIX_PATTERN})\\b`,
  'giu',
);

function rounded(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Every amount of money in a text, with offsets relative to `offset`. */
export function findMoney(text: string, offset = 0): Money[] {
  const found: Money[] = [];
  const push = (
    match: RegExpExecArray,
    qualifier: string | undefined,
    currency: string | undefined,
    number: string,
    scale: string | undefined,
  ): void => {
    const value = parseNumber(number);
    if (value === undefined || currency === undefined) return;
    const qualifierStart = qualifier ? match.index + match[0].indexOf(qualifier) : match.index;
    const start = match.index + (/^\s/.test(match[0]) ? 1 : 0);
    found.push({
      start: offset + Math.min(start, qualifierStart),
      end: offset + match.index + match[0].length,
      text: match[0].trim(),
      amount: rounded(value * scaleOf(scale)),
      currency,
      qualifier: qualifierOf(qualifier),
      numberStart: offset + match.index + (qualifier ? match[0].indexOf(qualifier) + qualifier.length : 0),
    });
  };
  // The \b before a sign such as $ needs a word character before it; look at every start instead.
  const prefixed = new RegExp(PREFIXED.source.replace(/^\\b/, '(?<![\\p{L}\\p{N}])'), 'giu');
  for (const match of text.matchAll(prefixed)) {
    const [, qualifier, sign = '', number = '', scale] = match;
    push(match, qualifier, currencyOf(PREFIX_CURRENCIES, sign), number, scale);
  }
  for (const match of text.matchAll(SUFFIXED)) {
    const [, qualifier, number = '', scale, name = ''] = match;
    const start = match.index;
    if (found.some((money) => money.start - offset <= start && start < money.end - offset)) continue;
    push(match, qualifier, currencyOf(SUFFIX_CURRENCIES, name), number, scale);
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface Quantity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: ValueQualifier;
}

const MEASURES: [string, string][] = [
  ['square kilometres|square kilometers|square kilometre|square kilometer|sq\\.?\\s?km|km2|km²', 'km2'],
  ['square metres|square meters|square metre|square meter|sq\\.?\\s?m\\.?|m2|m²', 'm2'],
  ['kilometres|kilometers|kilometre|kilometer|km', 'km'],
  ['hectares|hectare|ha', 'ha'],
  ['million tonnes|million tons|mln tonnes|mln tons', 'Mt'],
  ['tonnes|tons|tonne|ton', 't'],
  ['megawatts|megawatt|MW', 'MW'],
  ['gigawatts|gigawatt|GW', 'GW'],
  ['cubic metres|cubic meters|cubic metre|cubic meter|m3|m³', 'm3'],
  ['barrels|barrel', 'bbl'],
];

/** Lengths, areas, masses and powers: "almost 1,800km-long", "260 sq.m.", "11442 square meters". */
export function findMeasures(text: string, offset = 0): Quantity[] {
  const found: Quantity[] = [];
  for (const [words, unit] of MEASURES) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}.,])${QUALIFIER_GROUP}(${NUMBER})(?:\\s?(million|thousand|mln))?[\\s-]?(?:${words})(?![\\p{L}])`,
      'giu',
    );
    for (const match of text.matchAll(pattern)) {
      const [whole, qualifier, number = '', scale] = match;
      const value = parseNumber(number);
      if (value === undefined) continue;
      const start = offset + match.index;
      if (found.some((quantity) => quantity.start <= start && start < quantity.end)) continue;
      found.push({
        start,
        end: start + whole.replace(/[\s.]+$/, '').length,
        text: whole.replace(/[\s.]+$/, ''),
        value: rounded(value * scaleOf(scale)),
        unit,
        qualifier: qualifierOf(qualifier),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface Percent {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
}

/** "33.5%", "+33.5%", "by 12 percent", "down 4 per cent" (negative when the text says so). */
export function findPercents(text: string, offset = 0): Percent[] {
  const pattern = /(?<![\d.,])([+\-−])?(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/giu;
  return [...text.matchAll(pattern)].map((match) => {
    const [whole, sign, number = '0'] = match;
    const before = text.slice(Math.max(0, match.index - 30), match.index).toLowerCase();
    const falling =
      sign === '-' ||
      sign === '−' ||
      /\b(?:decreas|declin|fell|fall|drop|down|shrank|contract|lower)\w*\s+(?:by\s+)?$/.test(before);
    return {
      start: offset + match.index,
      end: offset + match.index + whole.length,
      text: whole,
      value: falling ? -Number(number) : Number(number),
    };
  });
}

export interface Factor {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
}

const FACTOR_WORDS: Record<string, number> = { doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, halved: 0.5 };

/** "tripled", "doubled", "a three-fold increase", "grew 2.5 times". */
export function findFactors(text: string, offset = 0): Factor[] {
  const found: Factor[] = [];
  for (const match of text.matchAll(/\b(doubled|tripled|trebled|quadrupled|halved)\b/giu)) {
    found.push({
      start: offset + match.index,
      end: offset + match.index + match[0].length,
      text: match[0],
      value: FACTOR_WORDS[match[0].toLowerCase()] ?? 1,
    });
  }
  const fold = new RegExp(`\\b(${NUMBER_DIGITS}|${NUMBER_WORDS})[-\\s](?:fold|times)\\b`, 'giu');
  for (const match of text.matchAll(fold)) {
    const value = parseNumber(match[1] ?? '');
    if (value === undefined || value < 1.1) continue;
    found.push({ start: offset + match.index, end: offset + match.index + match[0].length, text: match[0], value });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** How a number may be written: digits with and without separators, scaled forms, words. */
function renderings(value: number): string[] {
  const out = new Set<string>();
  const add = (n: number): void => {
    if (!Number.isFinite(n) || n <= 0) return;
    const fixed = Number(n.toFixed(3));
    out.add(String(fixed));
    out.add(fixed.toLocaleString('en-US', { maximumFractionDigits: 3 }));
  };
  const absolute = Math.abs(value);
  add(absolute);
  for (const scale of [1e3, 1e6, 1e9, 1e12]) if (absolute >= scale) add(absolute / scale);
  for (const [word, n] of [...Object.entries(UNITS), ...Object.entries(TENS), ...Object.entries(ORDINALS)]) {
    if (n === absolute || n * 1e6 === absolute || n * 1e9 === absolute) out.add(word);
  }
  for (const [word, n] of Object.entries(FACTOR_WORDS)) if (n === absolute) out.add(word);
  if (absolute === 12) out.add('dozen');
  if (absolute === 1) ['a', 'an', 'another', 'one', 'single'].forEach((word) => out.add(word));
  return [...out];
}

/** Whether a number appears in a text as digits or words (the draft's rule: nothing invented). */
export function numberAppears(value: number, text: string): boolean {
  const lower = text.toLowerCase();
  for (const form of renderings(value)) {
    const escaped = form.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}\\p{N}]|\\d[.,])${escaped}(?!\\d|[.,]\\d)`, 'u').test(lower)) return true;
    if (/^[a-z]+$/.test(form) && new RegExp(`\\b${escaped}`, 'u').test(lower)) return true;
  }
  // "twenty-five", "one hundred": any number-word phrase of the text with that value.
  for (const match of lower.matchAll(new RegExp(NUMBER_WORDS, 'giu'))) {
    if (parseNumber(match[0]) === Math.abs(value)) return true;
  }
  return false;
}
