/**
 * Countries and subdivisions by the names texts and datasets write them ("Britain", "UAE",
 * "Russian Federation", "Ivory Coast", "Laos", "the US", "Großbritannien", "Royaume-Uni"): the
 * names of i18n-iso-countries in several languages, with its aliases, the subdivision names of
 * iso-3166-2, and a short table of the project's own for what those packages lack. Ingest resolves
 * a Region to the stored region with the ISO code a name stands for; the importer's `countryName`
 * code lists turn a cell into that country; the extractor's gazetteer takes the same table.
 * Offline and pure: the indexes are built once per process.
 */
import countries from 'i18n-iso-countries';
import arabic from 'i18n-iso-countries/langs/ar.json';
import chinese from 'i18n-iso-countries/langs/zh.json';
import english from 'i18n-iso-countries/langs/en.json';
import french from 'i18n-iso-countries/langs/fr.json';
import german from 'i18n-iso-countries/langs/de.json';
import kazakh from 'i18n-iso-countries/langs/kk.json';
import russian from 'i18n-iso-countries/langs/ru.json';
import spanish from 'i18n-iso-countries/langs/es.json';

import { matchKey } from '../entity/entity.model';

/** The languages whose country names resolve; English first (it names the countries it creates). */
export const COUNTRY_NAME_LANGUAGES = ['en', 'fr', 'de', 'es', 'ru', 'zh', 'ar', 'kk'] as const;
for (const locale of [english, french, german, spanish, russian, chinese, arabic, kazakh]) {
  countries.registerLocale(locale);
}

/**
 * Names news texts and datasets use that i18n-iso-countries lists only in a longer form, or not
 * at all. Keys are ISO 3166-1 alpha-2 codes.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  LA: ['Laos'],
  SY: ['Syria'],
  MD: ['Moldova'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  MK: ['North Macedonia', 'Macedonia'],
  BN: ['Brunei'],
  FM: ['Micronesia'],
  VA: ['Vatican'],
  CV: ['Cape Verde', 'Cabo Verde'],
  SZ: ['Eswatini', 'Swaziland'],
  MM: ['Myanmar', 'Burma'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', 'Congo-Kinshasa'],
  CG: ['Republic of the Congo', 'Congo-Brazzaville'],
  KG: ['Kyrgyz Republic'],
  TR: ['Turkiye', 'Türkiye'],
  KR: ['South Korea', 'Korea'],
  KP: ['North Korea'],
  IR: ['Iran'],
  RU: ['Russia'],
  TZ: ['Tanzania'],
  VN: ['Viet Nam'],
  PS: ['Palestine'],
  CZ: ['Czechia'],
  GB: ['Britain', 'Great Britain', 'UK', 'U.K.', 'United Kingdom'],
  US: ['United States', 'USA', 'America', 'US', 'U.S.'],
  AE: ['UAE', 'Emirates', 'U.A.E.'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  TL: ['East Timor', 'Timor-Leste'],
  CN: ['PRC', "People's Republic of China", 'Mainland China'],
};

/**
 * Subdivisions by names iso-3166-2 does not give (it has China's codes before 2017, CN-65 where
 * ISO now writes CN-XJ, and names in transliterations such as "Karagandinskaja oblast'"). Keys are
 * ISO 3166-2 codes as ISO writes them now.
 */
export const SUBDIVISION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'CN-XJ': ['Xinjiang', 'XUAR', 'Xinjiang Uygur Autonomous Region', 'Xinjiang Uyghur Autonomous Region'],
  'CN-XZ': ['Tibet', 'Tibet Autonomous Region', 'Xizang'],
  'CN-NM': ['Inner Mongolia', 'Inner Mongolia Autonomous Region', 'Nei Mongol'],
  'CN-GX': ['Guangxi', 'Guangxi Zhuang Autonomous Region'],
  'CN-NX': ['Ningxia', 'Ningxia Hui Autonomous Region'],
  'KZ-AST': ['Astana', 'Nur-Sultan'],
  'KZ-KAR': ['Karaganda Region', 'Karaganda'],
};

