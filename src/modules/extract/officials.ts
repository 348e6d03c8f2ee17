/**
 * Officials and the positions they hold. A name is a short run of capitalised words next to a
 * title ("Deputy Prime Minister of Kazakhstan Serik Zhumangarin", "Communist Party Secretary of
 * XUAR, Ma Xingrui", "Sahar Nasr, Minister of Investment,"), after Mr/Ms/Dr, after "signed by", or
 * a name the graph knows. The title is split into positions ("Deputy Prime Minister and Minister
 * of Trade and Integration" is two), and each position is held in the organization it names or
 * implies: a minister's ministry, a prime minister's government, a party secretary's committee.
 */
import { OrganizationKind } from '../entity/entity.enums';
import { covering, type DraftEntity, type Span, textOf as fieldText } from './draft';
import { type GazetteerHit } from './gazetteer';
import { GOVERNMENT_CORES, PORTFOLIO_WORDS, TITLE_CORES, TITLE_MODIFIERS } from './lexicon/words';
import { organizationAt, organizationOf } from './organizations';
import { countryEntity, isCountry, regionOf } from './places';
import { type Reading, type SentenceView } from './reading';
import { FUNCTION_WORDS, MONTHS_AND_DAYS } from './runs';
import { fold, type Token } from './text';

const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'van',
  'von',
  'de',
  'da',
  'abu',
  'ben',
  'bint',
  'di',
  'du',
  'der',
  'le',
  'la',
]);
const HONORIFICS = /^(?:mr|mrs|ms|miss|dr|prof|sir|madam|h\.?e)$/i;
const HONORIFIC_TITLES = new Set(['sheikh', 'sir', 'dr', 'prof', 'mr', 'mrs', 'ms', 'madam', 'excellency', 'highness']);
const TITLE_CONNECTORS = new Set(['of', 'for', 'the', 'and', '&', 'to', 'on']);

export interface Position {
  readonly title: string;
  readonly span: Span;
  readonly organization?: DraftEntity;
  readonly country?: DraftEntity;
}

interface Word {
  readonly token: Token;
  readonly index: number;
  readonly kind: 'core' | 'modifier' | 'portfolio' | 'connector' | 'region' | 'organization' | 'other';
  readonly region?: DraftEntity;
  /** A place the gazetteer knows; drafted only when the title it is part of is kept. */
  readonly hit?: GazetteerHit;
  readonly organization?: DraftEntity;
}

function regionOfWord(reading: Reading, word: Word): DraftEntity {
  if (word.region) return word.region;
  const hit = word.hit as GazetteerHit;
  return regionOf(reading, hit.entry, hit, true, hit.demonym ? 0.7 : 0.9, hit.demonym);
}

function regionHitAt(view: SentenceView, token: Token): GazetteerHit | undefined {
  return view.hits.find((hit) => hit.entry.type === 'Region' && hit.start <= token.start && token.end <= hit.end);
}

function classify(reading: Reading, view: SentenceView, index: number): Word {
  const token = view.tokens[index] as Token;
  const organization = organizationAt(reading, token);
  if (organization) return { token, index, kind: 'organization', organization };
  const acronym = reading.acronyms.get(token.text);
  if (acronym?.type === 'Region') return { token, index, kind: 'region', region: acronym };
  if (acronym?.type === 'Organization') return { token, index, kind: 'organization', organization: acronym };
  const designated = reading.claimAt(token, ['region']);
  if (designated?.entity) return { token, index, kind: 'region', region: designated.entity };
  const hit = regionHitAt(view, token);
  if (hit) return { token, index, kind: 'region', hit };
  const word = token.folded;
  if (TITLE_CORES.has(word) && (word !== 'chief' || /^C/.test(token.text))) return { token, index, kind: 'core' };
  if (TITLE_MODIFIERS.has(word) && word !== 'and') return { token, index, kind: 'modifier' };
  if (PORTFOLIO_WORDS.has(word) && !TITLE_CONNECTORS.has(word)) return { token, index, kind: 'portfolio' };
  if (TITLE_CONNECTORS.has(word)) return { token, index, kind: 'connector' };
  return { token, index, kind: 'other' };
}

