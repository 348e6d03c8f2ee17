/**
 * Countries, sub-national regions and cities. Known names come from the gazetteer; regions the
 * gazetteer does not know are read from their form ("Almaty region", "Xinjiang Uygur Autonomous
 * Region", "Sichuan province"). A place inside another name ("Kuwait Development Fund", "Suez
 * Canal Economic Zone Authority") is not drafted as a place of its own.
 */
import { RegionKind } from '../entity/entity.enums';
import { covering, type DraftEntity, type Span } from './draft';
import { type GazetteerEntry, type GazetteerHit } from './gazetteer';
import { type Reading, type SentenceView } from './reading';
import { type Run } from './runs';
import { fold, type Token } from './text';

const DESIGNATORS = new Set([
  'region',
  'province',
  'oblast',
  'governorate',
  'prefecture',
  'krai',
  'kray',
  'territory',
  'emirate',
  'county',
  'district',
  'state',
  'municipality',
  'autonomous',
  'republic',
  'city',
  'oblysy',
  'wilaya',
  'voivodeship',
  'canton',
]);
const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'upper',
  'lower',
  'greater',
  'new',
]);
/** Designators that make a region of the capitalised name before them, in upper or lower case. */
const REGION_SUFFIX =
  /^(?:autonomous\s+region|autonomous\s+prefecture|autonomous\s+republic|autonomous\s+okrug|region|province|oblast|governorate|prefecture|krai|kray|emirate|voivodeship|wilaya|oblysy)$/i;

export function isCountry(entity: DraftEntity | undefined): boolean {
  return entity?.type === 'Region' && entity.fields.kind === RegionKind.COUNTRY;
}

function entryKey(entry: GazetteerEntry): string {
  if (entry.iso2) return `country:${entry.iso2}`;
  if (entry.id) return `id:${entry.id}`;
  return `${entry.kind === RegionKind.CITY ? 'city' : 'sub'}:${fold(entry.name)}`;
}

/** The region entity a gazetteer entry names, drafted on first use. */
export function regionOf(
  reading: Reading,
  entry: GazetteerEntry,
  quote: Span,
  standalone: boolean,
  confidence = 0.9,
  demonym = false,
): DraftEntity {
  const draft = reading.draft;
  const key = entryKey(entry);
  // "Xinjiang" after "Xinjiang Uygur Autonomous Region": the region already drafted from its full name.
  if (entry.kind !== RegionKind.COUNTRY) {
    const folded = fold(entry.name);
    const longer = draft
      .ofType('Region')
      .find(
        (region) =>
          region.fields.kind !== RegionKind.COUNTRY && fold(String(region.fields.name)).startsWith(`${folded} `),
      );
    if (longer) {
      longer.mentions.push(quote);
      return longer;
    }
  }
  const fields: Record<string, unknown> = {
    ...(entry.id ? { id: entry.id } : {}),
    name: entry.name,
    ...(entry.origin !== 'countries' && entry.aliases.length > 0 ? { aliases: [...entry.aliases] } : {}),
    kind: entry.kind ?? RegionKind.SUBNATIONAL,
    ...(entry.iso2 ? { iso2: entry.iso2 } : {}),
    ...(entry.iso3 ? { iso3: entry.iso3 } : {}),
    ...(entry.isoNumeric ? { isoNumeric: entry.isoNumeric } : {}),
    ...(entry.isoSubdivision ? { isoSubdivision: entry.isoSubdivision } : {}),
  };
  const entity = draft.add('Region', key, fields, quote, quote, confidence, standalone);
  if (!demonym) {
    const names = (entity.notes.nameMentions as Span[] | undefined) ?? [];
    names.push(quote);
    entity.notes.nameMentions = names;
  }
  if (entry.iso2) entity.country = entry.iso2;
  else if (entry.country && !entity.country) entity.country = entry.country;
  return entity;
}

/** The country with this ISO code, when the text names it (or its adjective) somewhere. */
export function countryEntity(reading: Reading, iso2: string | undefined): DraftEntity | undefined {
  if (!iso2) return undefined;
  return reading.draft.find('Region', `country:${iso2}`);
}

function runOf(view: SentenceView, hit: GazetteerHit): Run | undefined {
  const first = view.tokens.findIndex((token) => token.start === hit.start);
  return view.runs.find((run) => run.from <= first && first < run.to);
}

