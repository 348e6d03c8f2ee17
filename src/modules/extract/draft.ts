/**
 * The draft being built: entities (each with its typed fields, where it is stated and the words
 * that state it) and ties. Layers add to it; the same entity found twice is one entity with more
 * mentions. Quotes are kept as offsets into the text until the report is written.
 */
import { type EntityType, slugId, type TieType } from '../entity/entity.model';

import { fold } from './text';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Fields = Record<string, unknown>;

/** A field's value as text: strings and numbers as they are, anything else as nothing. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export interface DraftEntity {
  ref: string;
  readonly type: EntityType;
  /** What tells two mentions of this entity apart from other entities of its type. */
  readonly key: string;
  fields: Fields;
  /** The statement the draft quotes for the entity. */
  quote: Span;
  confidence: number;
  readonly mentions: Span[];
  /** Region: ISO alpha-2 of its country; organization or official: the country it belongs to. */
  country?: string;
  /** Whether the text names it on its own, not only inside another name (regions). */
  standalone: boolean;
  /** Free notes for other layers (e.g. a document group's role). */
  readonly notes: Record<string, unknown>;
}

export interface DraftTie {
  readonly type: TieType;
  readonly from: DraftEntity;
  readonly to: DraftEntity;
  readonly title?: string;
  readonly role?: string;
  readonly onBehalfOf?: DraftEntity;
  readonly quote: Span;
  readonly confidence: number;
}

export class Draft {
  readonly entities: DraftEntity[] = [];
  readonly ties: DraftTie[] = [];
  private readonly byKey = new Map<string, DraftEntity>();

  constructor(readonly text: string) {}

  find(type: EntityType, key: string): DraftEntity | undefined {
    return this.byKey.get(`${type}\u0000${key}`);
  }

  /** Adds an entity, or a mention of one already drafted under the same key. */
  add(
    type: EntityType,
    key: string,
    fields: Fields,
    quote: Span,
    mention: Span,
    confidence: number,
    standalone = true,
  ): DraftEntity {
    const existing = this.find(type, key);
    if (existing) {
      existing.mentions.push(mention);
      existing.confidence = Math.max(existing.confidence, confidence);
      if (standalone && !existing.standalone) {
        existing.standalone = true;
        existing.quote = quote;
      }
      return existing;
    }
    const entity: DraftEntity = {
      ref: '',
      type,
      key,
      fields,
      quote,
      confidence,
      mentions: [mention],
      standalone,
      notes: {},
    };
    this.entities.push(entity);
    this.byKey.set(`${type}\u0000${key}`, entity);
    return entity;
  }

  /** Makes `alias` find `entity` too (an acronym, another spelling). */
  alias(entity: DraftEntity, key: string): void {
    if (!this.byKey.has(`${entity.type}\u0000${key}`)) this.byKey.set(`${entity.type}\u0000${key}`, entity);
  }

  remove(entity: DraftEntity): void {
    const index = this.entities.indexOf(entity);
    if (index >= 0) this.entities.splice(index, 1);
    for (const [key, value] of this.byKey) if (value === entity) this.byKey.delete(key);
    for (let i = this.ties.length - 1; i >= 0; i -= 1) {
      const tie = this.ties[i];
      if (tie && (tie.from === entity || tie.to === entity || tie.onBehalfOf === entity)) this.ties.splice(i, 1);
    }
  }

  /** Adds a tie unless the same one (type, ends, title) is already drafted. */
  tie(
    type: TieType,
    from: DraftEntity,
    to: DraftEntity,
    quote: Span,
    confidence: number,
    details: { title?: string; role?: string; onBehalfOf?: DraftEntity } = {},
  ): void {
    if (from === to) return;
    const same = this.ties.find(
      (tie) =>
        tie.type === type && tie.from === from && tie.to === to && fold(tie.title ?? '') === fold(details.title ?? ''),
    );
    if (same) return;
    this.ties.push({ type, from, to, quote, confidence, ...details });
  }

  ofType(type: EntityType): DraftEntity[] {
    return this.entities.filter((entity) => entity.type === type);
  }

  quoteText(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Gives every entity a readable ref, unique in the draft: "kazakhstan", "serik-zhumangarin", "doc-16-documents". */
  assignRefs(): void {
    const used = new Set<string>();
    for (const entity of this.entities) {
      const label = textOf(entity.fields.name) || textOf(entity.fields.title) || entity.key;
      const base = slugId(entity.type, label).split(':')[1] ?? 'entity';
      const prefix =
        entity.type === 'Document'
          ? 'doc-'
          : entity.type === 'Figure'
            ? 'figure-'
            : entity.type === 'Sector'
              ? 'sector-'
              : '';
      let ref = `${prefix}${base}`.slice(0, 100);
      for (let n = 2; used.has(ref); n += 1) ref = `${prefix}${base}-${n}`.slice(0, 110);
      used.add(ref);
      entity.ref = ref;
    }
  }
}

export function covering(...spans: Span[]): Span {
  return { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) };
}

export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
