/**
 * Forums, visits and meetings: names in quotes or with a head word ("Second friendly dialogue of
 * cross-border cooperation ...", "3rd Cross-Border Forum Kazakhstan-China", "EXPO China-Eurasia",
 * the "Africa 2018" forum), visits ("a visit of ... Ma Xingrui, to Kazakhstan") and meetings
 * ("X met Y"), with their edition and series, date, place, and the regions they involve. Later
 * references ("the forum", "the event", "at the meeting") resolve to the forum last named.
 */
import { ForumKind } from '../entity/entity.enums';
import { covering, type DraftEntity, overlaps, type Span } from './draft';
import { SAME_DAY } from './dates';
import { parseOrdinal, ORDINAL_PATTERN } from './numbers';
import { officialsIn } from './officials';
import { regionOf } from './places';
import { type Reading, type SentenceView } from './reading';
import { fold } from './text';

const HEADS: Record<string, ForumKind> = {
  forum: ForumKind.CONFERENCE,
  dialogue: ForumKind.DIALOGUE,
  dialog: ForumKind.DIALOGUE,
  summit: ForumKind.SUMMIT,
  conference: ForumKind.CONFERENCE,
  congress: ForumKind.CONFERENCE,
  symposium: ForumKind.CONFERENCE,
  roundtable: ForumKind.CONFERENCE,
  expo: ForumKind.OTHER,
  exhibition: ForumKind.OTHER,
  fair: ForumKind.OTHER,
  festival: ForumKind.OTHER,
  week: ForumKind.OTHER,
  meeting: ForumKind.MEETING,
  session: ForumKind.MEETING,
  talks: ForumKind.MEETING,
  visit: ForumKind.VISIT,
};
const HEAD_WORDS = Object.keys(HEADS).join('|');
/** Words that refer back to a forum: "the forum", "the event", "at the meeting". */
const ANAPHOR = new RegExp(`\\b(?:the|this|that)\\s+(${HEAD_WORDS}|event|gathering|ceremony|expo|exhibition)\\b`, 'gi');

function kindOf(name: string): ForumKind {
  const words = fold(name).split(' ');
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const kind = HEADS[words[i] ?? ''];
    if (kind) return kind;
  }
  return ForumKind.OTHER;
}

export interface ForumMention {
  readonly forum: DraftEntity;
  readonly span: Span;
}

function edition(name: string, before: string): number | undefined {
  const first = /^(\S+)\s/.exec(name)?.[1];
  const fromName = first ? parseOrdinal(first) : undefined;
  if (fromName) return fromName;
  const match = new RegExp(
    `\\b(${ORDINAL_PATTERN})\\s+(?:edition|session|meeting|round)\\s+of\\s+(?:the\\s+)?[^.]{0,60}$`,
    'i',
  ).exec(before);
  return match?.[1] ? parseOrdinal(match[1]) : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The date a forum took place: stated in its sentence, or earlier in its paragraph ("On Tuesday (28 March) ..."). */
export function dateNear(reading: Reading, view: SentenceView, at: number): { value: string; span: Span } | undefined {
  const paragraph = reading.sentences.filter(
    (v) => v.sentence.paragraph === view.sentence.paragraph && v.sentence.start <= view.sentence.start,
  );
  const own = view.dates.filter(
    (date) => !/^\d{4}$/.test(date.text) || reading.between(view, date.start - 5, date.start).includes('in'),
  );
  const sameDay = SAME_DAY.exec(view.sentence.text);
  if (own.length > 0) {
    const nearest = [...own].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
    if (nearest) return { value: nearest.value, span: nearest };
  }
  if (sameDay) {
    const earlier = reading.sentences
      .filter((v) => v.sentence.start < view.sentence.start)
      .flatMap((v) => v.dates)
      .filter((d) => d.value.length === 10);
    const last = earlier.at(-1);
    if (last)
      return {
        value: last.value,
        span: {
          start: view.sentence.start + sameDay.index,
          end: view.sentence.start + sameDay.index + sameDay[0].length,
        },
      };
  }
  for (const earlier of [...paragraph].reverse()) {
    if (earlier === view) continue;
    const date = earlier.dates.find((d) => d.value.length >= 7);
    if (date) return { value: date.value, span: date };
  }
  return undefined;
}

function addForum(
  reading: Reading,
  view: SentenceView,
  name: string,
  span: Span,
  quote: Span,
  confidence: number,
  kind?: ForumKind,
): DraftEntity {
  const before = reading.article.text.slice(Math.max(view.sentence.start, span.start - 120), span.start);
  const number = edition(name, before);
  const fields: Record<string, unknown> = { name, kind: kind ?? kindOf(name) };
  if (number) fields.edition = number;
  const date = dateNear(reading, view, span.start);
  if (date) fields.date = date.value;
  const key = fold(name.replace(new RegExp(`^${ORDINAL_PATTERN}\\s+`, 'i'), ''));
  const forum = reading.draft.add('Forum', key, fields, quote, span, confidence);
  forum.notes.kind = fields.kind;
  reading.claim('forum', span, forum);
  if (number && forum.mentions.length === 1) {
    const seriesName = capitalise(name.replace(new RegExp(`^(?:the\\s+)?${ORDINAL_PATTERN}\\s+`, 'i'), '').trim());
    if (fold(seriesName) !== fold(name) && seriesName.split(' ').length >= 2) {
      const series = reading.draft.add(
        'Forum',
        `series:${fold(seriesName)}`,
        { name: seriesName, kind: ForumKind.SERIES },
        quote,
        span,
        0.6,
      );
      reading.draft.tie('IN_SERIES', forum, series, quote, 0.7);
    }
  }
  return forum;
}

/** Regions named inside a forum's name are the parties it involves ("Forum Kazakhstan-China"). */
function involveNamed(reading: Reading, view: SentenceView, forum: DraftEntity, span: Span): void {
  for (const hit of view.hits) {
    if (hit.entry.type !== 'Region' || hit.start < span.start || hit.end > span.end) continue;
    const region = regionOf(reading, hit.entry, hit, false, 0.8, hit.demonym);
    // "... Autonomous Region (XUAR) of the People's Republic of China": the country of a region named is not a party.
    const preceding = reading.article.text.slice(Math.max(span.start, hit.start - 40), hit.start);
    if (/\)?\s+of\s+(?:the\s+)?$/.test(preceding) && /(?:region|\))\s+of\s+(?:the\s+)?$/i.test(preceding)) continue;
    reading.draft.tie('INVOLVES', forum, region, span, 0.75);
  }
  for (const claim of reading.claims) {
    if (claim.kind === 'region' && claim.entity && claim.start >= span.start && claim.end <= span.end) {
      reading.draft.tie('INVOLVES', forum, claim.entity, span, 0.75);
    }
  }
}

