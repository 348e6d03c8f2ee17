import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

import { RegionKind } from '../entity/entity.enums';
import type { CodeListDef, Scalar } from './mapping';

countries.registerLocale(english);

/** The fields of an entity a code list gives, as an entity input takes them. */
export type ListedEntity = Record<string, Scalar | string[]>;

export type CodeLookup =
  | { readonly found: true; readonly value: Scalar | ListedEntity }
  | { readonly found: false; readonly onUnknown: 'reject' | 'skip' };

/** Normalises a code as its list expects it: ISO numeric codes are three digits ("4" → "004"). */
function normalise(def: CodeListDef, code: string): string {
  if (!('iso3166' in def)) return code;
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

function isoAlpha2(def: { iso3166: 'numeric' | 'alpha2' | 'alpha3' }, code: string): string | undefined {
  switch (def.iso3166) {
    case 'numeric':
      return countries.numericToAlpha2(code);
    case 'alpha2':
      return countries.isValid(code) ? code : undefined;
    case 'alpha3':
      return countries.alpha3ToAlpha2(code);
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
    const alpha2 = isoAlpha2(def, code);
    const base = alpha2 ? isoCountry(alpha2) : undefined;
    const override = this.overrides.get(list)?.get(code);
    if (!base && !override) return { found: false, onUnknown: def.onUnknown };
    return { found: true, value: { ...(base ?? { kind: RegionKind.COUNTRY }), ...override } };
  }

  describe(list: string): string {
    const def = this.defs[list];
    if (def && 'iso3166' in def) return `ISO 3166-1 ${def.iso3166} (i18n-iso-countries) or the overrides of "${list}"`;
    return `code list "${list}"`;
  }
}