/** Whether a city or region name stands alone in its run ("in Ürümqi", "Almaty region"), not inside a longer name. */
function standsAlone(reading: Reading, view: SentenceView, hit: GazetteerHit): boolean {
  const run = runOf(view, hit);
  if (!run) return true;
  for (let i = run.from; i < run.to; i += 1) {
    const token = view.tokens[i] as Token;
    if (token.start >= hit.start && token.end <= hit.end) continue;
    if (
      DESIGNATORS.has(token.folded) ||
      DIRECTIONS.has(token.folded) ||
      token.folded === 'of' ||
      token.folded === 'the'
    )
      continue;
    const other = view.hits.find(
      (h) => h !== hit && h.start <= token.start && token.end <= h.end && h.entry.type === 'Region',
    );
    if (other) continue;
    if (reading.acronyms.has(token.text)) continue;
    return false;
  }
  return true;
}

/** Regions written with a designator: "Almaty region", "Xinjiang Uygur Autonomous Region (XUAR)". */
export function findDesignatedRegions(reading: Reading): void {
  const text = reading.article.text;
  for (const view of reading.sentences) {
    for (const run of view.runs) {
      const tokens = view.tokens.slice(run.from, run.to);
      if (tokens.length === 0) continue;
      let coreEnd = tokens.length;
      let suffixEnd = run.to;
      // Designators inside the run ("Xinjiang Uygur Autonomous Region") or just after it ("Almaty region").
      const last2 = tokens
        .slice(-2)
        .map((t) => t.text)
        .join(' ');
      const last1 = tokens.at(-1)?.text ?? '';
      if (tokens.length >= 3 && REGION_SUFFIX.test(last2)) coreEnd = tokens.length - 2;
      else if (tokens.length >= 2 && REGION_SUFFIX.test(last1)) coreEnd = tokens.length - 1;
      else {
        const next = view.tokens[run.to];
        const next2 = view.tokens[run.to + 1];
        const previous = view.tokens[run.to - 1];
        if (next && previous && /^\s$/.test(text.slice(previous.end, next.start)) && /^[a-z]/.test(next.text)) {
          if (next2 && REGION_SUFFIX.test(`${next.text} ${next2.text}`)) suffixEnd = run.to + 2;
          else if (REGION_SUFFIX.test(next.text)) suffixEnd = run.to + 1;
        }
        if (suffixEnd === run.to) continue;
      }
      const core = tokens.slice(0, coreEnd);
      if (core.length === 0 || core.length > 4) continue;
      // A country's own regions are named after it ("East Kazakhstan region"); a bare country with
      // "region" after it ("the China region") is the country.
      const coreText = text.slice(core[0]?.start ?? 0, core.at(-1)?.end ?? 0);
      const coreHit = view.hits.find((hit) => hit.start === core[0]?.start && hit.end === core.at(-1)?.end);
      if (coreHit?.entry.kind === RegionKind.COUNTRY || coreHit?.entry.type === 'Organization') continue;
      if (reading.isClaimed({ start: core[0]?.start ?? 0, end: core.at(-1)?.end ?? 0 })) continue;
      const endToken = view.tokens[suffixEnd - 1] as Token;
      const span = { start: run.start, end: endToken.end };
      const name = text.slice(span.start, span.end);
      const key = `sub:${fold(coreText)}`;
      const entity = reading.draft.add('Region', key, { name, kind: RegionKind.SUBNATIONAL }, span, span, 0.85, true);
      if (coreHit?.entry.country) entity.country ??= coreHit.entry.country;
      reading.claim('region', span, entity);
      defineAcronym(reading, span, entity);
    }
  }
}

/** "... Autonomous Region (XUAR)": the bracketed acronym names the entity just before it. */
export function defineAcronym(reading: Reading, span: Span, entity: DraftEntity): void {
  const after = reading.article.text.slice(span.end, span.end + 16);
  const match = /^\s*\(([\p{Lu}][\p{L}&.]{1,11})\)/u.exec(after);
  if (!match?.[1] || !/^[\p{Lu}&.]{2,12}$/u.test(match[1])) return;
  const acronym = match[1];
  if (!reading.acronyms.has(acronym)) reading.acronyms.set(acronym, entity);
  const aliases = (entity.fields.aliases as string[] | undefined) ?? [];
  if (!aliases.includes(acronym)) entity.fields.aliases = [...aliases, acronym];
  const start = span.end + after.indexOf('(') + 1;
  reading.claim(entity.type === 'Region' ? 'region' : 'organization', { start, end: start + acronym.length }, entity);
}