/** "held on June 26 in Ürümqi, China", "kicked off in Ürümqi": the place after the forum in its sentence. */
function heldIn(reading: Reading, view: SentenceView, forum: DraftEntity, span: Span): void {
  const after = reading.article.text.slice(span.end, view.sentence.end);
  const match =
    /^(?:[^.;]{0,80}?\b(?:held|took place|opened|kicked off|convened|hosted|organi[sz]ed|staged|began|started|ended|concluded|closed|underway|under way|is being held|was held))?[^.;]{0,40}?\bin\s+(?:the\s+)?/i.exec(
      after,
    );
  if (!match) return;
  const start = span.end + match[0].length;
  const hit = view.hits.find((h) => h.start === start && h.entry.type === 'Region' && !h.demonym);
  if (!hit) return;
  const place = regionOf(reading, hit.entry, hit, true, 0.85);
  reading.draft.tie('HELD_IN', forum, place, covering(span, hit), 0.8);
  if (!forum.notes.place) forum.notes.place = place;
}

const QUOTED = /[“"]([^“”"]{3,300})[”"]|(?<![\p{L}])['‘]([^'‘’]{3,120})['’](?![\p{L}])/gu;

function namedForums(reading: Reading, view: SentenceView): void {
  const text = reading.article.text;
  // A name in quotes with a forum word in it, or followed by one: the "Africa 2018" forum.
  for (const match of view.sentence.text.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? '';
    const innerStart = view.sentence.start + match.index + match[0].indexOf(inner);
    const innerSpan = { start: innerStart, end: innerStart + inner.length };
    const following = new RegExp(`^[”"'’]?\\s+(${HEAD_WORDS})\\b`, 'i').exec(
      text.slice(innerSpan.end, innerSpan.end + 20),
    );
    const inside = new RegExp(`\\b(?:${HEAD_WORDS})\\b`, 'i').test(inner);
    if (!inside && !following) continue;
    if (!/^[\p{Lu}\d]/u.test(inner)) continue;
    const quote = following ? { start: innerSpan.start, end: innerSpan.end + following[0].length } : innerSpan;
    const name = inner.trim();
    const kind = following ? HEADS[(following[1] ?? '').toLowerCase()] : undefined;
    const forum = addForum(reading, view, name, innerSpan, quote, 0.9, kind);
    involveNamed(reading, view, forum, innerSpan);
    heldIn(reading, view, forum, quote);
  }
  // A capitalised run with a head word: "3rd Cross-Border Forum Kazakhstan-China", "EXPO China-Eurasian".
  for (const run of view.runs) {
    const span = { start: run.start, end: run.end };
    if (reading.isClaimed(span, ['forum', 'person'])) continue;
    const tokens = view.tokens.slice(run.from, run.to);
    const heads = tokens.filter(
      (token) =>
        HEADS[token.folded] && /^[\p{Lu}]/u.test(token.text) && token.folded !== 'visit' && token.folded !== 'talks',
    );
    if (heads.length === 0) continue;
    // An organization's name may open a forum's ("EU-Central Asia Investment Conference"), not hold its head word.
    if (heads.some((head) => reading.isClaimed(head, ['organization']))) continue;
    const others = tokens.filter(
      (token) =>
        !HEADS[token.folded] &&
        parseOrdinal(token.text) === undefined &&
        !['of', 'the', 'on', 'for', 'and'].includes(token.folded),
    );
    if (others.length === 0) continue;
    const name = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const forum = addForum(reading, view, name, span, span, 0.85);
    involveNamed(reading, view, forum, span);
    heldIn(reading, view, forum, span);
  }
}

const VISIT_OF = /\b(?:(?:state|official|working|first|historic)\s+)?visit\s+of\s+/gi;

function visits(reading: Reading, view: SentenceView): void {
  const text = reading.article.text;
  const officials = officialsIn(reading, view);
  // "a visit of <someone> to <place>", "<someone>'s visit to <place>", "<someone> visited <place>"
  for (const match of view.sentence.text.matchAll(VISIT_OF)) {
    const start = view.sentence.start + match.index;
    const rest = text.slice(start, view.sentence.end);
    const to = /\s+to\s+(?:the\s+)?/g;
    let destination: ReturnType<typeof view.hits.find>;
    let toAt = -1;
    for (const m of rest.matchAll(to)) {
      const at = start + m.index + m[0].length;
      destination = view.hits.find((h) => h.start === at && h.entry.type === 'Region');
      if (destination) {
        toAt = start + m.index;
        break;
      }
    }
    if (!destination) continue;
    const visitor = officials.find((o) => o.span.start > start && o.span.end <= toAt) ?? undefined;
    if (!visitor) continue;
    const span = { start, end: destination.end };
    const name = `Visit of ${String(visitor.official.fields.name)} to ${destination.entry.name}`;
    recordVisit(reading, view, name, span, visitor.official, visitor.span, destination);
  }
  for (const { official, span: officialSpan } of officials) {
    const after = text.slice(officialSpan.end, view.sentence.end);
    const match =
      /^(?:[’']s\s+(?:(?:state|official|working|first|historic|two-day|three-day)\s+)*visit\s+to|\s+(?:visited|is visiting|was visiting|arrived in|paid (?:a|an) (?:(?:state|official|working)\s+)?visit to|made (?:a|an) (?:(?:state|official|working)\s+)?visit to|(?:is|was) on (?:a|an) (?:(?:state|official|working)\s+)?visit to))\s+(?:the\s+)?/i.exec(
        after,
      );
    if (!match) continue;
    const at = officialSpan.end + match[0].length;
    const destination = view.hits.find((h) => h.start === at && h.entry.type === 'Region');
    if (!destination) continue;
    const name = `Visit of ${String(official.fields.name)} to ${destination.entry.name}`;
    recordVisit(
      reading,
      view,
      name,
      { start: officialSpan.start, end: destination.end },
      official,
      officialSpan,
      destination,
    );
  }
}

function recordVisit(
  reading: Reading,
  view: SentenceView,
  name: string,
  span: Span,
  visitor: DraftEntity,
  visitorSpan: Span,
  destination: NonNullable<ReturnType<SentenceView['hits']['find']>>,
): void {
  const fields: Record<string, unknown> = { name, kind: ForumKind.VISIT };
  const date = dateNear(reading, view, span.start);
  if (date) fields.date = date.value;
  const visit = reading.draft.add('Forum', fold(name), fields, span, span, 0.8);
  visit.notes.kind = ForumKind.VISIT;
  const place = regionOf(reading, destination.entry, destination, true, 0.9);
  reading.draft.tie('HELD_IN', visit, place, span, 0.8);
  reading.draft.tie('INVOLVES', visit, place, span, 0.75);
  const home = visitor.notes.country as DraftEntity | undefined;
  const positions =
    (visitor.notes.positions as { organization?: DraftEntity; country?: DraftEntity }[] | undefined) ?? [];
  const party = positions.find((p) => p.organization)?.organization;
  const homeRegion =
    positions.map((p) => p.organization?.notes.basedIn as DraftEntity | undefined).find((r) => r && r !== place) ??
    home;
  if (homeRegion && homeRegion !== place) reading.draft.tie('INVOLVES', visit, homeRegion, span, 0.6);
  reading.draft.tie('ATTENDED', visitor, visit, covering(span, visitorSpan), 0.8, {
    role: 'visiting official',
    ...(party ? { onBehalfOf: party } : {}),
  });
  // "The forum was held alongside a visit ...": the two events were held together.
  const before = reading.article.text.slice(view.sentence.start, span.start);
  const alongside =
    /\b(?:held|took place)\s+(?:alongside|during|on the sidelines of|in conjunction with)\s+(?:a|an|the)?\s*(?:(?:state|official|working)\s+)?$/i.exec(
      before,
    );
  if (alongside) {
    const other = forumReferences(reading, view).find(
      (ref) => ref.span.end <= view.sentence.start + alongside.index + 1 && ref.forum !== visit,
    );
    if (other) reading.draft.tie('HELD_ALONGSIDE', other.forum, visit, covering(other.span, span), 0.75);
  }
}

/** "X met Y", "talks between X and Y": a meeting of two officials the text names. */
function meetings(reading: Reading, view: SentenceView): void {
  const text = reading.article.text;
  const officials = officialsIn(reading, view);
  for (let i = 0; i + 1 < officials.length; i += 1) {
    const a = officials[i];
    const b = officials[i + 1];
    if (!a || !b || a.official === b.official) continue;
    const between = text.slice(a.span.end, b.span.start);
    if (
      !/^[^.;]{0,40}\b(?:met|meets|meeting with|held talks with|holds talks with|talks with|received|receives|hosted)\b[^.;]{0,80}$/i.test(
        between,
      )
    )
      continue;
    if (between.length > 120) continue;
    const span = covering(a.span, b.span);
    const name = `Meeting of ${String(a.official.fields.name)} and ${String(b.official.fields.name)}`;
    const fields: Record<string, unknown> = { name, kind: ForumKind.MEETING };
    const date = dateNear(reading, view, span.start);
    if (date) fields.date = date.value;
    const meeting = reading.draft.add('Forum', fold(name), fields, span, span, 0.6);
    meeting.notes.kind = ForumKind.MEETING;
    reading.draft.tie('ATTENDED', a.official, meeting, span, 0.6, { role: 'participant' });
    reading.draft.tie('ATTENDED', b.official, meeting, span, 0.6, { role: 'participant' });
  }
}

/** Drafts the forums of the text. */
export function findForums(reading: Reading): void {
  for (const view of reading.sentences) {
    namedForums(reading, view);
    visits(reading, view);
    meetings(reading, view);
  }
}

/** The forums a sentence names or refers to ("the forum", "the event"), in order. */
export function forumReferences(reading: Reading, view: SentenceView): ForumMention[] {
  const out: ForumMention[] = [];
  for (const claim of reading.claims) {
    if (
      claim.kind === 'forum' &&
      claim.entity &&
      claim.start >= view.sentence.start &&
      claim.end <= view.sentence.end
    ) {
      out.push({ forum: claim.entity, span: { start: claim.start, end: claim.end } });
    }
  }
  for (const forum of reading.draft.ofType('Forum')) {
    for (const mention of forum.mentions) {
      if (
        mention.start >= view.sentence.start &&
        mention.end <= view.sentence.end &&
        !out.some((o) => o.forum === forum && overlaps(o.span, mention))
      ) {
        out.push({ forum, span: mention });
      }
    }
  }
  for (const match of view.sentence.text.matchAll(ANAPHOR)) {
    const span = { start: view.sentence.start + match.index, end: view.sentence.start + match.index + match[0].length };
    if (out.some((o) => overlaps(o.span, span))) continue;
    const word = (match[1] ?? '').toLowerCase();
    const forum = lastForumBefore(reading, span.start, word);
    if (forum) out.push({ forum, span });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The forum last named before an offset; with a head word, the last one of that kind if any. */
export function lastForumBefore(reading: Reading, offset: number, word?: string): DraftEntity | undefined {
  const forums = reading.draft.ofType('Forum').filter((forum) => forum.fields.kind !== ForumKind.SERIES);
  const named = forums
    .map((forum) => ({
      forum,
      at: Math.max(...forum.mentions.filter((m) => m.start < offset).map((m) => m.start), -1),
    }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => b.at - a.at);
  if (word) {
    const kind = HEADS[word];
    const folded = word.toLowerCase();
    const byWord = named.find(
      (entry) =>
        fold(String(entry.forum.fields.name)).split(' ').includes(folded) ||
        (folded === 'exhibition' && /\bexpo\b/.test(fold(String(entry.forum.fields.name)))),
    );
    if (byWord) return byWord.forum;
    if (kind === ForumKind.VISIT) return named.find((entry) => entry.forum.fields.kind === ForumKind.VISIT)?.forum;
    // "the event" and "the forum" are the main gathering, not a visit held alongside it.
    const main = named.find((entry) => entry.forum.fields.kind !== ForumKind.VISIT);
    if (main) return main.forum;
  }
  return named[0]?.forum;
}
