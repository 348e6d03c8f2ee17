/**
 * Organizations read from the form of their names: a capitalised run ending in a head word
 * ("World Bank", "Suez Canal Economic Zone Authority"), led by one ("Telecom Egypt"), continued by
 * "of/for" complements ("Political Bureau of the Central Committee of the Chinese Communist
 * Party", "European Bank for Reconstruction and Development"), or closed by a legal form ("TBEA
 * PJSC"); plus the organizations of the gazetteer (international ones, the graph's).
 */
import { OrganizationKind } from '../entity/entity.enums';
import { type DraftEntity, type Span } from './draft';
import { type GazetteerEntry } from './gazetteer';
import {
  COMPANY_HEADS,
  COMPANY_SUFFIXES,
  ORGANIZATION_HEADS,
  PORTFOLIO_WORDS,
  TITLE_CORES,
  TITLE_MODIFIERS,
} from './lexicon/words';
import { defineAcronym } from './places';
import { type Reading, type SentenceView } from './reading';
import { FUNCTION_WORDS, joined, MONTHS_AND_DAYS } from './runs';
import { fold, type Token } from './text';

const INTERNATIONAL =
  /\b(?:world|international|united nations|asian|african|european|islamic|eurasian|arab|global|inter-american|development bank|reconstruction)\b/i;

export function organizationKind(name: string): OrganizationKind {
  const folded = fold(name);
  const words = folded.split(' ');
  const last = words.at(-1) ?? '';
  if (/\bministry\b/.test(folded)) return OrganizationKind.MINISTRY;
  if (/\b(?:government|cabinet|administration|akimat|presidency)\b/.test(folded) && !/\bcompany\b/.test(folded))
    return OrganizationKind.GOVERNMENT;
  if (/\b(?:party|politburo|political bureau)\b/.test(folded)) return OrganizationKind.PARTY_ORGAN;
  if (/\b(?:parliament|assembly|senate|majlis|mazhilis|duma|congress|legislature)\b/.test(folded))
    return OrganizationKind.LEGISLATURE;
  if (
    COMPANY_SUFFIXES.has(last) ||
    COMPANY_HEADS.has(last) ||
    words.some((word) => COMPANY_HEADS.has(word) || COMPANY_SUFFIXES.has(word))
  ) {
    return OrganizationKind.COMPANY;
  }
  if (/\b(?:bank|fund|union|organization|organisation|commission)\b/.test(folded) && INTERNATIONAL.test(name)) {
    return OrganizationKind.INTERNATIONAL_ORGANIZATION;
  }
  if (/\b(?:bank|telecom|airlines|airways)\b/.test(folded)) return OrganizationKind.COMPANY;
  return OrganizationKind.OTHER;
}

/** The key organizations are told apart by: the words of the name that carry meaning, in order. */
export function organizationKey(name: string): string {
  return fold(name)
    .split(' ')
    .filter((word) => !['the', 'of', 'for', 'and'].includes(word))
    .join(' ');
}

function contentWords(name: string): Set<string> {
  return new Set(
    organizationKey(name)
      .split(' ')
      .filter((word) => !COMPANY_SUFFIXES.has(word)),
  );
}

/** Drafts an organization, or finds it under another spelling whose meaningful words include all of these. */
export function organizationOf(
  reading: Reading,
  name: string,
  quote: Span,
  confidence: number,
  extra: { kind?: OrganizationKind; id?: string; aliases?: readonly string[] } = {},
): DraftEntity {
  const draft = reading.draft;
  const key = organizationKey(name);
  const existing = draft.find('Organization', key);
  if (existing) {
    existing.mentions.push(quote);
    return existing;
  }
  // "Economic Zone of the Suez Canal" after "Suez Canal Economic Zone Authority": the same body.
  const words = contentWords(name);
  const same = draft.ofType('Organization').find((organization) => {
    const theirs = contentWords(String(organization.fields.name));
    const [small, large] = words.size <= theirs.size ? [words, theirs] : [theirs, words];
    return small.size >= 3 && large.size - small.size <= 2 && [...small].every((word) => large.has(word));
  });
  if (same) {
    same.mentions.push(quote);
    draft.alias(same, key);
    return same;
  }
  const fields: Record<string, unknown> = {
    ...(extra.id ? { id: extra.id } : {}),
    name,
    ...(extra.aliases && extra.aliases.length > 0 ? { aliases: [...extra.aliases] } : {}),
    kind: extra.kind ?? organizationKind(name),
  };
  return draft.add('Organization', key, fields, quote, quote, confidence);
}

export function organizationFromEntry(
  reading: Reading,
  entry: GazetteerEntry,
  quote: Span,
  confidence = 0.9,
): DraftEntity {
  return organizationOf(reading, entry.name, quote, confidence, {
    kind: (entry.kind as OrganizationKind | undefined) ?? OrganizationKind.OTHER,
    id: entry.id,
    aliases: entry.origin === 'graph' ? [] : entry.aliases,
  });
}

function isHead(token: Token | undefined): boolean {
  return token !== undefined && /^[\p{Lu}]/u.test(token.text) && ORGANIZATION_HEADS.has(token.folded);
}

function isSuffix(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    COMPANY_SUFFIXES.has(token.folded.replace(/\.$/, '')) &&
    (/^[\p{Lu}]/u.test(token.text) || token.folded === 'ltd')
  );
}

