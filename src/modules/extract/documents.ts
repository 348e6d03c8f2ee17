/**
 * Documents, and groups of documents a text counts without listing them: "16 different
 * documents", "six interregional agreements, five memoranda of understanding, and five commercial
 * agreements totalling a value of $565m", "a $1 billion agreement with the World Bank", "the
 * Mangoky River Bridge Project Agreement with Madagascar". Each has a kind, a count, a value, the
 * parties it binds, the forum it was signed at, and the group it is part of.
 */
import { DocumentKind, DocumentStatus, ValueQualifier } from '../entity/entity.enums';
import { covering, type DraftEntity, overlaps, type Span } from './draft';
import { dateNear, forumReferences } from './forums';
import { type Money, NUMBER_DIGITS, NUMBER_WORDS, parseNumber } from './numbers';
import { type Reading, type SentenceView } from './reading';

const NOUN_SINGULAR = String.raw`memorandum\s+of\s+understanding|memorandum|MoU|MOU|agreement|document|contract|deal|accord|protocol|treaty|declaration|road\s?map|joint\s+statement|letter\s+of\s+intent|convention|charter`;
const NOUN_PLURAL = String.raw`memoranda\s+of\s+understanding|memorandums\s+of\s+understanding|memoranda|memorandums|MoUs|MOUs|agreements|documents|contracts|deals|accords|protocols|treaties|declarations|road\s?maps|joint\s+statements|letters\s+of\s+intent|conventions|charters`;
/** Words between a count and its noun: "six interregional agreements", "17 cooperation documents". */
const MODIFIER = String.raw`(?:(?!(?:of|the|and|or|were|was|are|is|have|has|had|with|worth|in|on|for|to|at|by|which|that|also|been|be)\b)[\p{L}][\p{L}-]*\s+){0,3}`;
const COUNT = `(${NUMBER_DIGITS}|${NUMBER_WORDS})`;
const COUNTED = new RegExp(
  `(?<![\\p{L}\\p{N}$€£¥.,])(?:(the|a total of|of the|another|some|over|more than|about|nearly|almost|around)\\s+)?${COUNT}\\s+(${MODIFIER})(${NOUN_PLURAL})\\b`,
  'giu',
);
const SINGLE = new RegExp(
  `\\b(a|an|another|one|the)\\s+(?:([$€£¥]\\s?[\\d.,]+\\s?(?:billion|bn|million|mln|m|trillion)?|(?:US\\s?)?\\$\\s?[\\d.,]+\\s?(?:billion|bn|million|mln|m)?)\\s+)?(${MODIFIER})(${NOUN_SINGULAR})\\b`,
  'giu',
);
const BARE_PLURAL = new RegExp(
  `\\b(?:signed|concluded|inked|sealed|reached)\\s+(${MODIFIER})(${NOUN_PLURAL})\\b`,
  'giu',
);
const DEFINITE_PLURAL = new RegExp(`\\b(?:the|these|those|all)\\s+(${MODIFIER})(${NOUN_PLURAL})\\b`, 'giu');
const TITLE_NOUN =
  /^(?:agreement|memorandum|treaty|accord|protocol|declaration|convention|charter|roadmap|contract|programme|program)$/i;

export function documentKind(noun: string, modifiers: string): DocumentKind {
  const n = noun.toLowerCase().replace(/\s+/g, ' ');
  const m = modifiers.toLowerCase();
  if (/^(?:memorand|mou)/.test(n)) return DocumentKind.MEMORANDUM_OF_UNDERSTANDING;
  if (/^(?:contract)/.test(n)) return DocumentKind.CONTRACT;
  if (/^(?:treat)/.test(n)) return DocumentKind.TREATY;
  if (/^(?:protocol)/.test(n)) return DocumentKind.PROTOCOL;
  if (/^(?:joint statement|declaration)/.test(n)) return DocumentKind.JOINT_STATEMENT;
  if (/^(?:document)/.test(n)) return DocumentKind.PACKAGE;
  if (/\b(?:inter-?regional|interregional)\b/.test(m)) return DocumentKind.INTERREGIONAL_AGREEMENT;
  if (/\b(?:commercial|business|export|supply|purchase|sales?)\b/.test(m) || /^deal/.test(n))
    return DocumentKind.COMMERCIAL_AGREEMENT;
  if (/\b(?:trade|free-trade|free trade)\b/.test(m)) return DocumentKind.TRADE_AGREEMENT;
  return DocumentKind.AGREEMENT;
}

