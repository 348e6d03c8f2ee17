/**
 * What every layer reads: the article, its sentences with their tokens, capitalised runs and
 * gazetteer hits, the numbers and dates found in them, and the spans that names have claimed
 * (an organization's name, a forum's, a document's title, a person's), so a later layer does not
 * read a place in "Kuwait Development Fund" as a mention of the place.
 */
import { type FoundDate, findDates, type Published } from './dates';
import { Draft, type DraftEntity, overlaps, type Span, within } from './draft';
import { type Gazetteer, type GazetteerHit } from './gazetteer';
import {
  type Factor,
  findFactors,
  findMeasures,
  findMoney,
  findPercents,
  type Money,
  type Percent,
  type Quantity,
} from './numbers';
import { findRuns, type Run } from './runs';
import { type Article, type Sentence, type Token, tokenize } from './text';

export interface SentenceView {
  readonly sentence: Sentence;
  readonly tokens: Token[];
  readonly runs: Run[];
  hits: GazetteerHit[];
  readonly money: Money[];
  readonly measures: Quantity[];
  readonly percents: Percent[];
  readonly factors: Factor[];
  readonly dates: FoundDate[];
}

export type ClaimKind = 'organization' | 'forum' | 'document' | 'person' | 'title' | 'region';

export interface Claim extends Span {
  readonly kind: ClaimKind;
  readonly entity?: DraftEntity;
}

export class Reading {
  readonly sentences: SentenceView[];
  readonly draft: Draft;
  readonly claims: Claim[] = [];
  /** Acronyms and short names the text defines ("... Autonomous Region (XUAR)"), to the entity they name. */
  readonly acronyms = new Map<string, DraftEntity>();
  /** Offsets of the amounts already stated as a document's value, which are not figures of their own. */
  readonly usedAmounts = new Set<number>();

  constructor(
    readonly article: Article,
    readonly published: Published | null,
    readonly gazetteer: Gazetteer,
  ) {
    this.draft = new Draft(article.text);
    this.sentences = article.sentences.map((sentence) => {
      const tokens = tokenize(sentence.text, sentence.start);
      const money = findMoney(sentence.text, sentence.start);
      const measures = findMeasures(sentence.text, sentence.start).filter((m) => !money.some((x) => overlaps(x, m)));
      const numeric = [...money, ...measures];
      return {
        sentence,
        tokens,
        runs: findRuns(article.text, tokens).filter(
          (run) => !numeric.some((span) => overlaps(span, run) && within(run, span)),
        ),
        hits: gazetteer.find(article.text, tokens).filter((hit) => !numeric.some((span) => overlaps(span, hit))),
        money,
        measures,
        percents: findPercents(sentence.text, sentence.start),
        factors: findFactors(sentence.text, sentence.start),
        dates: findDates(sentence.text, published, sentence.start),
      };
    });
  }

  locatorOf(offset: number): string {
    const paragraph = this.article.paragraphs.find((p) => p.start <= offset && offset < p.end + 1);
    return paragraph ? `¶${paragraph.number}` : '¶1';
  }

  viewAt(offset: number): SentenceView | undefined {
    return this.sentences.find((view) => view.sentence.start <= offset && offset <= view.sentence.end);
  }

  claim(kind: ClaimKind, span: Span, entity?: DraftEntity): void {
    this.claims.push({ kind, start: span.start, end: span.end, entity });
  }

  claimAt(span: Span, kinds?: readonly ClaimKind[]): Claim | undefined {
    return this.claims.find((claim) => within(span, claim) && (!kinds || kinds.includes(claim.kind)));
  }

  isClaimed(span: Span, kinds?: readonly ClaimKind[]): boolean {
    return this.claims.some((claim) => overlaps(span, claim) && (!kinds || kinds.includes(claim.kind)));
  }

  text(span: Span): string {
    return this.article.text.slice(span.start, span.end);
  }

  /** Index of the token that starts at or after an offset. */
  tokenIndex(view: SentenceView, offset: number): number {
    const index = view.tokens.findIndex((token) => token.start >= offset);
    return index < 0 ? view.tokens.length : index;
  }

  /** The words of a sentence between two offsets, lower-cased. */
  between(view: SentenceView, from: number, to: number): string {
    return this.article.text.slice(Math.max(from, view.sentence.start), Math.min(to, view.sentence.end)).toLowerCase();
  }
}
