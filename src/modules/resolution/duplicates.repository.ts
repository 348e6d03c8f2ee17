import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery } from '../../db/query';
import type { EntityType } from '../entity/entity.model';
import type { Position, Profile, Surroundings } from './duplicates.score';

const text = z.string().nullable().optional();

const profilesQuery = defineQuery(
  'resolution.profiles',
  `MATCH (n:$($type))
   RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.kind AS kind,
          n.iso2 AS iso2, n.iso3 AS iso3, n.isoNumeric AS isoNumeric, n.isoSubdivision AS isoSubdivision,
          substring(toString(n.date), 0, 4) AS year
   ORDER BY n.id
   LIMIT toInteger($limit)`,
  z.object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    kind: text,
    iso2: text,
    iso3: text,
    isoNumeric: text,
    isoSubdivision: text,
    year: text,
  }),
);

/**
 * What surrounds each entity: the regions, organizations and forums tied to it (either way, and
 * the parties it signed or attended on behalf of), and the posts it holds. A hub's list is cut at
 * `$most`: a country with thousands of companies in it shares some of them with a duplicate.
 */
const surroundingsQuery = defineQuery(
  'resolution.surroundings',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN id,
     COLLECT {
       MATCH (n)-[r]-(m:Entity)
       WHERE type(r) <> 'STATED_IN' AND (m:Region OR m:Organization OR m:Forum)
       RETURN DISTINCT {id: m.id, type: [l IN labels(m) WHERE l <> 'Entity'][0]} AS neighbour
       LIMIT toInteger($most)
     } + COLLECT {
       MATCH (n)-[r:SIGNED|ATTENDED]->() WHERE r.onBehalfOf IS NOT NULL
       MATCH (p:Entity {id: r.onBehalfOf})
       RETURN DISTINCT {id: p.id, type: [l IN labels(p) WHERE l <> 'Entity'][0]} AS neighbour
       LIMIT toInteger($most)
     } AS neighbours,
     COLLECT {
       MATCH (n)-[h:HOLDS]->(o:Organization)
       RETURN {organizationId: o.id, title: h.key, since: toString(h.since), until: toString(h.until),
               untilPrecision: h.untilPrecision} AS position
       LIMIT toInteger($most)
     } AS positions`,
  z.object({
    id: z.string(),
    neighbours: z.array(z.object({ id: z.string(), type: z.string() })),
    positions: z.array(
      z.object({
        organizationId: z.string(),
        title: z.string(),
        since: text,
        until: text,
        untilPrecision: text,
      }),
    ),
  }),
);

/** How many neighbours and posts of one entity are read at most. */
const MOST_AROUND_ONE = 200;
const SURROUNDINGS_BATCH = 1_000;

/** The last day a stored date of this precision can mean, so "until 2012" is before "since 2013". */
function lastDay(date: string, precision: string | null | undefined): string {
  if (precision === 'YEAR') return `${date.slice(0, 4)}-12-31`;
  if (precision === 'MONTH') return `${date.slice(0, 7)}-31`;
  return date;
}

/** Reads of what duplicate candidates are scored on. */
export class DuplicatesRepository {
  constructor(private readonly db: Executor) {}

  /** The entities of a type, at most `limit`, in id order. */
  async profiles(type: EntityType, limit: number): Promise<Profile[]> {
    const rows = await this.db.read(profilesQuery, { type, limit });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      aliases: row.aliases,
      kind: row.kind ?? null,
      codes: Object.fromEntries(
        (['iso2', 'iso3', 'isoNumeric', 'isoSubdivision'] as const).flatMap((field) => {
          const value = row[field];
          return value ? [[field, value]] : [];
        }),
      ),
      year: row.year ?? null,
    }));
  }

  async surroundings(ids: readonly string[]): Promise<Map<string, Surroundings>> {
    const found = new Map<string, Surroundings>();
    for (let start = 0; start < ids.length; start += SURROUNDINGS_BATCH) {
      const rows = await this.db.read(surroundingsQuery, {
        ids: ids.slice(start, start + SURROUNDINGS_BATCH),
        most: MOST_AROUND_ONE,
      });
      for (const row of rows) {
        const positions: Position[] = row.positions.map((position) => ({
          organizationId: position.organizationId,
          title: position.title,
          since: position.since ?? null,
          until: position.until ? lastDay(position.until, position.untilPrecision) : null,
        }));
        found.set(row.id, {
          neighbours: new Map(row.neighbours.map((neighbour) => [neighbour.id, neighbour.type])),
          positions,
        });
      }
    }
    return found;
  }
}
