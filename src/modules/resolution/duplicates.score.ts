/**
 * Whether two entities of one type are probably one: a score in [0, 1] made of reasons a reader
 * can check. The score is the similarity of the names (the best of several measures, each named)
 * plus the weight of every other reason: shared names, shared neighbours and equal ISO codes
 * raise it, facts that cannot both hold (two ISO codes, two kinds, two terms in one post) lower
 * it. Pure: no database, no GraphQL; `duplicates.service.ts` feeds it.
 */
import comparison from 'string-comparison';

import { matchKey } from '../entity/entity.model';

/** How two names were compared, from the strongest sign of one entity to the weakest. */
export enum NameMeasure {
  /** The same once case, accents and punctuation are folded. */
  SAME_NAME = 'SAME_NAME',
  /** The same words in another order ("Zhumangarin Serik"). */
  WORD_ORDER = 'WORD_ORDER',
  /** The same once legal forms and generic words are dropped ("BaoSteel Group" / "Baosteel"). */
  WITHOUT_LEGAL_FORM = 'WITHOUT_LEGAL_FORM',
  /** Initials where the other has whole words ("S. Zhumangarin" / "Serik Zhumangarin"). */
  INITIALS = 'INITIALS',
  /** One is the initials of the other's words ("UAE" / "United Arab Emirates"). */
  ACRONYM = 'ACRONYM',
  /** Jaro-Winkler similarity (string-comparison) of names whose words pair up, some misspelt. */
  JARO_WINKLER = 'JARO_WINKLER',
  /** The share of words that pair up (equal, or alike by Jaro-Winkler) among the longer name's. */
  TOKEN_OVERLAP = 'TOKEN_OVERLAP',
}

export const ISO_FIELDS = ['iso2', 'iso3', 'isoNumeric', 'isoSubdivision'] as const;
export type IsoField = (typeof ISO_FIELDS)[number];

/** A post an official holds: where, which title (folded), and when. */
export interface Position {
  readonly organizationId: string;
  readonly title: string;
  /** First day of the period, ISO date, or null when not stated. */
  readonly since: string | null;
  /** Last day of the period (the end of its month or year when that is its precision), or null. */
  readonly until: string | null;
}

/** What the score reads of an entity. */
export interface Profile {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: string | null;
  readonly codes: Readonly<Partial<Record<IsoField, string>>>;
  /** A forum's year (its date's), or null. */
  readonly year: string | null;
}

/** What the graph says around an entity, read only for entities whose names already look alike. */
export interface Surroundings {
  /** Regions, organizations and forums it is tied to, by id, with their type. */
  readonly neighbours: ReadonlyMap<string, string>;
  readonly positions: readonly Position[];
}

export type Reason =
  | {
      readonly kind: 'NameSimilarity';
      readonly measure: NameMeasure;
      readonly similarity: number;
      readonly leftName: string;
      readonly rightName: string;
      readonly weight: number;
    }
  | { readonly kind: 'SharedName'; readonly names: readonly string[]; readonly weight: number }
  | {
      readonly kind: 'SharedNeighbour';
      readonly neighbourId: string;
      readonly neighbourType: string;
      readonly weight: number;
    }
  | { readonly kind: 'SameCode'; readonly field: IsoField; readonly value: string; readonly weight: number }
  | {
      readonly kind: 'DifferentCode';
      readonly field: IsoField;
      readonly left: string;
      readonly right: string;
      readonly weight: number;
    }
  | { readonly kind: 'DifferentKind'; readonly left: string; readonly right: string; readonly weight: number }
  | { readonly kind: 'DifferentYear'; readonly left: string; readonly right: string; readonly weight: number }
  | { readonly kind: 'DifferentNumber'; readonly left: string; readonly right: string; readonly weight: number }
  | {
      readonly kind: 'DifferentTerms';
      readonly organizationId: string;
      readonly title: string;
      readonly left: string;
      readonly right: string;
      readonly weight: number;
    };

/** The similarity each measure gives where it is not a computed number. */
const MEASURE_SIMILARITY: Partial<Record<NameMeasure, number>> = {
  [NameMeasure.SAME_NAME]: 1,
  [NameMeasure.WORD_ORDER]: 0.95,
  [NameMeasure.WITHOUT_LEGAL_FORM]: 0.93,
  [NameMeasure.INITIALS]: 0.9,
  [NameMeasure.ACRONYM]: 0.88,
};