/** A city's name that is also a given name ("Vladimir Putin"): part of a name when a name follows. */
function placeAsGivenName(reading: Reading, view: SentenceView, index: number): boolean {
  const token = view.tokens[index] as Token;
  const hit = regionHitAt(view, token);
  const next = view.tokens[index + 1];
  if (
    !hit ||
    hit.entry.kind === 'COUNTRY' ||
    hit.demonym ||
    hit.start !== token.start ||
    hit.end !== token.end ||
    !next
  )
    return false;
  if (!/^\s+$/.test(reading.article.text.slice(token.end, next.start))) return false;
  return nameLike(reading, view, index + 1, false);
}

function nameLike(reading: Reading, view: SentenceView, index: number, placesAllowed = true): boolean {
  if (placesAllowed && placeAsGivenName(reading, view, index)) return true;
  const token = view.tokens[index] as Token;
  if (!/^[\p{Lu}]/u.test(token.text) && !PARTICLES.has(token.folded)) return false;
  if (/^[\p{Lu}\d]{2,}$/u.test(token.text)) return false;
  const word = token.folded;
  if (TITLE_CORES.has(word) || TITLE_MODIFIERS.has(word) || PORTFOLIO_WORDS.has(word)) return false;
  if (FUNCTION_WORDS.has(word) || MONTHS_AND_DAYS.has(word) || HONORIFICS.test(word)) return false;
  if (reading.isClaimed(token, ['organization', 'forum', 'document', 'region'])) return false;
  if (regionHitAt(view, token) || reading.acronyms.has(token.text)) return false;
  return true;
}

function gap(reading: Reading, a: Token, b: Token): string {
  return reading.article.text.slice(a.end, b.start);
}

/** The title words just before a name, back to where the title starts. */
function titleBefore(reading: Reading, view: SentenceView, nameFrom: number): Word[] {
  const words: Word[] = [];
  let i = nameFrom - 1;
  const first = view.tokens[nameFrom] as Token;
  let previous = first;
  let crossedComma = false;
  while (i >= 0) {
    const token = view.tokens[i] as Token;
    const between = gap(reading, token, previous);
    if (!/^[\s\-–]*$/.test(between)) {
      // "Secretary of XUAR, Ma Xingrui": one comma between a title and the name it introduces.
      if (!crossedComma && words.length === 0 && /^\s*,\s*$/.test(between)) crossedComma = true;
      else break;
    }
    const word = classify(reading, view, i);
    if (word.kind === 'other') {
      // An unknown capitalised word is part of the title only as the name of a body after "of"
      // ("Chairman of Kazmunaygas"), or before a core ("TBEA Chairman").
      const next = words[0];
      const before = view.tokens[i - 1];
      const isBodyName =
        /^[\p{Lu}]/u.test(token.text) && ((before && ['of', 'for'].includes(before.folded)) || next?.kind === 'core');
      if (!isBodyName) break;
    }
    words.unshift(word);
    previous = token;
    i -= 1;
  }
  // "the Political Bureau ... and Communist Party Secretary of XUAR": what precedes an "and" with
  // no position in it belongs to another phrase.
  for (let k = 0; k < words.length; k += 1) {
    const word = words[k] as Word;
    if (
      word.kind === 'connector' &&
      /^(?:and|&)$/.test(word.token.folded) &&
      !words.slice(0, k).some((w) => w.kind === 'core')
    ) {
      words.splice(0, k + 1);
      k = -1;
    }
  }
  while (words.length > 0 && words[0]?.kind === 'connector') words.shift();
  // "UAE President Sheikh Mohamed ...": a form of address before the name is not the position.
  while (words.length > 1 && HONORIFIC_TITLES.has(words.at(-1)?.token.folded ?? '')) words.pop();
  if (!words.some((word) => word.kind === 'core' && /^[\p{Lu}]/u.test(word.token.text))) return [];
  return words;
}

/** The title after a name and a comma: "Sahar Nasr, Minister of Investment and International Cooperation,". */
function titleAfter(reading: Reading, view: SentenceView, nameTo: number): Word[] {
  const last = view.tokens[nameTo - 1] as Token;
  const next = view.tokens[nameTo];
  if (!next || !/^\s*,\s*(?:the\s+)?$/i.test(gap(reading, last, next).replace(/the\s+$/i, ''))) return [];
  const words: Word[] = [];
  let previous = last;
  for (let i = nameTo; i < view.tokens.length; i += 1) {
    const token = view.tokens[i] as Token;
    const between = gap(reading, previous, token);
    if (words.length > 0 && !/^[\s\-–]*$/.test(between)) break;
    const word = classify(reading, view, i);
    if (word.kind === 'other') {
      const before = view.tokens[i - 1];
      if (!(/^[\p{Lu}]/u.test(token.text) && before && ['of', 'for'].includes(before.folded))) break;
    }
    if (words.length === 0 && word.kind === 'connector' && token.folded !== 'the') break;
    words.push(word);
    previous = token;
  }
  while (words.length > 0 && words.at(-1)?.kind === 'connector') words.pop();
  const firstTitle = words.find((word) => word.kind !== 'connector');
  if (!firstTitle || !['core', 'modifier', 'region', 'organization', 'portfolio'].includes(firstTitle.kind)) return [];
  if (!words.some((word) => word.kind === 'core' && /^[\p{Lu}]/u.test(word.token.text))) return [];
  return words;
}

