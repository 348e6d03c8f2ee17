/**
 * Sectors: the ones a text lists ("the agreements cover the sectors of construction, energy,
 * mining ...", "in the fields of investment, entrepreneurship ...", "cooperation in the field of
 * investment") and the field a document's noun names ("investment contracts"). Each sector is
 * COVERED by the document the list belongs to.
 */
import { type DraftEntity, type Span } from './draft';
import { SECTORS } from './lexicon/sectors';
import { type Reading, type SentenceView } from './reading';

const LIST_LEAD =
  /\b(?:(?:the\s+)?(?:sectors?|fields?|areas?|spheres?|industries|domains?)\s+(?:of|such as|including|like)|in\s+(?:the\s+)?(?:fields?|areas?|spheres?|sectors?)\s+of|cover(?:s|ing|ed)?(?:\s+the)?(?:\s+sectors\s+of)?|cooperation\s+in|concern(?:s|ing)?|related\s+to|relating\s+to)\s+/gi;
/** Where a list of sectors ends: the end of the clause or a word that starts something else. */
const LIST_END =
  /[.;:()]|\s+(?:all|which|that|worth|totall?ing|totaling|with|were|was|are|is|signed|between|by|to|from|among|at|as well as the)\b/i;
const NOUN_SECTOR =
  /\b(investment|energy|trade|construction|mining|agricultural|agriculture|tourism|transport|logistics|infrastructure|telecommunications?|oil and gas|petrochemical|financial|healthcare|education)\s+(?:cooperation|contracts?|agreements?|projects?|deals?|memorand\w+)\b/gi;
const FIELD_OF = /\bcooperation\s+in\s+the\s+(?:field|fields|area|areas|sphere|spheres)\s+of\s+/gi;

function sectorOf(phrase: string): string | undefined {
  const words = phrase
    .toLowerCase()
    .replace(/[^a-z\s-]/g, ' ')
    .trim()
    .split(/\s+/);
  // Longest form first: "food industry" before "food", "oil and gas" before "oil".
  for (let length = Math.min(4, words.length); length >= 1; length -= 1) {
    for (let i = 0; i + length <= words.length; i += 1) {
      const candidate = words.slice(i, i + length).join(' ');
      const sector = SECTORS.find((s) => s.forms.test(candidate));
      if (sector) return sector.name;
    }
  }
  return undefined;
}

function sectorEntity(reading: Reading, name: string, span: Span, confidence: number): DraftEntity {
  const entity = reading.draft.add('Sector', `sector:${name.toLowerCase()}`, { name }, span, span, confidence);
  return entity;
}

/** The document a list of sectors belongs to: named in the sentence, or the group the text last named. */
function documentFor(reading: Reading, view: SentenceView, at: number): DraftEntity | undefined {
  const inSentence = reading.claims
    .filter(
      (claim) =>
        claim.kind === 'document' &&
        claim.entity &&
        claim.start >= view.sentence.start &&
        claim.end <= view.sentence.end,
    )
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  const before = inSentence.filter((claim) => claim.start < at);
  const chosen = before.at(-1) ?? inSentence[0];
  if (chosen?.entity) {
    // A part stands for its group's list only when it is the group: prefer the top-level group.
    return chosen.entity;
  }
  return undefined;
}

/** Drafts the sectors the text names, each covered by its document. */
export function findSectors(reading: Reading): void {
  const text = reading.article.text;
  for (const view of reading.sentences) {
    const s = view.sentence;
    const lists: { start: number; end: number; confidence: number }[] = [];
    for (const match of s.text.matchAll(LIST_LEAD)) {
      const start = s.start + match.index + match[0].length;
      const rest = text.slice(start, s.end);
      const stop = LIST_END.exec(rest);
      lists.push({ start, end: stop ? start + stop.index : s.end, confidence: 0.8 });
    }
    for (const match of s.text.matchAll(FIELD_OF)) {
      const start = s.start + match.index + match[0].length;
      const stop = LIST_END.exec(text.slice(start, s.end));
      lists.push({ start, end: stop ? start + stop.index : s.end, confidence: 0.75 });
    }
    for (const list of lists) {
      const body = text.slice(list.start, list.end);
      // Items are separated by commas and "and": "construction, energy, mining, agriculture, food industry ... and others".
      let offset = list.start;
      for (const item of body.split(/(,\s*(?:and\s+)?|\s+and\s+)/)) {
        const itemStart = offset;
        offset += item.length;
        if (/^,|^\s+and\s+$/.test(item)) continue;
        const sector = sectorOf(item);
        if (!sector || item.trim().split(/\s+/).length > 7) continue;
        const lead = item.length - item.trimStart().length;
        const span = { start: itemStart + lead, end: itemStart + item.trimEnd().length };
        const entity = sectorEntity(reading, sector, span, list.confidence);
        const document = documentFor(reading, view, list.start);
        if (document) reading.draft.tie('COVERS', document, entity, sectorCover(reading, document, span, view), 0.7);
      }
    }
    for (const match of s.text.matchAll(NOUN_SECTOR)) {
      const sector = sectorOf(match[1] ?? '');
      if (!sector) continue;
      const start = s.start + match.index;
      const span = { start, end: start + (match[1] ?? '').length };
      const entity = sectorEntity(reading, sector, span, 0.6);
      const claim = reading.claims.find((c) => c.kind === 'document' && c.entity && c.start <= start && start < c.end);
      if (claim?.entity)
        reading.draft.tie('COVERS', claim.entity, entity, { start, end: s.start + match.index + match[0].length }, 0.6);
    }
  }
}

function sectorCover(reading: Reading, document: DraftEntity, span: Span, view: SentenceView): Span {
  const mention = document.mentions.find((m) => m.start >= view.sentence.start && m.end <= view.sentence.end);
  if (!mention) return span;
  return { start: Math.min(mention.start, span.start), end: Math.max(mention.end, span.end) };
}