/**
 * Weights of the other reasons. A shared neighbour is weak alone (two ministers of one country
 * share it) and their sum is capped, so neighbours tip names that are already alike but never
 * make unlike names one; an ISO code is an identity, so two different ones weigh most.
 */
export const WEIGHTS = {
  sharedName: 0.1,
  neighbour: { Organization: 0.05, Forum: 0.03, Region: 0.03 } as Readonly<Record<string, number>>,
  neighboursAtMost: 0.12,
  sameCode: 0.8,
  differentCode: -0.7,
  differentKind: -0.15,
  differentYear: -0.5,
  differentNumber: -0.5,
  differentTerms: -0.3,
} as const;

/** Names less alike than this are no candidates whatever else they share, unless an ISO code is one. */
export const NAME_FLOOR = 0.6;

/** Words that say what an organization or region is, not which: dropped for WITHOUT_LEGAL_FORM. */
const GENERIC_WORDS = new Set([
  // legal forms
  'group',
  'llc',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'jsc',
  'ojsc',
  'pjsc',
  'cjsc',
  'llp',
  'lp',
  'gmbh',
  'ag',
  'sa',
  'spa',
  'bv',
  'nv',
  'holding',
  'holdings',
  'too',
  'ao',
  'oao',
  'zao',
  'pao',
  // connecting words
  'the',
  'of',
  'and',
  '&',
]);

/**
 * Folded names, remembered: a search compares each name with up to a hundred others, and folding
 * (Unicode decomposition, two regular expressions) was most of the time of a comparison. Bounded,
 * so a server that searches often keeps at most this many.
 */
const FOLDED_AT_MOST = 400_000;
interface Folded {
  readonly key: string;
  readonly words: string[];
  readonly sorted: string;
  readonly core: string[];
  readonly coreKey: string;
  readonly coreSorted: string;
}
const folded = new Map<string, Folded>();

function fold(name: string): Folded {
  let entry = folded.get(name);
  if (!entry) {
    if (folded.size >= FOLDED_AT_MOST) folded.clear();
    const key = matchKey(name);
    const words = key.split(' ').filter((word) => word !== '');
    const core = coreWords(words);
    entry = {
      key: words.join(' '),
      words,
      sorted: [...words].sort().join(' '),
      core,
      coreKey: core.join(' '),
      coreSorted: [...core].sort().join(' '),
    };
    folded.set(name, entry);
  }
  return entry;
}

/** Words of the name, folded. */
export function wordsOf(name: string): string[] {
  return fold(name).words;
}

function coreWords(words: readonly string[]): string[] {
  const core = words.filter((word) => !GENERIC_WORDS.has(word));
  return core.length > 0 ? core : [...words];
}

const jaroWinkler = (a: string, b: string): number => comparison.jaroWinkler.similarity(a, b);

/** Two words that may be one misspelt: long enough to tell, no digits (numbers are exact). */
function misspelt(a: string, b: string): number {
  if (a.length < 5 || b.length < 5 || /\d/.test(a) || /\d/.test(b)) return 0;
  const similarity = jaroWinkler(a, b);
  return similarity >= 0.9 ? similarity : 0;
}

type WordMatch = 'equal' | 'initial' | 'misspelt' | 'none';

function matchWords(a: string, b: string): WordMatch {
  if (a === b) return 'equal';
  if ((a.length === 1 && b.startsWith(a) && b.length > 1) || (b.length === 1 && a.startsWith(b) && a.length > 1)) {
    return 'initial';
  }
  return misspelt(a, b) > 0 ? 'misspelt' : 'none';
}

/** The words of `b` with its last word first: "Zhumangarin S." against "Serik Zhumangarin". */
function lastFirst(words: readonly string[]): string[] {
  return words.length < 2 ? [...words] : [words[words.length - 1] as string, ...words.slice(0, -1)];
}

/** Whether two names of as many words pair up word for word, and how. */
function alignment(a: readonly string[], b: readonly string[]): WordMatch[] | undefined {
  if (a.length !== b.length) return undefined;
  const matches = a.map((word, index) => matchWords(word, b[index] ?? ''));
  return matches.includes('none') ? undefined : matches;
}