/** Codes iso-3166-2 writes otherwise than ISO 3166-2 does now. */
const SUBDIVISION_CODE_UPDATES: Readonly<Record<string, string>> = {
  'CN-65': 'CN-XJ',
  'CN-54': 'CN-XZ',
  'CN-15': 'CN-NM',
  'CN-45': 'CN-GX',
  'CN-64': 'CN-NX',
};

/** How names are compared: folded, and without a leading "the" ("the US", "The Gambia"). */
export function countryKey(name: string): string {
  return matchKey(name).replace(/^the /, '');
}

/** One name's codes: one code, or several where the name is ambiguous ("Congo"). */
type NameIndex = Map<string, Set<string>>;

function add(index: NameIndex, name: string, code: string): void {
  const key = countryKey(name);
  if (key === '') return;
  const codes = index.get(key) ?? new Set<string>();
  codes.add(code);
  index.set(key, codes);
}

/** "Korea, Republic of" is also written "Republic of Korea". */
function spellings(name: string): string[] {
  const comma = /^(.+), (.+)$/.exec(name);
  return comma ? [name, `${comma[2]} ${comma[1]}`] : [name];
}

let countryIndex: NameIndex | undefined;
let subdivisionIndex: NameIndex | undefined;

function countriesByName(): NameIndex {
  if (countryIndex) return countryIndex;
  const built: NameIndex = new Map();
  for (const language of COUNTRY_NAME_LANGUAGES) {
    for (const [alpha2, names] of Object.entries(countries.getNames(language, { select: 'all' }))) {
      for (const name of names) for (const spelling of spellings(name)) add(built, spelling, alpha2);
    }
  }
  // The project's table settles what it names: "Congo" stays ambiguous, "Korea" is South Korea.
  for (const [alpha2, names] of Object.entries(COUNTRY_ALIASES)) {
    for (const name of names) built.set(countryKey(name), new Set([alpha2]));
  }
  countryIndex = built;
  return built;
}

interface IsoSubdivisions {
  data: Record<string, { name: string; sub: Record<string, { type: string; name: string }> }>;
}

function subdivisionsByName(): NameIndex {
  if (subdivisionIndex) return subdivisionIndex;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships CommonJS without types
  const iso = require('iso-3166-2') as IsoSubdivisions;
  const built: NameIndex = new Map();
  for (const data of Object.values(iso.data)) {
    for (const [code, subdivision] of Object.entries(data.sub)) {
      add(built, subdivision.name, SUBDIVISION_CODE_UPDATES[code] ?? code);
    }
  }
  for (const [code, names] of Object.entries(SUBDIVISION_ALIASES)) {
    for (const name of names) built.set(countryKey(name), new Set([code]));
  }
  subdivisionIndex = built;
  return built;
}

export type NameLookup =
  { readonly found: true; readonly code: string } | { readonly found: false; readonly ambiguous: readonly string[] };

function lookup(index: NameIndex, name: string): NameLookup {
  const codes = [...(index.get(countryKey(name)) ?? [])].sort();
  const [only] = codes;
  return codes.length === 1 && only ? { found: true, code: only } : { found: false, ambiguous: codes };
}

/** The ISO 3166-1 alpha-2 code of a country name in any of the languages, or why there is none. */
export function countryCodeOf(name: string): NameLookup {
  const found = lookup(countriesByName(), name);
  // "Republic of Kazakhstan", "Kingdom of Morocco": a state's formal title around its short name.
  const short = countryKey(name).replace(/^(?:republic|kingdom|state|commonwealth|federation) of /, '');
  return found.found || short === countryKey(name) ? found : lookup(countriesByName(), short);
}

/** The ISO 3166-2 code of a subdivision name, where only one subdivision goes by it. */
export function subdivisionCodeOf(name: string): NameLookup {
  return lookup(subdivisionsByName(), name);
}