interface Group {
  readonly entity: DraftEntity;
  readonly count: number | undefined;
  readonly kind: DocumentKind;
  readonly span: Span;
  readonly definite: boolean;
  amount?: number;
  currency?: string;
  parent?: DraftEntity;
}

/** Money stated for a document just after its noun: "worth $629mln", "totalling a value of $565m", "all totaling at US $3.5 billion". */
function valueAfter(reading: Reading, view: SentenceView, end: number, others: readonly Span[]): Money | undefined {
  for (const money of view.money) {
    if (money.start < end) continue;
    const between = reading.article.text.slice(end, money.start);
    if (between.length > 220 || /[;]|\.\s/.test(between)) return undefined;
    // Another group between the noun and the money takes the money itself.
    if (others.some((span) => span.start >= end && span.start < money.start)) return undefined;
    // A document of its own between them ("... and a loan agreement worth ...") takes the money.
    if (
      new RegExp(
        `\\b(?:a|an|another|one|the|\\d+)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${NOUN_SINGULAR}|${NOUN_PLURAL})\\b`,
        'iu',
      ).test(between)
    )
      return undefined;
    const strong =
      /(?:worth|valued at|value of|totall?ing(?:\s+at)?|totall?ed|in total|amounting to|amount of|investments? of|cost of|total of)\s*(?:a\s+)?(?:total\s+(?:value\s+)?of\s+)?(?:some|about|around|over|more than|nearly|almost|up to)?\s*$/i;
    const weak = /^\s*,?\s*(?:at|for|of|with)\s*$/i;
    if (strong.test(between) || weak.test(between)) return money;
    return undefined;
  }
  return undefined;
}

/** A quote for facts stated in one sentence: the spans' cover, or the last span alone when they are in different sentences. */
function sentenceQuote(reading: Reading, ...spans: Span[]): Span {
  const cover = covering(...spans);
  const view = reading.viewAt(cover.start);
  if (view && cover.end <= view.sentence.end) return cover;
  return spans[spans.length - 1] as Span;
}

/** Money written before a document noun: "a $1 billion agreement", "$629mln worth of agreements". */
function valueBefore(view: SentenceView, start: number, reading: Reading): Money | undefined {
  return view.money.find(
    (money) =>
      money.end <= start &&
      money.end >= start - 20 &&
      /^\s*(?:worth of\s+|in\s+)?(?:[\p{L}-]+\s+){0,2}$/u.test(reading.article.text.slice(money.end, start)),
  );
}

function moneyField(money: Money, reading?: Reading): Record<string, unknown> {
  reading?.usedAmounts.add(money.start);
  return { amount: money.amount, currency: money.currency, qualifier: money.qualifier ?? ValueQualifier.EXACT };
}

/** Regions and organizations named in a range of the text: the parties of a document. */
function partiesIn(
  reading: Reading,
  view: SentenceView,
  from: number,
  to: number,
): { entity: DraftEntity; span: Span }[] {
  const out: { entity: DraftEntity; span: Span }[] = [];
  for (const claim of reading.claims) {
    if (!claim.entity || claim.start < from || claim.end > to) continue;
    if (claim.kind === 'organization' || claim.kind === 'region') out.push({ entity: claim.entity, span: claim });
  }
  for (const region of reading.draft.ofType('Region')) {
    for (const mention of region.mentions) {
      if (
        mention.start >= from &&
        mention.end <= to &&
        !reading.isClaimed(mention, ['organization', 'forum', 'document'])
      ) {
        out.push({ entity: region, span: mention });
      }
    }
  }
  const seen = new Set<DraftEntity>();
  return out
    .sort((a, b) => a.span.start - b.span.start)
    .filter((party) => {
      // A party inside another party's name ("Egypt" in "Telecom Egypt") is that party's, not the document's.
      if (
        out.some(
          (other) =>
            other !== party &&
            other.span.start <= party.span.start &&
            party.span.end <= other.span.end &&
            other.span.end - other.span.start > party.span.end - party.span.start,
        )
      )
        return false;
      if (seen.has(party.entity)) return false;
      seen.add(party.entity);
      return true;
    });
}

