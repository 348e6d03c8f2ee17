/**
 * Figures: amounts that are not a document's value (trade volumes, exports and imports, offers,
 * investments, targets), lengths and areas, and counts of participants ("17 Kazakh regions"),
 * with their qualifier ("over", "almost", "up to"), change ("+33.5%", "tripled"), period ("last
 * year" against the published date), the regions they concern, who stated them and where.
 */
import { FigureMetric, ValueQualifier } from '../entity/entity.enums';
import { covering, type DraftEntity, type Span, textOf } from './draft';
import { forumReferences } from './forums';
import { NUMBER_DIGITS, NUMBER_WORDS, parseNumber } from './numbers';
import { officialsIn } from './officials';
import { isCountry } from './places';
import { type Reading, type SentenceView } from './reading';

const METRIC_WORDS: [RegExp, FigureMetric][] = [
  [/\b(?:trade|turnover|commerce)\b/gi, FigureMetric.TRADE_VOLUME],
  [/\bexport(?:s|ed|ing)?\b/gi, FigureMetric.EXPORTS],
  [/\bimport(?:s|ed|ing)?\b/gi, FigureMetric.IMPORTS],
  [/\binvest(?:ment|ments|ed|ing|or|ors)?\b/gi, FigureMetric.INVESTMENT],
];
const OFFER =
  /\b(?:ready to export|offer(?:s|ed)?|could export|can export|plans? to export|intends? to export|potential|willing to export)\b/i;
const TARGET =
  /\b(?:bring(?:ing)?|target|goal|aim(?:s|ing)?|plan(?:s|ned)? to (?:reach|increase|raise|bring)|to reach|reach(?:ing)?\s+[^.]{0,40}\bby\s+\d{4})\b/i;
const SAY =
  /\b(?:said|says|stated|noted|stressed|emphasi[sz]ed|announced|told|added|pointed out|highlighted|underlined|informed|reported)\b/i;
const PARTICIPANTS = new RegExp(
  `(?<![\\p{L}\\p{N}$.,])(?:(some|over|more than|about|around|nearly|almost|up to)\\s+)?(${NUMBER_DIGITS}|${NUMBER_WORDS})\\s+((?:[\\p{L}-]+\\s+){0,2}?)(regions|provinces|countries|companies|firms|enterprises|delegations|participants|delegates|exhibitors|decisions|cities|states|businesses|investors|organizations|organisations|agencies|ministries|pavilions|universities)\\b`,
  'giu',
);
const ITEMS = new RegExp(
  `(?<![\\p{L}\\p{N}$.,])(?:(?:some|over|more than|about|around|nearly|almost|up to)\\s+)?(${NUMBER_DIGITS}|${NUMBER_WORDS})\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:products|goods|items|commodities|product lines|positions|types of products|kinds of products)\\b`,
  'giu',
);

function metricOf(reading: Reading, view: SentenceView, at: number): { metric: FigureMetric; span?: Span } {
  const text = reading.article.text;
  let best: { metric: FigureMetric; span: Span; distance: number } | undefined;
  for (const [pattern, metric] of METRIC_WORDS) {
    for (const match of view.sentence.text.matchAll(pattern)) {
      const start = view.sentence.start + match.index;
      const distance = start <= at ? at - start : (start - at) * 3;
      if (!best || distance < best.distance) best = { metric, span: { start, end: start + match[0].length }, distance };
    }
  }
  if (!best) return { metric: FigureMetric.OTHER };
  if (best.metric === FigureMetric.EXPORTS && OFFER.test(text.slice(view.sentence.start, at)))
    return { metric: FigureMetric.EXPORT_OFFER, span: best.span };
  return { metric: best.metric, span: best.span };
}

/** The year a sentence is about: stated in it, or in the sentences of its paragraph or the one before. */
function periodOf(reading: Reading, view: SentenceView): string | undefined {
  const own = view.dates.find(
    (date) => /^\d{4}$/.test(date.value) && !reading.article.text.slice(date.end, date.end + 3).startsWith('-'),
  );
  if (own) return own.value;
  const earlier = reading.sentences.filter(
    (v) => v.sentence.start < view.sentence.start && v.sentence.paragraph >= view.sentence.paragraph - 1,
  );
  for (const previous of [...earlier].reverse()) {
    const year = previous.dates.find((date) => /^\d{4}$/.test(date.value));
    if (year) return year.value;
  }
  return undefined;
}

interface Parties {
  between: { entity: DraftEntity; span: Span }[];
  from?: { entity: DraftEntity; span: Span };
  to?: { entity: DraftEntity; span: Span };
}

function regionsIn(reading: Reading, view: SentenceView): { entity: DraftEntity; span: Span }[] {
  const out: { entity: DraftEntity; span: Span }[] = [];
  for (const region of reading.draft.ofType('Region')) {
    for (const mention of region.mentions) {
      if (
        mention.start >= view.sentence.start &&
        mention.end <= view.sentence.end &&
        !reading.isClaimed(mention, ['organization', 'forum', 'document'])
      ) {
        out.push({ entity: region, span: mention });
      }
    }
  }
  const seen = new Set<DraftEntity>();
  return out
    .sort((a, b) => a.span.start - b.span.start)
    .filter((r) => (seen.has(r.entity) ? false : (seen.add(r.entity), true)));
}

