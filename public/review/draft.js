// The review's model, without the page: statements drafted from a text, the reviewer's decisions
// on them, where their quotes stand in the text, and the report that goes to ingestReport.

/** The tie fields a reviewer may change, in the order they are shown. */
export const TIE_FIELDS = ['type', 'from', 'to', 'role', 'title', 'since', 'until', 'onBehalfOf'];

/** A score from which a candidate is taken to be the drafted entity unless the reviewer says otherwise. */
export const SAME_NAME_SCORE = 0.999;

/** Drops the nulls GraphQL returns for fields a draft left out, which ingestReport would read as values. */
export function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}

/** The type's name as the graph's labels spell it: the API's enum says `ORGANIZATION`. */
function typeName(value) {
  return value.charAt(0) + value.slice(1).toLowerCase();
}

/** The review items of a draft: every entity, then every tie, each undecided. */
export function reviewItems(draft) {
  const entities = draft.entities.map((entity) => {
    const type = typeName(entity.type);
    // A report's typed field is the type in lower case: `organization: {…}` for an Organization.
    const field = entity.type.toLowerCase();
    const top = entity.candidates[0];
    return {
      key: `entity:${entity.ref}`,
      kind: 'entity',
      type,
      ref: entity.ref,
      locator: entity.locator,
      quote: entity.quote,
      confidence: entity.confidence,
      field,
      value: withoutNulls(entity[field] ?? {}),
      candidates: entity.candidates,
      // The stored entity it is: the candidate with the same name, unless the reviewer picks another.
      choice: top && top.score >= SAME_NAME_SCORE ? top.id : null,
      status: 'pending',
    };
  });
  const ties = draft.ties.map((tie, index) => ({
    key: `tie:${index}`,
    kind: 'tie',
    type: tie.type,
    locator: tie.locator,
    quote: tie.quote,
    confidence: tie.confidence,
    value: withoutNulls(Object.fromEntries(TIE_FIELDS.map((name) => [name, tie[name] ?? null]))),
    status: 'pending',
  }));
  return [...entities, ...ties];
}

/** The name an entity goes by in the review: its name, title or description. */
export function entityName(item) {
  return item.value.name ?? item.value.title ?? item.value.description ?? item.ref;
}

/**
 * What an item will do at ingest: an accepted tie whose end or `onBehalfOf` is a rejected (or
 * undecided) entity of the draft cannot be stated, so it is dropped with that entity.
 */
export function effectiveStatus(item, items) {
  if (item.kind === 'entity' || item.status !== 'accepted') return item.status;
  const refs = new Map(items.filter((other) => other.kind === 'entity').map((other) => [other.ref, other]));
  for (const end of [item.value.from, item.value.to, item.value.onBehalfOf]) {
    const entity = end === undefined ? undefined : refs.get(end);
    if (entity && entity.status !== 'accepted') return 'dropped';
  }
  return 'accepted';
}

/**
 * The report of what was accepted. An entity matched to a stored one carries its id and name, and
 * keeps the drafted spelling as an alias, so the next text that spells it so finds it.
 */
export function reportOf(source, items) {
  const entities = items
    .filter((item) => item.kind === 'entity' && item.status === 'accepted')
    .map((item) => {
      const candidate = item.candidates.find((one) => one.id === item.choice);
      let value = { ...item.value };
      if (candidate) {
        const drafted = value.name;
        value = { ...value, id: candidate.id };
        if ('name' in value) {
          value.name = candidate.name;
          const aliases = new Set(value.aliases ?? []);
          if (drafted && drafted !== candidate.name) aliases.add(drafted);
          if (aliases.size > 0) value.aliases = [...aliases];
        }
      }
      return {
        ref: item.ref,
        locator: item.locator,
        quote: item.quote,
        confidence: item.confidence,
        [item.field]: value,
      };
    });
  const ties = items
    .filter((item) => item.kind === 'tie' && effectiveStatus(item, items) === 'accepted')
    .map((item) => ({ ...item.value, locator: item.locator, quote: item.quote, confidence: item.confidence }));
  return { source: withoutNulls(source), entities, ties };
}

/** Where each paragraph of the text starts and ends; [0] is the headline, [1] is ¶1. */
export function paragraphsOf(text) {
  const paragraphs = [];
  const pattern = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    paragraphs.push({ start: match.index, end: match.index + match[0].length });
    pattern.lastIndex = match.index + match[0].length;
  }
  return paragraphs;
}

/** Where an item's quote stands: in its paragraph where found there, else its first occurrence, else nowhere. */
export function spanOf(text, paragraphs, item) {
  if (!item.quote) return null;
  const number = /^¶(\d+)$/.exec(item.locator ?? '');
  const paragraph = number ? paragraphs[Number(number[1])] : undefined;
  if (paragraph) {
    const at = text.indexOf(item.quote, paragraph.start);
    if (at >= 0 && at + item.quote.length <= paragraph.end) return { start: at, end: at + item.quote.length };
  }
  const at = text.indexOf(item.quote);
  return at < 0 ? null : { start: at, end: at + item.quote.length };
}

/**
 * The text cut where any span starts or ends: each piece with the spans covering it, innermost
 * (shortest) first, so nested quotes ("Minister of Energy of Kazakhstan" within an official's
 * quote) each keep a piece of their own colour.
 */
export function pieces(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let index = 0; index + 1 < sorted.length; index += 1) {
    const start = sorted[index];
    const end = sorted[index + 1];
    const covering = spans
      .filter((span) => span.start <= start && span.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    result.push({ start, end, text: text.slice(start, end), spans: covering });
  }
  return result;
}
