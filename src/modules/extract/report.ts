/**
 * The draft as a report: exactly the `ingestReport` format (source, entities with ref, locator
 * and one typed field, ties), each statement with its `quote` and `confidence`. Before anything
 * is written out, every quote is checked to be a slice of the text and every number to appear in
 * the text; a statement that fails is dropped, a number that fails is left out.
 */
import type { EntityType, TieType } from '../entity/entity.model';
import { type Draft, type DraftEntity, type Span } from './draft';
import { numberAppears } from './numbers';
import { type Reading } from './reading';

export interface DraftSource {
  name: string;
  publisher?: string;
  url?: string;
  publishedOn?: string;
}

export type TypedField = 'region' | 'organization' | 'official' | 'forum' | 'document' | 'sector' | 'figure';

export const FIELD_OF_TYPE: Record<Exclude<EntityType, 'Source'>, TypedField> = {
  Region: 'region',
  Organization: 'organization',
  Official: 'official',
  Forum: 'forum',
  Document: 'document',
  Sector: 'sector',
  Figure: 'figure',
};

export interface ReportEntity {
  ref: string;
  locator: string;
  quote: string;
  confidence: number;
  region?: Record<string, unknown>;
  organization?: Record<string, unknown>;
  official?: Record<string, unknown>;
  forum?: Record<string, unknown>;
  document?: Record<string, unknown>;
  sector?: Record<string, unknown>;
  figure?: Record<string, unknown>;
}

export interface ReportTie {
  type: TieType;
  from: string;
  to: string;
  title?: string;
  role?: string;
  onBehalfOf?: string;
  locator: string;
  quote: string;
  confidence: number;
}

export interface DraftReportData {
  source: DraftSource;
  entities: ReportEntity[];
  ties: ReportTie[];
}

/** Field order in a draft, so files read the same way every time: identity, then the facts. */
const FIELD_ORDER = [
  'id',
  'name',
  'title',
  'aliases',
  'kind',
  'metric',
  'iso2',
  'iso3',
  'isoNumeric',
  'isoSubdivision',
  'edition',
  'count',
  'value',
  'unit',
  'qualifier',
  'status',
  'date',
  'signedOn',
  'period',
  'changePercent',
  'changeFactor',
  'itemCount',
  'items',
  'description',
];

function ordered(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (fields[key] !== undefined && fields[key] !== null) out[key] = fields[key];
  for (const [key, value] of Object.entries(fields))
    if (!(key in out) && value !== undefined && value !== null) out[key] = value;
  return out;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Numbers a draft states, by field; each must appear in the text. */
const NUMERIC_FIELDS = ['count', 'edition', 'changePercent', 'changeFactor', 'itemCount'] as const;

function groundNumbers(entity: DraftEntity, text: string): boolean {
  const fields = entity.fields;
  for (const key of NUMERIC_FIELDS) {
    const value = fields[key];
    if (typeof value === 'number' && !(key === 'count' && value === 1) && !numberAppears(value, text))
      delete fields[key];
  }
  const money = fields.value;
  if (money && typeof money === 'object') {
    const amount = (money as { amount?: unknown }).amount;
    if (typeof amount !== 'number' || !numberAppears(amount, text)) delete fields.value;
  } else if (typeof money === 'number' && !numberAppears(money, text)) {
    return false;
  }
  return true;
}

export function buildReport(reading: Reading, source: DraftSource): DraftReportData {
  const draft: Draft = reading.draft;
  const text = reading.article.text;
  for (const entity of [...draft.entities]) {
    const quote = draft.quoteText(entity.quote).trim();
    if (!quote || !text.includes(quote) || !groundNumbers(entity, text)) draft.remove(entity);
  }
  // An entity is quoted where the text first names it (a country by its name rather than its adjective).
  for (const entity of draft.entities) {
    const names = (entity.notes.nameMentions as Span[] | undefined) ?? (entity.type === 'Region' ? [] : undefined);
    if (entity.type !== 'Region' || !names || names.length === 0) continue;
    const first = [...names].sort((a, b) => a.start - b.start)[0];
    if (first) entity.quote = first;
  }
  draft.assignRefs();
  const entities: ReportEntity[] = draft.entities.map((entity) => {
    const field = FIELD_OF_TYPE[entity.type as Exclude<EntityType, 'Source'>];
    return {
      ref: entity.ref,
      locator: reading.locatorOf(entity.quote.start),
      quote: draft.quoteText(entity.quote).trim(),
      confidence: round(entity.confidence),
      [field]: ordered(entity.fields),
    };
  });
  const ties: ReportTie[] = [];
  for (const tie of draft.ties) {
    const quote = draft.quoteText(tie.quote).trim();
    if (!quote || !text.includes(quote)) continue;
    ties.push({
      type: tie.type,
      from: tie.from.ref,
      to: tie.to.ref,
      ...(tie.title ? { title: tie.title } : {}),
      ...(tie.role ? { role: tie.role } : {}),
      ...(tie.onBehalfOf ? { onBehalfOf: tie.onBehalfOf.ref } : {}),
      locator: reading.locatorOf(tie.quote.start),
      quote,
      confidence: round(tie.confidence),
    });
  }
  return { source: ordered(source as unknown as Record<string, unknown>) as unknown as DraftSource, entities, ties };
}
