/**
 * The article as the extractor reads it: a headline, numbered paragraphs and sentences, each with
 * its offsets in the original text, so every quote the draft carries is a slice of that text.
 */

export interface Block {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Paragraph extends Block {
  /** 1 for the first paragraph after the headline, as `¶1` in a report's locators. */
  readonly number: number;
}

export interface Sentence extends Block {
  readonly paragraph: number;
  /** Position of the sentence in the whole article, from 0. */
  readonly index: number;
}

export interface Article {
  readonly text: string;
  readonly headline: Block | null;
  /** Short unpunctuated lines between paragraphs: sub-headings, datelines ("Baku, June 28, AZERTAC"). */
  readonly headings: readonly Block[];
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
}

/** Credits and captions that follow some articles; they state no facts. */
const TRAILER = /^(?:source|sources|photo|photos|image|picture|credit|credits|read more|related|tags?)\s*:/i;
/** Words that end a sentence with a period but do not end the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'hon',
  'amb',
  'co',
  'corp',
  'inc',
  'ltd',
  'llc',
  'jsc',
  'no',
  'nos',
  'vs',
  'etc',
  'approx',
  'est',
  'dept',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'sq',
  'u.s',
  'u.k',
  'e.g',
  'i.e',
  'sq.m',
  'sq.km',
]);

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text.charAt(a))) a += 1;
    while (b > a && /\s/.test(text.charAt(b - 1))) b -= 1;
    if (b > a) blocks.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (const match of text.matchAll(separator)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return blocks;
}

/** A block that reads as running text rather than a heading or dateline. */
function isParagraph(block: Block): boolean {
  const words = block.text.split(/\s+/).length;
  return /[.!?…"'”’)]$/.test(block.text) || words > 15;
}

/** Splits a paragraph into sentences at ., ! or ? followed by a capital, a digit or a quote. */
export function splitSentences(block: Block): Block[] {
  const sentences: Block[] = [];
  const text = block.text;
  let start = 0;
  const boundary = /[.!?]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  for (const match of text.matchAll(boundary)) {
    const before = text.slice(start, match.index + 1);
    const lastWord = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(lastWord) || /^\p{Lu}$/u.test(lastWord) || /(?:^|\s)\p{Lu}\.$/u.test(before)) continue;
    const end = match.index + match[0].trimEnd().length;
    sentences.push({ start: block.start + start, end: block.start + end, text: text.slice(start, end) });
    start = match.index + match[0].length;
  }
  if (start < text.length) {
    sentences.push({ start: block.start + start, end: block.end, text: text.slice(start) });
  }
  return sentences;
}

/**
 * Reads a text: the first block is the headline, blank lines separate paragraphs, short lines
 * without final punctuation are headings (not numbered, as the seed counts), credits are dropped.
 * Line endings are normalised to `\n` first, so offsets refer to the returned `text`.
 */
export function readArticle(raw: string): Article {
  const text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const blocks = blocksOf(text);
  const headline = blocks.length > 1 ? (blocks[0] ?? null) : null;
  const headings: Block[] = [];
  const paragraphs: Paragraph[] = [];
  for (const block of headline ? blocks.slice(1) : blocks) {
    if (TRAILER.test(block.text)) continue;
    if (isParagraph(block)) paragraphs.push({ ...block, number: paragraphs.length + 1 });
    else headings.push(block);
  }
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(paragraph)) {
      sentences.push({ ...sentence, paragraph: paragraph.number, index: sentences.length });
    }
  }
  return { text, headline, headings, paragraphs, sentences };
}

/** Lower-case, accents and punctuation folded away: the form names are compared in. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly folded: string;
}

const WORD = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;

/** The words of a text (letters and digits; a trailing 's or ’s stays with its word), with offsets. */
export function tokenize(text: string, offset = 0): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    start: offset + match.index,
    end: offset + match.index + match[0].length,
    text: match[0],
    folded: fold(match[0].replace(/[’']s$/i, '')),
  }));
}

export function isCapitalized(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word);
}