function partiesOf(reading: Reading, view: SentenceView, metric: FigureMetric, previous: Parties | undefined): Parties {
  const text = reading.article.text;
  const regions = regionsIn(reading, view).filter((r) => isCountry(r.entity) || r.entity.fields.kind === 'SUBNATIONAL');
  if (regions.length === 0) {
    return /\b(?:between them|bilateral|mutual|both countries|the two countries|the two sides)\b/i.test(
      view.sentence.text,
    ) && previous
      ? previous
      : { between: [] };
  }
  const parties: Parties = { between: regions.slice(0, 2) };
  if (
    regions.length >= 2 &&
    (metric === FigureMetric.EXPORTS || metric === FigureMetric.EXPORT_OFFER || metric === FigureMetric.IMPORTS)
  ) {
    const [a, b] = regions as [{ entity: DraftEntity; span: Span }, { entity: DraftEntity; span: Span }];
    const linking = text.slice(a.span.end, b.span.start).toLowerCase();
    const aToB = /\bto\b/.test(linking)
      ? metric !== FigureMetric.IMPORTS
      : /\bfrom\b/.test(linking)
        ? metric === FigureMetric.IMPORTS
        : metric !== FigureMetric.IMPORTS;
    if (metric === FigureMetric.IMPORTS) {
      parties.to = aToB ? b : a;
      parties.from = aToB ? a : b;
      if (/\bfrom\b/.test(linking)) {
        parties.to = a;
        parties.from = b;
      }
    } else {
      parties.from = aToB ? a : b;
      parties.to = aToB ? b : a;
    }
  }
  return parties;
}

const LABELS: Record<FigureMetric, string> = {
  TRADE_VOLUME: 'trade',
  EXPORTS: 'exports',
  IMPORTS: 'imports',
  EXPORT_OFFER: 'export offer',
  INVESTMENT: 'investment',
  BORDER_LENGTH: 'border length',
  OTHER: 'figure',
};

function figureName(metric: FigureMetric, parties: Parties, period: string | undefined, target: boolean): string {
  const name = (entity: DraftEntity | undefined): string => textOf(entity?.fields.name);
  let label: string;
  if ((metric === FigureMetric.EXPORTS || metric === FigureMetric.EXPORT_OFFER) && parties.from && parties.to) {
    label = `${name(parties.from.entity)} ${LABELS[metric]} to ${name(parties.to.entity)}`;
  } else if (metric === FigureMetric.IMPORTS && parties.from && parties.to) {
    label = `${name(parties.to.entity)} imports from ${name(parties.from.entity)}`;
  } else if (parties.between.length >= 2) {
    label = `${parties.between.map((p) => name(p.entity)).join('–')} ${LABELS[metric]}`;
  } else if (parties.between.length === 1) {
    label = `${name(parties.between[0]?.entity)} ${LABELS[metric]}`;
  } else {
    label = LABELS[metric].charAt(0).toUpperCase() + LABELS[metric].slice(1);
  }
  return `${label}${target ? ' target' : ''}${period ? ` ${period}` : ''}`;
}