/** Tokens that are acronyms the text defined, as mentions of their entities. */
export function acronymMentions(reading: Reading, view: SentenceView): { token: Token; entity: DraftEntity }[] {
  return view.tokens
    .filter((token) => reading.acronyms.has(token.text))
    .map((token) => ({ token, entity: reading.acronyms.get(token.text) as DraftEntity }));
}

/**
 * Drafts the regions the text names on their own, once the names of organizations, forums and
 * documents have been claimed; cities and regions get PART_OF their country where the text puts
 * them side by side ("Ürümqi, China").
 */
export function draftPlaces(reading: Reading): void {
  const text = reading.article.text;
  for (const view of reading.sentences) {
    for (const hit of view.hits) {
      if (hit.entry.type !== 'Region') continue;
      if (reading.isClaimed(hit, ['organization', 'forum', 'document', 'person'])) continue;
      if (reading.isClaimed(hit, ['region'])) continue;
      const isCountryHit = hit.entry.kind === RegionKind.COUNTRY;
      if (!isCountryHit && !standsAlone(reading, view, hit)) continue;
      if (hit.demonym) {
        // An adjective names a country when it qualifies people, places or things ("Kazakh regions"),
        // not inside a name.
        const run = runOf(view, hit);
        if (run && run.to - run.from > 1 && !reading.isClaimed(hit, ['title'])) {
          const others = view.tokens.slice(run.from, run.to).filter((t) => t.start < hit.start || t.end > hit.end);
          if (others.some((t) => !/^(?:and|&)$/i.test(t.text))) continue;
        }
      }
      regionOf(reading, hit.entry, hit, true, hit.demonym ? 0.7 : isCountryHit ? 0.95 : 0.8, hit.demonym);
    }
    for (const { token, entity } of acronymMentions(reading, view)) {
      if (entity.type === 'Region' && !reading.isClaimed(token, ['organization', 'forum', 'document']))
        entity.mentions.push(token);
    }
  }
  // "Ürümqi, China", "Almaty, Kazakhstan": the city or region, then its country.
  for (const view of reading.sentences) {
    const regions = view.hits.filter((hit) => hit.entry.type === 'Region');
    for (let i = 0; i + 1 < regions.length; i += 1) {
      const place = regions[i] as GazetteerHit;
      const country = regions[i + 1] as GazetteerHit;
      if (place.entry.kind === RegionKind.COUNTRY || country.entry.kind !== RegionKind.COUNTRY || country.demonym)
        continue;
      if (!/^,\s*$/.test(text.slice(place.end, country.start))) continue;
      if (place.entry.country && place.entry.country !== country.entry.iso2) continue;
      const child = reading.draft.ofType('Region').find((r) => r.mentions.some((m) => m.start === place.start));
      const parent = countryEntity(reading, country.entry.iso2);
      if (child && parent) reading.draft.tie('PART_OF', child, parent, covering(place, country), 0.85);
    }
  }
  // "the Xinjiang Uygur Autonomous Region (XUAR) of the People's Republic of China"
  for (const region of reading.draft.ofType('Region')) {
    if (region.fields.kind === RegionKind.COUNTRY) continue;
    for (const mention of region.mentions) {
      const after = text.slice(mention.end, mention.end + 60);
      const match = /^(\s*\([^)]{1,12}\))?\s+of\s+(?:the\s+)?/.exec(after);
      if (!match) continue;
      const view = reading.viewAt(mention.end);
      const start = mention.end + match[0].length;
      const hit = view?.hits.find((h) => h.start === start && h.entry.kind === RegionKind.COUNTRY);
      const country = hit ? countryEntity(reading, hit.entry.iso2) : undefined;
      if (hit && country) {
        region.country ??= hit.entry.iso2;
        reading.draft.tie('PART_OF', region, country, covering(mention, hit), 0.85);
      }
    }
  }
}
