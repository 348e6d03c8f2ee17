/**
 * Drafts a report from a news text, offline: the text is read once (paragraphs, sentences, names
 * the gazetteer knows, numbers, dates), then each layer adds what it finds, in an order where
 * later layers can use earlier ones: places and organizations, officials, forums, documents,
 * sectors, figures, then the ties between them.
 */
import { type Candidate, candidatesFor } from './candidates';
import { pointAtSameEvents, type StoredEvent } from './events';
import { parsePublished } from './dates';
import type { ExtractRepository } from './extract.repository';
import { findDesignatedRegions, draftPlaces } from './places';
import { Gazetteer, type GazetteerEntry } from './gazetteer';
import { findDocuments } from './documents';
import { findFigures } from './figures';
import { findForums } from './forums';
import { findOfficials } from './officials';
import { findOrganizations } from './organizations';
import { Reading } from './reading';
import { findSectors } from './sectors';
import { findSignaturesAndAttendance } from './signatures';
import { buildReport, type DraftReportData, type DraftSource, FIELD_OF_TYPE } from './report';
import { readArticle } from './text';

export interface ExtractOptions {
  readonly source?: Partial<DraftSource>;
  readonly gazetteer?: Gazetteer;
}

export function extractReport(text: string, options: ExtractOptions = {}): DraftReportData {
  const article = readArticle(text);
  const published = parsePublished(options.source?.publishedOn);
  const reading = new Reading(article, published, options.gazetteer ?? Gazetteer.builtin());
  findDesignatedRegions(reading);
  findOrganizations(reading);
  findOfficials(reading);
  findForums(reading);
  draftPlaces(reading);
  findDocuments(reading);
  findSectors(reading);
  findFigures(reading);
  findSignaturesAndAttendance(reading);
  const headline = article.headline?.text ?? article.paragraphs[0]?.text.slice(0, 120) ?? 'Untitled text';
  const source: DraftSource = {
    name: options.source?.name ?? headline.replace(/\s+/g, ' ').slice(0, 300),
    ...(options.source?.publisher ? { publisher: options.source.publisher } : {}),
    ...(options.source?.url ? { url: options.source.url } : {}),
    ...(published ? { publishedOn: published.value } : {}),
  };
  return buildReport(reading, source);
}

/** Graph entities as gazetteer entries: names and aliases recognised in texts, pointing at their ids. */
export function storedEntries(rows: Awaited<ReturnType<ExtractRepository['storedNames']>>): GazetteerEntry[] {
  return rows.map((row) => ({
    type: row.type,
    name: row.name,
    aliases: row.aliases,
    ...(row.kind ? { kind: row.kind } : {}),
    ...(row.iso2 ? { iso2: row.iso2 } : {}),
    ...(row.isoSubdivision ? { isoSubdivision: row.isoSubdivision } : {}),
    id: row.id,
    origin: 'graph' as const,
  }));
}

export interface DraftWithCandidates extends DraftReportData {
  /** For each drafted entity, by ref: the stored entities it may be, best first. */
  readonly candidates: Readonly<Record<string, Candidate[]>>;
}

/** Drafts against the graph: its names are recognised, and every drafted entity gets its candidates. */
export class ExtractService {
  constructor(private readonly repository: ExtractRepository) {}

  /** The graph's names and aliases as gazetteer entries. */
  async graphNames(): Promise<GazetteerEntry[]> {
    return storedEntries(await this.repository.storedNames());
  }

  /** Dated forums with their regions and documents: what a second report of an event is matched to. */
  graphEvents(): Promise<StoredEvent[]> {
    return this.repository.storedEvents();
  }

  async extract(text: string, source: Partial<DraftSource> = {}): Promise<DraftWithCandidates> {
    const [names, events] = await Promise.all([this.repository.storedNames(), this.repository.storedEvents()]);
    const stored = storedEntries(names);
    const report = extractReport(text, { source, gazetteer: Gazetteer.builtin(stored) });
    return { ...report, candidates: pointAtGraph(report, stored, events) };
  }
}

/**
 * Candidates per ref; an entity whose best candidate is an exact match takes that id, and forums
 * and documents that report a stored event take its ids (`events.ts`).
 */
export function pointAtGraph(
  report: DraftReportData,
  stored: readonly GazetteerEntry[],
  events: readonly StoredEvent[] = [],
): Record<string, Candidate[]> {
  const candidates: Record<string, Candidate[]> = {};
  for (const entity of report.entities) {
    const found = candidatesFor(entity, stored);
    candidates[entity.ref] = found;
    const best = found[0];
    const field = Object.values(FIELD_OF_TYPE).find((name) => entity[name]);
    const fields = field ? entity[field] : undefined;
    if (best && best.score === 1 && fields && !fields.id && found.filter((c) => c.score === 1).length === 1) {
      entity[field as keyof typeof entity] = { id: best.id, ...fields } as never;
    }
  }
  pointAtSameEvents(report, events, candidates);
  return candidates;
}