/** Drafts the figures of the text. */
export function findFigures(reading: Reading): void {
  const text = reading.article.text;
  let previousParties: Parties | undefined;
  let counter = 0;
  const add = (view: SentenceView, fields: Record<string, unknown>, quote: Span, confidence: number): DraftEntity => {
    counter += 1;
    return reading.draft.add('Figure', `figure:${counter}`, fields, quote, quote, confidence);
  };
  for (const view of reading.sentences) {
    const s = view.sentence;
    for (const money of view.money) {
      if (reading.usedAmounts.has(money.start) || reading.isClaimed(money, ['document'])) continue;
      const { metric, span: metricSpan } = metricOf(reading, view, money.start);
      const parties = partiesOf(reading, view, metric, previousParties);
      if (parties.between.length > 0) previousParties = parties;
      const before = text.slice(s.start, money.start);
      const target = TARGET.test(before.slice(-120));
      const period = target
        ? view.dates.find((d) => /^\d{4}$/.test(d.value) && /\bby\s+$/.test(text.slice(d.start - 4, d.start)))?.value
        : periodOf(reading, view);
      const fields: Record<string, unknown> = {
        name: figureName(metric, parties, period, target),
        metric,
        value: money.amount,
        unit: money.currency,
        qualifier: money.qualifier ?? ValueQualifier.EXACT,
        ...(period ? { period } : {}),
      };
      let quote: Span =
        metricSpan && metricSpan.start >= s.start && Math.abs(metricSpan.start - money.start) < 200
          ? covering(metricSpan, money)
          : money;
      // Change on the previous period in the same sentence: "increased by 33.5%", "tripled".
      const percent = view.percents.find(
        (p) =>
          /\b(?:increas|grew|grow|rose|rise|up|decreas|declin|fell|fall|down|drop|jump|surg)\w*\s+(?:by\s+)?$/i.test(
            text.slice(Math.max(s.start, p.start - 30), p.start),
          ) || /^[+\-−]/.test(p.text),
      );
      if (percent) {
        fields.changePercent = percent.value;
        quote = covering(quote, percent);
      }
      const factor = view.factors[0];
      if (factor) {
        fields.changeFactor = factor.value;
        quote = covering(quote, factor);
      }
      const items = [...s.text.matchAll(ITEMS)]
        .map((m) => ({ m, start: s.start + m.index }))
        .find(({ start }) => start < money.start);
      if (items) {
        const count = parseNumber(items.m[1] ?? '');
        if (count !== undefined) {
          fields.itemCount = count;
          quote = covering(quote, { start: items.start, end: items.start + items.m[0].length });
        }
        const list = /\b(?:in particular|including|such as|namely|notably)\s+([^.;]+)/i.exec(
          text.slice(money.end, s.end),
        );
        if (list?.[1]) {
          const names = list[1]
            .split(/,\s*(?:and\s+)?|\s+and\s+/)
            .map((item) => item.trim())
            .filter((item) => item.length > 0 && item.length <= 60);
          if (names.length > 0) fields.items = names;
        }
      }
      if (target) fields.description = 'A target the text states.';
      const figure = add(view, fields, quote, metric === FigureMetric.OTHER ? 0.5 : 0.75);
      if (parties.from)
        reading.draft.tie(
          'FROM',
          figure,
          parties.from.entity,
          covering(quote, parties.from.span).start >= s.start ? covering(quote, parties.from.span) : quote,
          0.7,
        );
      if (parties.to) reading.draft.tie('TO', figure, parties.to.entity, covering(quote, parties.to.span), 0.7);
      for (const party of parties.between) {
        const partyQuote = party.span.start >= s.start ? covering(quote, party.span) : quote;
        reading.draft.tie('BETWEEN', figure, party.entity, partyQuote, 0.7);
      }
      statedAt(reading, view, figure, quote);
    }
    for (const measure of view.measures) {
      const border = /\bborder\b/i.test(text.slice(measure.end, Math.min(s.end, measure.end + 30)));
      const fields: Record<string, unknown> = {
        name: border ? 'Border length' : `Area or length (${measure.unit})`,
        metric: border ? FigureMetric.BORDER_LENGTH : FigureMetric.OTHER,
        value: measure.value,
        unit: measure.unit,
        qualifier: measure.qualifier,
      };
      const quote = border
        ? {
            start: measure.start,
            end: measure.end + (/^[-\s\w]*?border/i.exec(text.slice(measure.end, s.end))?.[0].length ?? 0),
          }
        : measure;
      const figure = add(view, fields, quote, 0.5);
      if (border) {
        const regions = regionsIn(reading, view);
        for (const region of regions.slice(0, 2))
          reading.draft.tie('BETWEEN', figure, region.entity, covering(quote, region.span), 0.5);
      }
    }
    for (const match of s.text.matchAll(PARTICIPANTS)) {
      const start = s.start + match.index;
      const span = { start, end: start + match[0].length };
      if (reading.isClaimed(span, ['document']) || view.money.some((m) => m.start <= start && start < m.end)) continue;
      const value = parseNumber(match[2] ?? '');
      // "the two countries" names the parties; it counts nothing.
      if (
        value === undefined ||
        value < 2 ||
        /\b(?:the|these|those|both|all)\s+$/i.test(text.slice(Math.max(s.start, start - 8), start))
      )
        continue;
      const fields: Record<string, unknown> = {
        name: text.slice(span.start, span.end).replace(/\s+/g, ' '),
        metric: FigureMetric.OTHER,
        value,
        unit: (match[4] ?? '').toLowerCase(),
        qualifier: match[1]
          ? /^(?:over|more than)$/i.test(match[1])
            ? ValueQualifier.AT_LEAST
            : /^(?:up to|nearly|almost)$/i.test(match[1])
              ? ValueQualifier.AT_MOST
              : ValueQualifier.APPROXIMATE
          : ValueQualifier.EXACT,
      };
      add(view, fields, span, 0.45);
    }
  }
}

/** Who stated a figure ("Zhumangarin said", "Speaking at the event, ... said") and at which forum. */
function statedAt(reading: Reading, view: SentenceView, figure: DraftEntity, quote: Span): void {
  if (!SAY.test(view.sentence.text) && !/^(?:speaking|addressing)\b/i.test(view.sentence.text)) return;
  const officials = officialsIn(reading, view);
  const speaker = officials[0];
  if (!speaker) return;
  reading.draft.tie('STATED_BY', figure, speaker.official, covering(quote, speaker.span), 0.7);
  const forum = forumReferences(reading, view).find(
    (ref) => ref.forum.fields.kind !== 'SERIES' && ref.forum.fields.kind !== 'VISIT',
  );
  if (forum && forum.span.start < quote.start)
    reading.draft.tie('REPORTED_AT', figure, forum.forum, covering(forum.span, quote), 0.6);
}