function acronymOf(words: readonly string[]): string {
  return words
    .filter((word) => !GENERIC_WORDS.has(word))
    .map((word) => word[0] ?? '')
    .join('');
}

function isAcronymOf(single: readonly string[], words: readonly string[]): boolean {
  const [only] = single;
  return (
    single.length === 1 &&
    only !== undefined &&
    only.length >= 2 &&
    only.length <= 8 &&
    !/\d/.test(only) &&
    words.length >= 2 &&
    acronymOf(words) === only
  );
}

/** The share of the longer name's words that pair with a word of the other, in any order. */
function tokenOverlap(a: readonly string[], b: readonly string[]): number {
  const left = [...a];
  const right = [...b];
  let matched = 0;
  for (const word of left) {
    const index = right.findIndex((other) => {
      const match = matchWords(word, other);
      return match === 'equal' || match === 'misspelt';
    });
    if (index >= 0) {
      matched += 1;
      right.splice(index, 1);
    }
  }
  return matched / Math.max(a.length, b.length, 1);
}

export interface NameComparison {
  readonly measure: NameMeasure;
  readonly similarity: number;
}

/** How alike two names are, by the strongest measure that holds. */
export function compareNames(left: string, right: string): NameComparison {
  const l = fold(left);
  const r = fold(right);
  const a = l.words;
  const b = r.words;
  if (a.length === 0 || b.length === 0) return { measure: NameMeasure.TOKEN_OVERLAP, similarity: 0 };
  const fixed = (measure: NameMeasure): NameComparison => ({ measure, similarity: MEASURE_SIMILARITY[measure] ?? 0 });
  if (l.key === r.key) return fixed(NameMeasure.SAME_NAME);
  if (l.sorted === r.sorted) return fixed(NameMeasure.WORD_ORDER);
  const coreA = l.core;
  const coreB = r.core;
  if (l.coreKey === r.coreKey || l.coreSorted === r.coreSorted) return fixed(NameMeasure.WITHOUT_LEGAL_FORM);
  if (isAcronymOf(a, b) || isAcronymOf(b, a) || isAcronymOf(coreA, b) || isAcronymOf(coreB, a)) {
    return fixed(NameMeasure.ACRONYM);
  }
  const aligned = alignment(coreA, coreB) ?? alignment(coreA, lastFirst(coreB)) ?? alignment(lastFirst(coreA), coreB);
  if (aligned) {
    const initials = aligned.includes('initial');
    // An initial stands for a word only beside a whole word that is the same: "S. Z." is no one.
    const whole = aligned.some((match, index) => match === 'equal' && (coreA[index]?.length ?? 0) > 1);
    if (initials && whole && !aligned.includes('misspelt')) return fixed(NameMeasure.INITIALS);
    if (!initials) {
      return { measure: NameMeasure.JARO_WINKLER, similarity: round(jaroWinkler(l.coreKey, r.coreKey)) };
    }
  }
  return { measure: NameMeasure.TOKEN_OVERLAP, similarity: round(tokenOverlap(coreA, coreB)) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function namesOf(profile: Profile): string[] {
  return [profile.name, ...profile.aliases];
}

/** The most alike pair of names, one of each entity (names and aliases). */
function bestNames(left: Profile, right: Profile): Reason & { kind: 'NameSimilarity' } {
  let best: (Reason & { kind: 'NameSimilarity' }) | undefined;
  for (const leftName of namesOf(left)) {
    for (const rightName of namesOf(right)) {
      const { measure, similarity } = compareNames(leftName, rightName);
      if (!best || similarity > best.similarity) {
        best = { kind: 'NameSimilarity', measure, similarity, leftName, rightName, weight: similarity };
      }
      if (similarity === 1) return best;
    }
  }
  return (
    best ?? {
      kind: 'NameSimilarity',
      measure: NameMeasure.TOKEN_OVERLAP,
      similarity: 0,
      leftName: left.name,
      rightName: right.name,
      weight: 0,
    }
  );
}

/** Whether two terms of office cannot both be one person's: each ends before the other begins. */
function disjoint(a: Position, b: Position): boolean {
  return (
    (a.until !== null && b.since !== null && a.until < b.since) ||
    (b.until !== null && a.since !== null && b.until < a.since)
  );
}

function period(position: Position): string {
  return `${position.since ?? '?'} – ${position.until ?? '?'}`;
}

/** The reasons the names give; enough to decide whether the surroundings are worth reading. */
export function nameReasons(left: Profile, right: Profile): Reason[] {
  const reasons: Reason[] = [bestNames(left, right)];
  const leftKeys = new Set(namesOf(left).map((name) => fold(name).key));
  const primaries = fold(left.name).key === fold(right.name).key;
  const shared = new Map<string, string>();
  for (const name of namesOf(right)) {
    const key = fold(name).key;
    // Equal primary names are the name reason; a shared name is one more that they share.
    if (key !== '' && leftKeys.has(key) && !(primaries && key === fold(left.name).key)) shared.set(key, name);
  }
  const numbers = (name: string) =>
    wordsOf(name)
      .filter((word) => /\d/.test(word))
      .sort()
      .join(' ');
  const leftNumbers = numbers(left.name);
  const rightNumbers = numbers(right.name);
  if (leftNumbers !== '' && rightNumbers !== '' && leftNumbers !== rightNumbers && shared.size === 0) {
    reasons.push({ kind: 'DifferentNumber', left: leftNumbers, right: rightNumbers, weight: WEIGHTS.differentNumber });
  }
  if (shared.size > 0) reasons.push({ kind: 'SharedName', names: [...shared.values()], weight: WEIGHTS.sharedName });
  for (const field of ISO_FIELDS) {
    const a = left.codes[field];
    const b = right.codes[field];
    if (!a || !b) continue;
    if (a.toUpperCase() === b.toUpperCase())
      reasons.push({ kind: 'SameCode', field, value: a, weight: WEIGHTS.sameCode });
    else reasons.push({ kind: 'DifferentCode', field, left: a, right: b, weight: WEIGHTS.differentCode });
  }
  if (left.kind && right.kind && left.kind !== right.kind) {
    reasons.push({ kind: 'DifferentKind', left: left.kind, right: right.kind, weight: WEIGHTS.differentKind });
  }
  if (left.year && right.year && left.year !== right.year) {
    reasons.push({ kind: 'DifferentYear', left: left.year, right: right.year, weight: WEIGHTS.differentYear });
  }
  return dedupeCodes(reasons);
}

/** Equal codes count once (iso2, iso3 and the number say one thing); so do different ones. */
function dedupeCodes(reasons: Reason[]): Reason[] {
  let sameSeen = false;
  let differentSeen = false;
  return reasons.map((reason) => {
    if (reason.kind === 'SameCode') {
      const weight = sameSeen ? 0 : reason.weight;
      sameSeen = true;
      return { ...reason, weight };
    }
    if (reason.kind === 'DifferentCode') {
      const weight = differentSeen ? 0 : reason.weight;
      differentSeen = true;
      return { ...reason, weight };
    }
    return reason;
  });
}

/** The reasons the surroundings give: shared neighbours, and terms in one post that cannot both be. */
export function surroundingReasons(left: Surroundings, right: Surroundings): Reason[] {
  const reasons: Reason[] = [];
  let budget: number = WEIGHTS.neighboursAtMost;
  const shared = [...left.neighbours].filter(([id]) => right.neighbours.has(id)).sort(([a], [b]) => a.localeCompare(b));
  for (const [neighbourId, neighbourType] of shared) {
    const weight = Math.min(budget, WEIGHTS.neighbour[neighbourType] ?? 0);
    budget -= weight;
    reasons.push({ kind: 'SharedNeighbour', neighbourId, neighbourType, weight: round(weight) });
  }
  for (const a of left.positions) {
    const clash = right.positions.find(
      (b) => b.organizationId === a.organizationId && b.title === a.title && disjoint(a, b),
    );
    if (clash) {
      reasons.push({
        kind: 'DifferentTerms',
        organizationId: a.organizationId,
        title: a.title,
        left: period(a),
        right: period(clash),
        weight: WEIGHTS.differentTerms,
      });
      break;
    }
  }
  return reasons;
}

/** The score of reasons: the names' similarity plus every other weight, kept within [0, 1]. */
export function scoreOf(reasons: readonly Reason[]): number {
  const total = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return round(Math.min(1, Math.max(0, total)));
}

/** Whether the names alone make a pair worth a look: alike enough, or one ISO code. */
export function worthALook(reasons: readonly Reason[]): boolean {
  const name = reasons.find((reason) => reason.kind === 'NameSimilarity');
  return (name?.similarity ?? 0) >= NAME_FLOOR || reasons.some((reason) => reason.kind === 'SameCode');
}

/** The most the surroundings can add: a pair below `minScore` by more cannot reach it. */
export const MOST_FROM_SURROUNDINGS = WEIGHTS.neighboursAtMost;

/**
 * Blocking keys: a pair is compared only when the two share one. Each key stands for a way two
 * spellings of one name stay alike: the same words in any order once legal forms go (word order,
 * "Group"), an initial and the other whole word of the first and last words (initials, either order),
 * the first or the last three letters of each word of four letters or more (one misspelt letter
 * leaves one of the two whole in a word of six or more), an acronym, an ISO code.
 */
export function blockingKeys(profile: Profile): string[] {
  const keys = new Set<string>();
  for (const name of namesOf(profile)) {
    const words = wordsOf(name);
    if (words.length === 0) continue;
    const core = coreWords(words);
    keys.add(`w:${[...core].sort().join(' ')}`);
    const first = core[0] ?? '';
    const last = core[core.length - 1] ?? '';
    if (core.length >= 2) {
      if (last.length > 1) keys.add(`i:${first[0] ?? ''}|${last}`);
      if (first.length > 1) keys.add(`i:${last[0] ?? ''}|${first}`);
      // Two-letter initials of two words say little (every "S. Z."); acronyms of three words or more do.
      const acronym = acronymOf(words);
      if (acronym.length >= 3) keys.add(`a:${acronym}`);
    } else if (first.length >= 2 && first.length <= 8) {
      keys.add(`a:${first}`);
    }
    const long = core.filter((word) => word.length >= 4);
    if (long.length > 0) {
      keys.add(
        `p:${long
          .map((word) => word.slice(0, 3))
          .sort()
          .join(' ')}`,
      );
      keys.add(
        `s:${long
          .map((word) => word.slice(-3))
          .sort()
          .join(' ')}`,
      );
    }
  }
  for (const field of ISO_FIELDS) {
    const code = profile.codes[field];
    if (code) keys.add(`c:${field}:${code.toUpperCase()}`);
  }
  return [...keys];
}

const MEASURE_WORDS: Record<NameMeasure, string> = {
  [NameMeasure.SAME_NAME]: 'same name',
  [NameMeasure.WORD_ORDER]: 'same words in another order',
  [NameMeasure.WITHOUT_LEGAL_FORM]: 'same name without its legal form',
  [NameMeasure.INITIALS]: 'initials',
  [NameMeasure.ACRONYM]: 'acronym',
  [NameMeasure.JARO_WINKLER]: 'Jaro-Winkler',
  [NameMeasure.TOKEN_OVERLAP]: 'words in common',
};

function signed(weight: number): string {
  return `${weight >= 0 ? '+' : '−'}${Math.abs(weight).toFixed(2)}`;
}

/** A reason in a line of words, as the CLI prints it. */
export function describeReason(reason: Reason): string {
  switch (reason.kind) {
    case 'NameSimilarity':
      return `${MEASURE_WORDS[reason.measure]} ${reason.similarity} ("${reason.leftName}" / "${reason.rightName}")`;
    case 'SharedName':
      return `shared name ${reason.names.map((name) => `"${name}"`).join(', ')} ${signed(reason.weight)}`;
    case 'SharedNeighbour':
      return `shared ${reason.neighbourType} ${reason.neighbourId} ${signed(reason.weight)}`;
    case 'SameCode':
      return `same ${reason.field} ${reason.value} ${signed(reason.weight)}`;
    case 'DifferentCode':
      return `${reason.field} ${reason.left} vs ${reason.right} ${signed(reason.weight)}`;
    case 'DifferentKind':
      return `kind ${reason.left} vs ${reason.right} ${signed(reason.weight)}`;
    case 'DifferentYear':
      return `year ${reason.left} vs ${reason.right} ${signed(reason.weight)}`;
    case 'DifferentNumber':
      return `numbered ${reason.left} vs ${reason.right} ${signed(reason.weight)}`;
    case 'DifferentTerms':
      return `${reason.title} at ${reason.organizationId}: ${reason.left} vs ${reason.right} ${signed(reason.weight)}`;
  }
}