/** Splits a title at "and" or "," where a new position starts ("Deputy Prime Minister and Minister of Trade"). */
function chunks(words: Word[]): Word[][] {
  const out: Word[][] = [];
  let current: Word[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as Word;
    if (word.kind === 'connector' && /^(?:and|&)$/.test(word.token.folded) && current.some((w) => w.kind === 'core')) {
      const rest = words.slice(i + 1);
      const cut = rest.findIndex((w) => w.kind === 'connector' && ['of', 'for'].includes(w.token.folded));
      const head = cut < 0 ? rest : rest.slice(0, cut);
      if (head.some((w) => w.kind === 'core')) {
        out.push(current);
        current = [];
        continue;
      }
    }
    current.push(word);
  }
  if (current.length > 0) out.push(current);
  return out.filter((chunk) => chunk.some((word) => word.kind === 'core'));
}

function textOf(reading: Reading, words: Word[]): string {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return '';
  return reading.article.text.slice(first.token.start, last.token.end).replace(/\s+/g, ' ');
}

function spanOf(words: Word[]): Span {
  return { start: words[0]?.token.start ?? 0, end: words.at(-1)?.token.end ?? 0 };
}

const FOREIGN = /^foreign$/i;

/** The positions one title states, with the organizations they are held in. */
function positionsOf(reading: Reading, words: Word[], nameSpan: Span): Position[] {
  const positions: Position[] = [];
  let inheritedCountry: DraftEntity | undefined;
  for (const chunk of chunks(words)) {
    const ofAt = chunk.findIndex(
      (word, i) => i > 0 && word.kind === 'connector' && ['of', 'for'].includes(word.token.folded),
    );
    const head = ofAt < 0 ? chunk : chunk.slice(0, ofAt);
    let complement =
      ofAt < 0
        ? []
        : chunk.slice(ofAt + 1).filter((word, i, all) => !(i === 0 && word.token.folded === 'the') || all.length === 1);
    // "Minister of International Cooperation of Egypt": the portfolio, then the country it serves.
    const placeWord = (word: Word): boolean =>
      word.kind === 'region' || word.kind === 'connector' || /^republic$/i.test(word.token.folded);
    const lastOf = complement.map((word) => word.token.folded).lastIndexOf('of');
    const tail: Word[] = [];
    if (
      lastOf > 0 &&
      complement.slice(lastOf + 1).every(placeWord) &&
      complement.slice(lastOf + 1).some((w) => w.kind === 'region')
    ) {
      tail.push(...complement.slice(lastOf + 1));
      complement = complement.slice(0, lastOf);
    }
    let coreAt = -1;
    head.forEach((word, i) => {
      if (word.kind === 'core') coreAt = i;
    });
    if (coreAt < 0) continue;
    const pre = head.slice(0, coreAt);
    const regionsBefore = pre.filter((word) => word.kind === 'region').map((word) => regionOfWord(reading, word));
    const organizationsBefore = pre
      .filter((word) => word.kind === 'organization')
      .map((word) => word.organization as DraftEntity);
    const titleWords = head.slice(
      pre.findIndex((word) => word.kind !== 'region' && word.kind !== 'organization') < 0
        ? coreAt
        : pre.findIndex((word) => word.kind !== 'region' && word.kind !== 'organization'),
    );
    const complementRegions = [...complement, ...tail]
      .filter((word) => word.kind === 'region')
      .map((word) => regionOfWord(reading, word));
    const complementOrganizations = complement
      .filter((word) => word.kind === 'organization')
      .map((word) => word.organization as DraftEntity);
    const complementIsPlace =
      complement.length > 0 &&
      complement.every(
        (word) =>
          word.kind === 'region' ||
          word.kind === 'connector' ||
          (word.kind === 'portfolio' && /^republic$/i.test(word.token.folded)),
      );
    const titleText = textOf(
      reading,
      complement.length > 0 && !complementIsPlace && complementOrganizations.length === 0
        ? [...titleWords, ...chunk.slice(ofAt, ofAt + 1), ...complement]
        : titleWords,
    );
    const country =
      [...regionsBefore, ...complementRegions].find((region) => isCountry(region)) ??
      (regionsBefore.length === 0 && complementRegions.length === 0 ? inheritedCountry : undefined) ??
      countryEntity(reading, [...regionsBefore, ...complementRegions][0]?.country);
    if (country) inheritedCountry = country;
    const region = [...complementRegions, ...regionsBefore].find((r) => !isCountry(r));
    const core = fold(
      textOf(
        reading,
        head.slice(
          coreAt - (pre.length > 0 && TITLE_MODIFIERS.has(pre.at(-1)?.token.folded ?? '') ? 1 : 0),
          coreAt + 1,
        ),
      ),
    );
    const coreWords = fold(textOf(reading, titleWords));
    const span = covering(spanOf(chunk), nameSpan);
    const quoteSpan = covering(spanOf(words), nameSpan);
    let organization: DraftEntity | undefined = complementOrganizations[0] ?? organizationsBefore[0];
    const chunkSpan = spanOf(chunk);
    const countryName = country ? String(country.fields.name) : undefined;
    const coreFold = fold(head[coreAt]?.token.text ?? '');
    if (
      organization &&
      /^party$|communist party|party$/.test(fold(String(organization.fields.name))) &&
      coreFold === 'secretary' &&
      region
    ) {
      // "Communist Party Secretary of XUAR": the party's committee of that region.
      organization = organizationOf(
        reading,
        `${String(organization.fields.name)} Committee of ${String(region.fields.name)}`,
        chunkSpan,
        0.7,
        { kind: OrganizationKind.PARTY_ORGAN },
      );
      organization.notes.basedIn = region;
    } else if (!organization) {
      const portfolio = [...pre, ...complement].filter(
        (word) => word.kind === 'portfolio' || (word.kind === 'connector' && ['and', '&'].includes(word.token.folded)),
      );
      const preDomain = pre.filter(
        (word) =>
          word.kind === 'portfolio' ||
          (word.kind === 'modifier' &&
            PORTFOLIO_WORDS.has(word.token.folded) &&
            !/^(?:deputy|first|vice|acting|prime|senior|chief|general|state|executive|assistant)$/.test(
              word.token.folded,
            )),
      );
      if (coreFold === 'minister' && !/prime minister$/.test(coreWords)) {
        let remit = '';
        if (complement.length > 0 && !complementIsPlace) remit = textOf(reading, complement);
        else if (preDomain.length > 0)
          remit =
            preDomain.map((word) => word.token.text).join(' ') +
            (preDomain.length === 1 && FOREIGN.test(preDomain[0]?.token.text ?? '') ? ' Affairs' : '');
        if (remit) {
          organization = organizationOf(
            reading,
            `Ministry of ${remit}${countryName ? ` of ${countryName}` : ''}`,
            chunkSpan,
            0.7,
            { kind: OrganizationKind.MINISTRY },
          );
        } else if (countryName) {
          organization = organizationOf(reading, `Government of ${countryName}`, chunkSpan, 0.7, {
            kind: OrganizationKind.GOVERNMENT,
          });
        }
      } else if (GOVERNMENT_CORES.test(core) || GOVERNMENT_CORES.test(coreWords) || /prime minister$/.test(coreWords)) {
        if (countryName)
          organization = organizationOf(reading, `Government of ${countryName}`, chunkSpan, 0.7, {
            kind: OrganizationKind.GOVERNMENT,
          });
      } else if (/^(?:governor|akim|mayor)$/.test(coreFold) && (region ?? country) !== undefined) {
        const place = (region ?? country) as DraftEntity;
        organization = organizationOf(reading, `Administration of ${String(place.fields.name)}`, chunkSpan, 0.6, {
          kind: OrganizationKind.GOVERNMENT,
        });
        organization.notes.basedIn = place;
      } else if (coreFold === 'ambassador' && countryName) {
        organization = organizationOf(reading, `Ministry of Foreign Affairs of ${countryName}`, chunkSpan, 0.6, {
          kind: OrganizationKind.MINISTRY,
        });
      } else if (complement.length > 0 && !complementIsPlace && complement.some((word) => word.kind === 'other')) {
        // "Chairman of Kazmunaygas": the body after "of" is an organization the text names.
        const body = complement.filter((word, i) => !(i === 0 && word.token.folded === 'the'));
        const name = textOf(reading, body);
        if (name.split(' ').length <= 6) {
          organization = organizationOf(reading, name, spanOf(body), 0.6);
          reading.claim('organization', spanOf(body), organization);
        }
      } else if (portfolio.length === 0 && pre.some((word) => word.kind === 'other')) {
        const body = pre.filter((word) => word.kind === 'other');
        organization = organizationOf(reading, textOf(reading, body), spanOf(body), 0.6, {
          kind: OrganizationKind.COMPANY,
        });
        reading.claim('organization', spanOf(body), organization);
      }
    }
    if (organization && country && !organization.notes.basedIn) organization.notes.basedIn = country;
    positions.push({
      title: titleText.replace(/^(?:the|a|an)\s+/i, ''),
      span: quoteSpan.start <= span.start ? span : quoteSpan,
      organization,
      country,
    });
  }
  return positions;
}

