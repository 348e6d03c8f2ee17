/**
 * Which stored entities a drafted entity may be: same type, and a name or alias that matches
 * (1 when equal once folded, less as fewer words are shared), or the same ISO code. A reviewer
 * picks one; an exact match is also written into the draft as the entity's id.
 */
import type { GazetteerEntry } from './gazetteer';
import type { ReportEntity } from './report';
import { FIELD_OF_TYPE } from './report';
import { fold } from './text';

export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly score: number;
}

const MAX_CANDIDATES = 5;
const MIN_SCORE = 0.5;

function words(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(' ')
      .filter((word) => word.length > 1 && !['of', 'the', 'and', 'for'].includes(word)),
  );
}

function similarity(a: string, b: string): number {
  if (fold(a) === fold(b)) return 1;
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  const shared = [...x].filter((word) => y.has(word)).length;
  return Math.round((shared / Math.max(x.size, y.size)) * 0.9 * 100) / 100;
}

export function candidatesFor(entity: ReportEntity, stored: readonly GazetteerEntry[]): Candidate[] {
  const type = (Object.entries(FIELD_OF_TYPE).find(([, field]) => entity[field]) ?? [])[0];
  const field = type ? entity[FIELD_OF_TYPE[type as keyof typeof FIELD_OF_TYPE]] : undefined;
  if (!type || !field) return [];
  const names = [field.name, field.title, ...((field.aliases as string[] | undefined) ?? [])].filter(
    (n): n is string => typeof n === 'string',
  );
  const scored: Candidate[] = [];
  for (const entry of stored) {
    if (entry.type !== type || !entry.id) continue;
    let score = 0;
    if (entry.iso2 && field.iso2 === entry.iso2) score = 1;
    for (const name of names)
      for (const theirs of [entry.name, ...entry.aliases]) score = Math.max(score, similarity(name, theirs));
    if (score >= MIN_SCORE) scored.push({ id: entry.id, name: entry.name, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, MAX_CANDIDATES);
}
