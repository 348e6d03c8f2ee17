/**
 * One event, many reports: two articles about one forum name it in their own words ("3rd
 * Kazakhstan-Xinjiang Cross-Border Forum", "Third Cross-Border Forum Kazakhstan-Xinjiang"), so
 * names alone would draft a second forum and a second set of documents. A drafted forum is the
 * stored one held on the same day, of the same kind and edition where both say, involving or held
 * in a region they share; its documents are the stored ones signed at it with the same kind,
 * count and value, and so are their parts. A match that is not unique is left alone: the
 * reviewer sees the candidates. Once the draft points at them, ingesting it adds its source to the
 * facts it confirms (`sources` on each) instead of creating new ones.
 */
import type { Candidate } from './candidates';
import type { DraftReportData, ReportEntity } from './report';

export interface StoredDocument {
  readonly id: string;
  readonly kind: string | null;
  readonly count: number | null;
  readonly value: number | null;
}

export interface StoredEvent {
  readonly id: string;
  readonly name: string;
  /** ISO date, day precision. */
  readonly date: string;
  readonly kind: string | null;
  readonly edition: number | null;
  /** The regions it involves or was held in. */
  readonly regions: readonly string[];
  readonly documents: readonly (StoredDocument & { readonly parts: readonly StoredDocument[] })[];
}

/** How sure an event match is: below an exact name (1), above a shared word or two. */
const EVENT_SCORE = 0.95;

function idOf(entity: ReportEntity | undefined): string | undefined {
  const fields = entity?.region ?? entity?.forum ?? entity?.document;
  return typeof fields?.id === 'string' ? fields.id : undefined;
}

function sameDocument(drafted: Record<string, unknown>, stored: StoredDocument): boolean {
  const value = (drafted.value as { amount?: unknown } | undefined)?.amount;
  return (
    drafted.kind === stored.kind &&
    ((drafted.count as number | undefined) ?? 1) === (stored.count ?? 1) &&
    (typeof value !== 'number' || stored.value === null || value === stored.value)
  );
}

/** The one stored document each drafted one is, by ref, among `stored`; ambiguous ones are left out. */
function matchDocuments(
  drafted: readonly ReportEntity[],
  stored: readonly StoredDocument[],
): Map<ReportEntity, StoredDocument> {
  const matches = new Map<ReportEntity, StoredDocument>();
  const taken = new Set<string>();
  for (const entity of drafted) {
    const fields = entity.document;
    if (!fields || typeof fields.id === 'string') continue;
    const found = stored.filter((document) => !taken.has(document.id) && sameDocument(fields, document));
    const [only] = found;
    if (only && found.length === 1) {
      matches.set(entity, only);
      taken.add(only.id);
    }
  }
  return matches;
}

function pointAt(entity: ReportEntity, field: 'forum' | 'document', id: string): void {
  entity[field] = { id, ...entity[field] };
}

/**
 * Points the draft's forums and documents at the stored events they report, and adds each
 * forum's match to its candidates. Mutates `report` and `candidates`.
 */
export function pointAtSameEvents(
  report: DraftReportData,
  events: readonly StoredEvent[],
  candidates: Record<string, Candidate[]>,
): void {
  const byRef = new Map(report.entities.map((entity) => [entity.ref, entity]));
  const tiesFrom = (ref: string, types: readonly string[]) =>
    report.ties.filter((tie) => tie.from === ref && types.includes(tie.type));
  const tiesTo = (ref: string, types: readonly string[]) =>
    report.ties.filter((tie) => tie.to === ref && types.includes(tie.type));

  for (const entity of report.entities) {
    const forum = entity.forum;
    if (!forum || typeof forum.date !== 'string' || forum.date.length !== 10) continue;
    const regions = new Set(
      tiesFrom(entity.ref, ['INVOLVES', 'HELD_IN']).flatMap((tie) => idOf(byRef.get(tie.to)) ?? []),
    );
    const already = typeof forum.id === 'string' ? forum.id : undefined;
    const found = events.filter(
      (event) =>
        (already === undefined || event.id === already) &&
        event.date === forum.date &&
        (event.kind === null || forum.kind === undefined || event.kind === forum.kind) &&
        (event.edition === null || forum.edition === undefined || event.edition === forum.edition) &&
        event.regions.some((region) => regions.has(region)),
    );
    const [event] = found;
    if (!event || found.length !== 1) continue;
    if (!already) {
      pointAt(entity, 'forum', event.id);
      const others = (candidates[entity.ref] ?? []).filter((candidate) => candidate.id !== event.id);
      candidates[entity.ref] = [{ id: event.id, name: event.name, score: EVENT_SCORE }, ...others];
    }

    const signed = tiesTo(entity.ref, ['SIGNED_AT']).flatMap((tie) => byRef.get(tie.from) ?? []);
    for (const [document, stored] of matchDocuments(signed, event.documents)) {
      pointAt(document, 'document', stored.id);
      const parts = tiesTo(document.ref, ['PART_OF']).flatMap((tie) => byRef.get(tie.from) ?? []);
      const storedParts = event.documents.find((each) => each.id === stored.id)?.parts ?? [];
      for (const [part, storedPart] of matchDocuments(parts, storedParts)) pointAt(part, 'document', storedPart.id);
    }
  }
}