function officialKey(name: string): string {
  return fold(name);
}

/** The official a name stands for: a new one, or one drafted under the full name or the surname. */
function officialOf(
  reading: Reading,
  name: string,
  span: Span,
  quote: Span,
  confidence: number,
  id?: string,
): DraftEntity {
  const key = officialKey(name);
  const existing =
    reading.draft.find('Official', key) ??
    reading.draft.ofType('Official').find((official) => {
      const theirs = officialKey(String(official.fields.name)).split(' ');
      const ours = key.split(' ');
      return (ours.length === 1 && theirs.at(-1) === ours[0]) || (theirs.length === 1 && ours.at(-1) === theirs[0]);
    });
  if (existing) {
    existing.mentions.push(span);
    if (key.split(' ').length > officialKey(String(existing.fields.name)).split(' ').length) {
      existing.fields.name = name;
      existing.quote = quote;
    }
    return existing;
  }
  return reading.draft.add('Official', key, { ...(id ? { id } : {}), name }, quote, span, confidence);
}

function holdPositions(reading: Reading, official: DraftEntity, positions: Position[], nameSpan: Span): void {
  const list = (official.notes.positions as Position[] | undefined) ?? [];
  for (const position of positions) {
    list.push(position);
    if (position.country && !official.country) official.country = fieldText(position.country.fields.iso2) || undefined;
    if (!position.organization || !position.title) continue;
    reading.draft.tie('HOLDS', official, position.organization, covering(position.span, nameSpan), 0.8, {
      title: position.title,
    });
    const basedIn = position.organization.notes.basedIn as DraftEntity | undefined;
    if (basedIn) reading.draft.tie('BASED_IN', position.organization, basedIn, position.span, 0.6);
  }
  official.notes.positions = list;
}