/** "between A and B", "with A": the parties after a document's noun, up to the end of the clause. */
function namedParties(reading: Reading, view: SentenceView, end: number): { entity: DraftEntity; span: Span }[] {
  const text = reading.article.text;
  const rest = text.slice(end, view.sentence.end);
  const match = /^(?:[^.;]{0,60}?)\b(between|with)\s+/i.exec(rest);
  if (!match) return [];
  const lead = match[0].trimEnd().replace(/\s*(?:between|with)$/i, '');
  if (/\b(?:including|includes|included|of which|among)\b/i.test(lead)) return [];
  if (/\b(?:worth|valued|for|on|to|in the field)\b/i.test(lead) && lead.length > 40) return [];
  const from = end + match.index + match[0].length;
  const stops =
    /(?:\s+(?:for|on|to|in|worth|valued|at|which|that|aimed|aiming|under|within|including|signed|was|were|with an)\b|[.;:(]|,\s*(?:for|which|including|and\s+(?:a|an|another|the)\s+(?:memorand|agreement|contract|concession)))/gi;
  let to = view.sentence.end;
  for (const stop of text.slice(from, view.sentence.end).matchAll(stops)) {
    const at = from + stop.index;
    if (
      reading.claims.some(
        (claim) => (claim.kind === 'organization' || claim.kind === 'region') && claim.start < at && at < claim.end,
      )
    )
      continue;
    to = at;
    break;
  }
  // The parties of the next document named in a list are that document's.
  const next = reading.claims
    .filter((claim) => claim.kind === 'document' && claim.start >= from && claim.start < to)
    .sort((a, b) => a.start - b.start)[0];
  if (next) to = next.start;
  return partiesIn(reading, view, from, to);
}

/** Parties that sign before the verb: "Kazakh and Chinese business leaders signed", "The ... Authority signed". */
function subjectParties(reading: Reading, view: SentenceView, start: number): { entity: DraftEntity; span: Span }[] {
  const text = reading.article.text;
  const before = text.slice(view.sentence.start, start);
  const verb = /\b(?:signed|concluded|inked|sealed|agreed|reached)\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(before);
  if (!verb) return [];
  const clauseStart = Math.max(
    view.sentence.start,
    view.sentence.start +
      Math.max(before.lastIndexOf(',', verb.index), before.lastIndexOf(' that ', verb.index) + 5, 0),
  );
  return partiesIn(reading, view, clauseStart, view.sentence.start + verb.index);
}

function groupName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface DocumentLayer {
  readonly groups: Group[];
}

/** Drafts the documents of the text. */
export function findDocuments(reading: Reading): DocumentLayer {
  const text = reading.article.text;
  const groups: Group[] = [];
  let lastSubject: { entity: DraftEntity; span: Span }[] = [];
  let counter = 0;

  const addGroup = (
    view: SentenceView,
    span: Span,
    nameSpan: Span,
    count: number | undefined,
    kind: DocumentKind,
    definite: boolean,
    money: Money | undefined,
    extra: Record<string, unknown> = {},
  ): Group => {
    // The same group again: "Of the 30 agreements", or "17 documents worth $629.1 million" after
    // "a number of documents worth $629.1 million".
    const same = groups.find((group) => {
      const sameValue =
        money &&
        group.amount !== undefined &&
        Math.abs(group.amount - money.amount) <= 0.01 * money.amount &&
        group.currency === money.currency;
      if (
        count !== undefined &&
        group.count === count &&
        (group.kind === kind || kind === DocumentKind.AGREEMENT || group.kind === DocumentKind.AGREEMENT)
      ) {
        return definite || sameValue || (!money && group.amount === undefined && definite);
      }
      if (sameValue && (group.count === undefined || count === undefined || group.count === count)) {
        reading.usedAmounts.add(money.start);
        return true;
      }
      return false;
    });
    if (same) {
      same.entity.mentions.push(span);
      if (count !== undefined && same.count === undefined) {
        same.entity.fields.count = count;
        same.entity.quote = span;
        (same as { count: number | undefined }).count = count;
        same.entity.fields.name = groupName(text.slice(nameSpan.start, nameSpan.end));
      }
      if (money && same.amount === undefined) {
        same.entity.fields.value = moneyField(money, reading);
        same.amount = money.amount;
        same.currency = money.currency;
        same.entity.quote =
          covering(same.entity.quote, money).end - covering(same.entity.quote, money).start < 300 &&
          view === reading.viewAt(same.entity.quote.start)
            ? covering(same.entity.quote, money)
            : span;
      }
      return same;
    }
    const fields: Record<string, unknown> = {
      name: groupName(text.slice(nameSpan.start, nameSpan.end)),
      kind,
      ...(count !== undefined ? { count } : {}),
      ...extra,
    };
    if (money) fields.value = moneyField(money, reading);
    if (
      /\b(?:will|would|to be|are to|is to|expected to|plan(?:s|ned)? to|intend(?:s|ed)? to)\s+(?:be\s+)?(?:sign|conclud|ink)/i.test(
        view.sentence.text,
      )
    )
      fields.status = DocumentStatus.ANNOUNCED;
    counter += 1;
    const entity = reading.draft.add(
      'Document',
      `doc:${counter}`,
      fields,
      span,
      span,
      count !== undefined || money ? 0.8 : 0.55,
    );
    reading.claim('document', nameSpan, entity);
    const group: Group = { entity, count, kind, span, definite, amount: money?.amount, currency: money?.currency };
    groups.push(group);
    return group;
  };

  for (const view of reading.sentences) {
    const found: Group[] = [];
    const s = view.sentence;
    // Titled documents: "the Mangoky River Bridge Project Agreement".
    for (const run of view.runs) {
      const last = view.tokens[run.to - 1];
      if (
        !last ||
        !TITLE_NOUN.test(last.text) ||
        run.to - run.from < 3 ||
        reading.isClaimed(run, ['organization', 'forum', 'person'])
      )
        continue;
      if (!/^[\p{Lu}]/u.test(last.text)) continue;
      const span = { start: run.start, end: run.end };
      const title = groupName(text.slice(span.start, span.end));
      const group = addGroup(view, span, span, 1, documentKind(last.text, title), false, undefined, { title });
      group.entity.fields.name = title;
      found.push(group);
    }
    const counted = [...s.text.matchAll(COUNTED)].map((match) => {
      const [whole, determiner = '', countText = ''] = match;
      return {
        match,
        nameSpan: {
          start: s.start + match.index + whole.indexOf(countText),
          end: s.start + match.index + whole.length,
        },
        determiner,
      };
    });
    const candidateSpans = counted.map((c) => c.nameSpan);
    for (const { match, nameSpan, determiner } of counted) {
      const [, , countText = '', modifiers = '', noun = ''] = match;
      const end = nameSpan.end;
      if (view.money.some((money) => overlaps(money, nameSpan))) continue;
      const count = parseNumber(countText);
      if (count === undefined || count < 1 || count > 100000) continue;
      const before = valueBefore(view, nameSpan.start, reading);
      const money = before ?? valueAfter(reading, view, end, candidateSpans);
      const span = money ? covering(nameSpan, money) : nameSpan;
      const definite = /^(?:the|of the)$/i.test(determiner);
      found.push(addGroup(view, span, nameSpan, count, documentKind(noun, modifiers), definite, money));
    }
    for (const match of s.text.matchAll(SINGLE)) {
      const [whole, determiner = '', , modifiers = '', noun = ''] = match;
      const start = s.start + match.index;
      const end = start + whole.length;
      if (
        found.some((group) => overlaps(group.span, { start, end })) ||
        reading.isClaimed({ start: end - noun.length, end }, ['document'])
      )
        continue;
      const before = view.money.find((money) => money.start >= start && money.end <= end);
      const money = before ?? valueAfter(reading, view, end, candidateSpans);
      const parties = namedParties(reading, view, end);
      const isNew = determiner.toLowerCase() !== 'the' || parties.length > 0;
      if (!isNew || (!money && parties.length === 0 && !/\b(?:signed|concluded|inked)\b/i.test(s.text))) continue;
      const nameSpan = { start: start + determiner.length + 1, end };
      const span = money ? covering({ start, end }, money) : { start, end };
      found.push(addGroup(view, span, nameSpan, 1, documentKind(noun, modifiers), false, money));
    }
    // "and agreement between Qazaq Camel LLP and ...": a singular noun with its parties, no article.
    for (const match of s.text.matchAll(
      new RegExp(`(?<=(?:,|\\band)\\s)(${MODIFIER})(${NOUN_SINGULAR})(?=\\s+between\\b)`, 'giu'),
    )) {
      const start = s.start + match.index;
      const end = start + match[0].length;
      if (found.some((group) => overlaps(group.span, { start, end }))) continue;
      const parties = namedParties(reading, view, end);
      if (parties.length < 2) continue;
      found.push(
        addGroup(
          view,
          { start, end },
          { start, end },
          1,
          documentKind(match[2] ?? '', match[1] ?? ''),
          false,
          undefined,
        ),
      );
    }
    for (const match of s.text.matchAll(BARE_PLURAL)) {
      const [whole, modifiers = '', noun = ''] = match;
      const nounStart = s.start + match.index + whole.length - noun.length - modifiers.length;
      const end = s.start + match.index + whole.length;
      if (found.some((group) => overlaps(group.span, { start: nounStart, end }))) continue;
      const money = valueAfter(reading, view, end, candidateSpans);
      const parties = namedParties(reading, view, end);
      if (!money && parties.length === 0 && !/\b(?:for|on)\s+(?:the\s+)?[\p{L}]/u.test(text.slice(end, end + 8)))
        continue;
      const span = money ? covering({ start: nounStart, end }, money) : { start: nounStart, end };
      found.push(
        addGroup(view, span, { start: nounStart, end }, undefined, documentKind(noun, modifiers), false, money),
      );
    }
    // "a number of documents worth 629.1 million US dollars were signed"
    for (const match of s.text.matchAll(
      new RegExp(
        `\\b(?:a number of|several|a series of|a package of|a raft of|dozens of|a range of)\\s+(${MODIFIER})(${NOUN_PLURAL})\\b`,
        'giu',
      ),
    )) {
      const [whole, modifiers = '', noun = ''] = match;
      const start = s.start + match.index;
      const end = start + whole.length;
      const money = valueAfter(reading, view, end, candidateSpans);
      if (!money) continue;
      found.push(
        addGroup(
          view,
          covering({ start, end }, money),
          { start, end },
          undefined,
          documentKind(noun, modifiers),
          false,
          money,
        ),
      );
    }
    // "$629mln worth of agreements" written before the noun, without a count.
    found.sort((a, b) => a.span.start - b.span.start);
    relate(reading, view, found, groups);
    // Parties, forum and date of each group found in this sentence.
    const subject = subjectParties(reading, view, found[0]?.span.start ?? s.end);
    const pronounSubject = /^(?:It|They)\s+(?:also\s+)?(?:signed|concluded|inked)\b/.test(s.text);
    const subjects = subject.length > 0 ? subject : pronounSubject ? lastSubject : [];
    if (subject.length > 0) lastSubject = subject;
    const forums = forumReferences(reading, view).filter(
      (ref) => ref.forum.fields.kind !== 'VISIT' && ref.forum.fields.kind !== 'SERIES',
    );
    for (const group of found) {
      if (group.parent && group.entity.notes.part) continue;
      const named = namedParties(reading, view, group.span.end);
      for (const party of [...named, ...subjects]) {
        if (party.entity.type !== 'Region' && party.entity.type !== 'Organization') continue;
        const quote = sentenceQuote(reading, party.span, group.span);
        reading.draft.tie(
          'BINDS',
          group.entity,
          party.entity,
          quote.start === group.span.start && quote.end === group.span.end && !named.includes(party)
            ? { start: s.start, end: group.span.end }
            : quote,
          named.includes(party) ? 0.75 : 0.6,
        );
      }
      if (named.length > 0 && group.count === 1 && String(group.entity.fields.name).split(' ').length <= 3) {
        const last = named.at(-1) as { span: Span };
        const nameEnd = last.span.end;
        const start = group.entity.mentions[0]?.start ?? group.span.start;
        if (nameEnd - start <= 160)
          group.entity.fields.name = groupName(text.slice(start, nameEnd)).replace(/^(?:a|an|the|another)\s+/i, '');
      }
      const forum = forums[0];
      if (forum) {
        reading.draft.tie('SIGNED_AT', group.entity, forum.forum, sentenceQuote(reading, forum.span, group.span), 0.75);
        if (forum.forum.fields.date && !group.entity.fields.signedOn)
          group.entity.fields.signedOn = forum.forum.fields.date;
      }
      if (!group.entity.fields.signedOn) {
        const date = dateNear(reading, view, group.span.start);
        if (date && date.value.length >= 7 && /\b(?:signed|concluded|inked|sealed)\b/i.test(s.text))
          group.entity.fields.signedOn = date.value;
      }
    }
    // "The agreements were signed on the sidelines of the ...": the group last named.
    for (const match of s.text.matchAll(DEFINITE_PLURAL)) {
      const start = s.start + match.index;
      const end = start + match[0].length;
      if (found.some((group) => overlaps(group.span, { start, end }))) continue;
      const target = [...groups].reverse().find((group) => !group.parent && group.span.start < start);
      if (!target) continue;
      target.entity.mentions.push({ start, end });
      reading.claim('document', { start, end }, target.entity);
      const forum = forums.find((ref) => ref.span.start > end);
      if (forum && /\b(?:signed|concluded|inked)\b/i.test(text.slice(end, forum.span.start))) {
        reading.draft.tie('SIGNED_AT', target.entity, forum.forum, covering({ start, end }, forum.span), 0.8);
        if (forum.forum.fields.date && !target.entity.fields.signedOn)
          target.entity.fields.signedOn = forum.forum.fields.date;
      }
    }
  }
  return { groups };
}

/**
 * How the groups of a sentence relate to those before: "The documents included six ..., five
 * ..." (parts of the last package), "Of the 30 agreements 19 ... and 11 ..." (parts by count),
 * "including a $1.25 billion agreement", "most notable of which was ...", "Among the major ones
 * are ..." (parts of the group just named).
 */
function relate(reading: Reading, view: SentenceView, found: Group[], groups: Group[]): void {
  const text = reading.article.text;
  const s = view.sentence;
  const earlier = (at: number): Group | undefined =>
    [...groups]
      .reverse()
      .find((group) => group.span.start < at && !found.includes(group) && group.count !== undefined && group.count > 1);
  // "The documents included ...": the sentence lists the parts of the group named before.
  const listing =
    /^(?:the|these|those)\s+(?:[\p{L}-]+\s+)?(?:documents|agreements|deals|contracts)\s+(?:included|include|comprised|comprise|consisted of|consist of|were|are)\b/iu.exec(
      s.text,
    );
  if (listing) {
    const parent = earlier(s.start + listing.index + 1);
    const anaphorSpan = { start: s.start, end: s.start + listing[0].length };
    if (parent) {
      parent.entity.mentions.push(anaphorSpan);
      for (const group of found) partOf(reading, group, parent, sentenceQuote(reading, anaphorSpan, group.span));
    }
  }
  for (const group of found) {
    if (group.parent || (group.count === undefined && group.amount === undefined)) continue;
    const before = text.slice(s.start, group.span.start);
    const including =
      /(?:including|includ(?:ed|es)|among them|among which|of which|most notable of which (?:was|were|is|are)|among the major ones (?:are|were)|notably|such as|in particular)\s*(?:[^.;]{0,200})$/i.exec(
        before,
      );
    if (!including) continue;
    const anchor = s.start + including.index;
    const parent = [...found, ...groups]
      .filter((g) => g !== group && g.span.start < anchor && (g.count ?? 0) > (group.count ?? 1))
      .sort((a, b) => b.span.start - a.span.start)[0];
    if (parent && parent.entity !== group.entity)
      partOf(reading, group, parent, sentenceQuote(reading, parent.span, group.span));
  }
  // "Of the 30 agreements 19 were signed on the first day and 11 on the second day"
  const ofThe = new RegExp(
    `^(?:of the|out of the|of these)\\s+${COUNT}\\s+([\\p{L}\\s-]{0,40}?)(?:agreements|documents|contracts|deals|memoranda|memorandums)\\b,?`,
    'iu',
  ).exec(s.text);
  if (ofThe) {
    const parentCount = parseNumber(ofThe[1] ?? '');
    const parent =
      found.find((group) => group.count === parentCount) ?? groups.find((group) => group.count === parentCount);
    if (parent && parentCount !== undefined) {
      const clauseEnd = s.text.search(/,\s*(?:most|of which|including|with|while)\b|;/);
      const clause = s.text.slice(ofThe[0].length, clauseEnd < 0 ? undefined : clauseEnd);
      const offset = s.start + ofThe[0].length;
      for (const m of clause.matchAll(
        new RegExp(`(?<![\\p{L}\\p{N}$.,])${COUNT}(?=\\s+(?:were|was|on|in|at|by|with|during|of)\\b)`, 'giu'),
      )) {
        const n = parseNumber(m[1] ?? '');
        if (n === undefined || n >= parentCount || n < 1) continue;
        const span = { start: offset + m.index, end: offset + m.index + (m[1] ?? '').length };
        const tail = /^(?:(?!\s+and\s)[^,;.])*/.exec(text.slice(span.end, s.end))?.[0] ?? '';
        const quote = { start: span.start, end: span.end + tail.length };
        addPart(reading, view, parent, n, quote, groups);
      }
    }
  }
  // "including three with Egypt": a count and its parties, no noun.
  for (const m of s.text.matchAll(new RegExp(`\\bincluding\\s+${COUNT}\\s+(with|between)\\s+`, 'giu'))) {
    const n = parseNumber(m[1] ?? '');
    const at = s.start + m.index;
    const parent = [...found, ...groups]
      .filter((g) => g.span.start < at && (g.count ?? 0) > (n ?? 0))
      .sort((a, b) => b.span.start - a.span.start)[0];
    if (!parent || n === undefined) continue;
    const numberStart = at + m[0].indexOf(m[1] ?? '');
    const stop = /[,;.]|\s+(?:for|on|to)\s/.exec(text.slice(numberStart, s.end));
    const quote = { start: numberStart, end: stop ? numberStart + stop.index : s.end };
    const part = addPart(reading, view, parent, n, quote, groups);
    const parties = partiesIn(reading, view, numberStart, quote.end);
    for (const party of parties) reading.draft.tie('BINDS', part.entity, party.entity, quote, 0.7);
  }
}

function addPart(
  reading: Reading,
  view: SentenceView,
  parent: Group,
  count: number,
  quote: Span,
  groups: Group[],
): Group {
  const fields: Record<string, unknown> = {
    name: reading.article.text.slice(quote.start, quote.end).replace(/\s+/g, ' '),
    kind: parent.kind,
    count,
  };
  const entity = reading.draft.add('Document', `doc:part:${quote.start}`, fields, quote, quote, 0.7);
  if (parent.entity.fields.signedOn) entity.fields.signedOn = parent.entity.fields.signedOn;
  entity.notes.part = true;
  const group: Group = { entity, count, kind: parent.kind, span: quote, definite: false };
  groups.push(group);
  partOf(reading, group, parent, quote);
  void view;
  return group;
}

function partOf(reading: Reading, group: Group, parent: Group, quote: Span): void {
  if (group.entity === parent.entity) return;
  group.parent = parent.entity;
  reading.draft.tie('PART_OF', group.entity, parent.entity, quote, 0.7);
  if (parent.entity.fields.kind !== 'PACKAGE' && parent.kind === DocumentKind.PACKAGE)
    parent.entity.fields.kind = DocumentKind.PACKAGE;
}
