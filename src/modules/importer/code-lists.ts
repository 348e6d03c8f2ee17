import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

import { RegionKind } from '../entity/entity.enums';
import { COUNTRY_NAME_LANGUAGES, countryCodeOf, countryKey, subdivisionCodeOf } from '../region/country-names';
import type { CodeListDef, Scalar } from './mapping.schema';

countries.registerLocale(english);

/** The fields of an entity a code list gives, as an entity input takes them. */
export type ListedEntity = Record<string, Scalar | string[]>;

export type CodeLookup =
  | { readonly found: true; readonly value: Scalar | ListedEntity }
  | { readonly found: false; readonly onUnknown: 'reject' | 'skip'; readonly message?: string };

/** Normalises a code as its list expects it: ISO numeric codes are three digits ("4" → "004"). */
function normalise(def: CodeListDef, code: string): string {
  if (!('iso3166' in def)) return code;
  if (def.iso3166 === 'name') return countryKey(code);
  if (def.iso3166 === 'numeric') return /^\d{1,3}$/.test(code) ? code.padStart(3, '0') : code;
  return code.toUpperCase();
}

/**
 * A country as the seed graph writes one: id `region:<alpha-2 in lower case>`, the ISO codes, and
 * the English name that i18n-iso-countries gives.
 */
export function isoCountry(alpha2: string): ListedEntity | undefined {
  const name = countries.getName(alpha2, 'en');
  const iso3 = countries.alpha2ToAlpha3(alpha2);
  const isoNumeric = countries.alpha2ToNumeric(alpha2);
  if (!name || !iso3 || !isoNumeric) return undefined;
  return {
    id: `region:${alpha2.toLowerCase()}`,
    name,
    kind: RegionKind.COUNTRY,
    iso2: alpha2,
    iso3,
    isoNumeric,
  };
}

/** A subdivision as a code list gives one: id `region:<ISO 3166-2 code in lower case>` (the seed's `region:cn-xj`). */
function isoSubdivision(code: string, name: string): ListedEntity {
  return { id: `region:${code.toLowerCase()}`, name, kind: RegionKind.SUBNATIONAL, isoSubdivision: code };
}

/** A country or subdivision name: the entity it stands for, or why it stands for none. */
function byName(name: string): { value: ListedEntity } | { message: string } {
  const country = countryCodeOf(name);
  const listed = country.found ? isoCountry(country.code) : undefined;
  if (listed) return { value: listed };
  if (!country.found && country.ambiguous.length > 0) {
    return { message: `"${name}" names more than one country (${country.ambiguous.join(', ')}): write which` };
  }
  const subdivision = subdivisionCodeOf(name);
  if (subdivision.found) return { value: isoSubdivision(subdivision.code, name) };
  if (!subdivision.found && subdivision.ambiguous.length > 0) {
    return {
      message: `"${name}" names more than one subdivision (${subdivision.ambiguous.slice(0, 5).join(', ')}): write which`,
    };
  }
  return { message: `"${name}" is not a country or subdivision name` };
}

function isoAlpha2(def: { iso3166: 'numeric' | 'alpha2' | 'alpha3' | 'name' }, code: string): string | undefined {
  switch (def.iso3166) {
    case 'numeric':
      return countries.numericToAlpha2(code);
    case 'alpha2':
      return countries.isValid(code) ? code : undefined;
    case 'alpha3':
      return countries.alpha3ToAlpha2(code);
    case 'name':
      return undefined;
  }
}

/** The code lists of a mapping: codes to values (`map`) or to whole entities (`lookup`). */
export class CodeLists {
  private readonly overrides = new Map<string, Map<string, ListedEntity>>();

  constructor(private readonly defs: Readonly<Record<string, CodeListDef>>) {
    for (const [name, def] of Object.entries(defs)) {
      if ('iso3166' in def) {
        this.overrides.set(
          name,
          new Map(Object.entries(def.overrides).map(([code, fields]) => [normalise(def, code), fields])),
        );
      }
    }
  }

  lookup(list: string, rawCode: string): CodeLookup {
    const def = this.defs[list];
    if (!def) throw new Error(`no code list "${list}"`);
    const code = normalise(def, rawCode);
    if ('values' in def) {
      const value = Object.prototype.hasOwnProperty.call(def.values, code) ? def.values[code] : undefined;
      return value === undefined ? { found: false, onUnknown: def.onUnknown } : { found: true, value };
    }
    const override = this.overrides.get(list)?.get(code);
    if (def.iso3166 === 'name') {
      const named = byName(rawCode);
      if ('value' in named) return { found: true, value: { ...named.value, ...override } };
      if (override) return { found: true, value: { kind: RegionKind.COUNTRY, ...override } };
      return { found: false, onUnknown: def.onUnknown, message: `${named.message} (${this.describe(list)})` };
    }
    const alpha2 = isoAlpha2(def, code);
    const base = alpha2 ? isoCountry(alpha2) : undefined;
    if (!base && !override) return { found: false, onUnknown: def.onUnknown };
    return { found: true, value: { ...(base ?? { kind: RegionKind.COUNTRY }), ...override } };
  }

  describe(list: string): string {
    const def = this.defs[list];
    if (def && 'iso3166' in def && def.iso3166 === 'name') {
      return `country names of i18n-iso-countries in ${COUNTRY_NAME_LANGUAGES.join(', ')}, subdivisions of iso-3166-2, the project's aliases or the overrides of "${list}"`;
    }
    if (def && 'iso3166' in def) return `ISO 3166-1 ${def.iso3166} (i18n-iso-countries) or the overrides of "${list}"`;
    return `code list "${list}"`;
  }
}