/** Drafts the officials of the text with their positions, and claims their names and titles. */
export function findOfficials(reading: Reading): void {
  for (const view of reading.sentences) {
    const tokens = view.tokens;
    // Names the graph knows are officials wherever they appear.
    for (const hit of view.hits) {
      if (hit.entry.type !== 'Official' || reading.isClaimed(hit, ['person'])) continue;
      const official = officialOf(reading, hit.entry.name, hit, hit, 0.9, hit.entry.id);
      reading.claim('person', hit, official);
    }
    let i = 0;
    while (i < tokens.length) {
      // A name the graph knows: its title is read as for any other name.
      const known = reading.claimAt(tokens[i] as Token, ['person']);
      if (known?.entity && known.start === (tokens[i] as Token).start) {
        let end = i;
        while (end < tokens.length && (tokens[end] as Token).end <= known.end) end += 1;
        const nameSpan = { start: known.start, end: known.end };
        const title = titleBefore(reading, view, i);
        const words = title.length > 0 ? title : titleAfter(reading, view, end);
        if (words.length > 0) {
          reading.claim('title', spanOf(words), known.entity);
          known.entity.quote = covering(spanOf(words), nameSpan);
          holdPositions(reading, known.entity, positionsOf(reading, words, nameSpan), nameSpan);
        }
        i = end;
        continue;
      }
      if (!nameLike(reading, view, i) || reading.isClaimed(tokens[i] as Token, ['person'])) {
        i += 1;
        continue;
      }
      let j = i + 1;
      while (
        j < tokens.length &&
        (j - i < 4 || (j - i < 6 && tokens.slice(i, j).some((token) => PARTICLES.has(token.folded)))) &&
        nameLike(reading, view, j) &&
        /^[\s\-–]+$|^['’]$/.test(gap(reading, tokens[j - 1] as Token, tokens[j] as Token)) &&
        !/^\s*\n/.test(gap(reading, tokens[j - 1] as Token, tokens[j] as Token))
      )
        j += 1;
      // A name ends before a possessive ("Zhumangarin's") only at its last word.
      const nameTokens = tokens.slice(i, j);
      while (nameTokens.length > 1 && PARTICLES.has(nameTokens.at(-1)?.folded ?? '')) nameTokens.pop();
      const nameSpan = { start: nameTokens[0]?.start ?? 0, end: nameTokens.at(-1)?.end ?? 0 };
      const name = reading.article.text.slice(nameSpan.start, nameSpan.end).replace(/[’']s$/, '');
      const end = i + nameTokens.length;
      const before = titleBefore(reading, view, i);
      const after = before.length === 0 ? titleAfter(reading, view, end) : [];
      const previous = tokens[i - 1];
      const honorific =
        previous !== undefined &&
        HONORIFICS.test(previous.text.replace(/\.$/, '')) &&
        /^\.?\s+$/.test(gap(reading, previous, tokens[i] as Token));
      const signedBy = /\b(?:signed|inked|initialled)\s+by\s+(?:the\s+)?$/i.test(
        reading.article.text.slice(view.sentence.start, nameSpan.start).slice(-40),
      );
      const title = before.length > 0 ? before : after;
      const single = nameTokens.length === 1;
      const directTitle =
        before.length > 0 && /^\s+$/.test(gap(reading, before.at(-1)?.token as Token, tokens[i] as Token));
      // "..., said Aida Balayeva", "Aida Balayeva told reporters": a person speaking, even without a title.
      const textAfter = reading.article.text.slice(nameSpan.end, Math.min(view.sentence.end, nameSpan.end + 30));
      const textBefore = reading.article.text.slice(Math.max(view.sentence.start, nameSpan.start - 30), nameSpan.start);
      const speaks =
        /^\s*(?:said|says|told|noted|stressed|added|announced|emphasi[sz]ed|stated|explained)\b/i.test(textAfter) ||
        /\b(?:said|says|told|according to)\s+$/i.test(textBefore);
      const accepted = title.length > 0 ? !single || directTitle : (honorific || signedBy || speaks) && !single;
      if (
        !accepted &&
        !(
          single &&
          reading.draft.ofType('Official').some((o) => fold(String(o.fields.name)).split(' ').at(-1) === fold(name))
        )
      ) {
        i = j;
        continue;
      }
      const quote = title.length > 0 ? covering(spanOf(title), nameSpan) : nameSpan;
      const official = officialOf(reading, name, nameSpan, quote, title.length > 0 ? (single ? 0.6 : 0.9) : 0.7);
      reading.claim('person', nameSpan, official);
      if (title.length > 0) {
        reading.claim('title', spanOf(title), official);
        holdPositions(reading, official, positionsOf(reading, title, nameSpan), nameSpan);
      }
      i = j;
    }
  }
  // Later mentions by surname ("As Zhumangarin said") are mentions of the official.
  for (const official of reading.draft.ofType('Official')) {
    const parts = String(official.fields.name).split(/\s+/);
    const surname = parts.length > 1 ? parts.at(-1) : undefined;
    if (!surname || surname.length < 4) continue;
    for (const view of reading.sentences) {
      for (const token of view.tokens) {
        if (token.text.replace(/[’']s$/, '') === surname && !reading.isClaimed(token, ['person', 'organization'])) {
          official.mentions.push(token);
          reading.claim('person', token, official);
        }
      }
    }
  }
  // Officials the text names only in passing keep their mentions; their country comes from positions.
  for (const official of reading.draft.ofType('Official')) {
    const positions = (official.notes.positions as Position[] | undefined) ?? [];
    const country = positions.find((position) => position.country)?.country;
    if (country) official.notes.country = country;
  }
}

/** Officials mentioned in a sentence, in order. */
export function officialsIn(reading: Reading, view: SentenceView): { official: DraftEntity; span: Span }[] {
  return reading.claims
    .filter(
      (claim) =>
        claim.kind === 'person' && claim.entity && claim.start >= view.sentence.start && claim.end <= view.sentence.end,
    )
    .sort((a, b) => a.start - b.start)
    .map((claim) => ({ official: claim.entity as DraftEntity, span: { start: claim.start, end: claim.end } }));
}