/** A capitalised word no list knows: a candidate part of a person's name. */
function personLike(reading: Reading, view: SentenceView, index: number): boolean {
  const token = view.tokens[index];
  if (!token || !/^[\p{Lu}][\p{Ll}]/u.test(token.text)) return false;
  const word = token.folded;
  if (PORTFOLIO_WORDS.has(word) || ORGANIZATION_HEADS.has(word) || TITLE_CORES.has(word) || TITLE_MODIFIERS.has(word))
    return false;
  if (FUNCTION_WORDS.has(word) || MONTHS_AND_DAYS.has(word) || COMPANY_SUFFIXES.has(word)) return false;
  return !view.hits.some((hit) => hit.start <= token.start && token.end <= hit.end);
}

/** Organization names in one sentence: token ranges [from, to). */
function organizationRanges(reading: Reading, view: SentenceView): [number, number][] {
  const text = reading.article.text;
  const tokens = view.tokens;
  const ranges: [number, number][] = [];
  for (const run of view.runs) {
    let to = run.to;
    // A legal form in lower case just after the run ("Group Co ltd").
    while (to < tokens.length && isSuffix(tokens[to]) && joined(text, tokens[to - 1] as Token, tokens[to] as Token))
      to += 1;
    let last = -1;
    for (let i = run.from; i < to; i += 1) if (isHead(tokens[i]) || (i > run.from && isSuffix(tokens[i]))) last = i;
    if (last < 0) continue;
    // The name ends at its last head, unless a complement ("of the Central Committee") or the rest
    // of a name led by its head ("Telecom Egypt") follows; a position ("Party Secretary") does not.
    let end = last + 1;
    const after = tokens[end];
    if (after && end < to && !TITLE_CORES.has(after.folded)) {
      const complement = ['of', 'for', 'on'].includes(after.folded);
      let k = end;
      while (k < to && !TITLE_CORES.has((tokens[k] as Token).folded)) k += 1;
      if (complement || k === to) end = k;
      // "... for the Promotion of International Trade Zhang Shaogang": a person's name after the
      // complement is the name the organization introduces, not part of it.
      if (complement && end === run.to) {
        let m = end;
        while (m > last + 2 && personLike(reading, view, m - 1)) m -= 1;
        const before = tokens[m - 1];
        if (
          end - m >= 2 &&
          end - m <= 4 &&
          before &&
          (PORTFOLIO_WORDS.has(before.folded) ||
            ORGANIZATION_HEADS.has(before.folded) ||
            view.hits.some((hit) => hit.end === before.end))
        )
          end = m;
      }
    }
    // "European Bank for Reconstruction and Development", "Ministry of Trade and Integration".
    const hasComplement = tokens.slice(last + 1, end).some((token) => ['of', 'for'].includes(token.folded));
    if (hasComplement && end === run.to) {
      const and = tokens[end];
      const next = tokens[end + 1];
      if (and && next && /^(?:and|&)$/i.test(and.text) && /^[\p{Lu}]/u.test(next.text) && !isHead(next)) {
        const nextRun = view.runs.find((r) => r.from === end + 1);
        if (nextRun && nextRun.to - nextRun.from <= 3) {
          const nextTokens = tokens.slice(nextRun.from, nextRun.to);
          if (!nextTokens.some((token) => isHead(token) || TITLE_CORES.has(token.folded))) end = nextRun.to;
        }
      }
    }
    // The name starts at the run's start, or after a position that precedes it ("Head of the Ministry").
    let start = run.from;
    for (let i = last; i >= run.from; i -= 1) {
      const token = tokens[i] as Token;
      if (TITLE_CORES.has(token.folded) && !isHead(token)) {
        let s = i + 1;
        while (s < last && ['of', 'the', 'for'].includes((tokens[s] as Token).folded)) s += 1;
        start = s;
        break;
      }
    }
    while (
      start < end &&
      (FUNCTION_WORDS.has((tokens[start] as Token).folded) || MONTHS_AND_DAYS.has((tokens[start] as Token).folded))
    )
      start += 1;
    if (end - start < 1) continue;
    // A head alone ("the Ministry", "Government") is a reference, not a name.
    if (end - start === 1 && !isSuffix(tokens[start])) continue;
    ranges.push([start, end]);
  }
  return ranges;
}

/** Drafts the organizations of the text and claims their names. */
export function findOrganizations(reading: Reading): void {
  const text = reading.article.text;
  for (const view of reading.sentences) {
    for (const hit of view.hits) {
      if (hit.entry.type !== 'Organization') continue;
      const entity = organizationFromEntry(reading, hit.entry, hit, 0.9);
      reading.claim('organization', hit, entity);
      defineAcronym(reading, hit, entity);
    }
    for (const [from, to] of organizationRanges(reading, view)) {
      const first = view.tokens[from] as Token;
      const last = view.tokens[to - 1] as Token;
      const span = { start: first.start, end: last.end };
      if (reading.isClaimed(span, ['organization', 'region'])) {
        const known = reading.claimAt(span, ['organization']);
        if (known) continue;
      }
      const name = text.slice(span.start, span.end).replace(/\s+/g, ' ');
      const entity = organizationOf(reading, name, span, 0.8);
      reading.claim('organization', span, entity);
      defineAcronym(reading, span, entity);
    }
  }
  // Acronyms defined for organizations ("(GAFI)") are mentions wherever they recur.
  for (const view of reading.sentences) {
    for (const token of view.tokens) {
      const entity = reading.acronyms.get(token.text);
      if (entity?.type !== 'Organization' || reading.isClaimed(token)) continue;
      entity.mentions.push(token);
      reading.claim('organization', token, entity);
    }
  }
}

/** The organization named at a span, if any. */
export function organizationAt(reading: Reading, span: Span): DraftEntity | undefined {
  const claim = reading.claims.find((c) => c.kind === 'organization' && c.start <= span.start && span.end <= c.end);
  return claim?.entity;
}
