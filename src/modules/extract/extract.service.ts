/**
 * Drafts a report from a news text, offline: the text is read once (paragraphs, sentences, names
 * the gazetteer knows, numbers, dates), then each layer adds what it finds, in an order where
 * later layers can use earlier ones: places and organizations, officials, forums, documents,
 * sectors, figures, then the ties between them.
 */
import { parsePublished } from './dates';
import { findDesignatedRegions, draftPlaces } from './places';
import { Gazetteer } from './gazetteer';
import { findDocuments } from './documents';
import { findFigures } from './figures';
import { findForums } from './forums';
import { findOfficials } from './officials';
import { findOrganizations } from './organizations';
import { Reading } from './reading';
import { findSectors } from './sectors';
import { buildReport, type DraftReportData, type DraftSource } from './report';
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
  const headline = article.headline?.text ?? article.paragraphs[0]?.text.slice(0, 120) ?? 'Untitled text';
  const source: DraftSource = {
    name: options.source?.name ?? headline.replace(/\s+/g, ' ').slice(0, 300),
    ...(options.source?.publisher ? { publisher: options.source.publisher } : {}),
    ...(options.source?.url ? { url: options.source.url } : {}),
    ...(published ? { publishedOn: published.value } : {}),
  };
  return buildReport(reading, source);
}
