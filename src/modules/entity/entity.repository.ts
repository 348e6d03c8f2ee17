import { z } from 'zod';

import type { Executor } from '../../db/executor';
import { defineQuery, type Params } from '../../db/query';
import type { Loaders } from '../../graphql/loaders';
import { cypher } from '../../db/cypher';
import { entityColumn, entityProjection, projectTie, tieColumn, type TieRecord } from './entity.columns';
import type { EntityRecord } from './entity.record';
import type { Direction, Traversable } from './entity.model';
import type { PrefetchFollow, PrefetchPlan } from './entity.prefetch';

const ENTITY = entityProjection('n');
// A tie's details, as every statement projects them.
const TIE = projectTie(cypher`r`).text;

/**
 * The entity of each id; the id of an entity merged into another (`mergeEntities`) finds that
 * one through its `id:<old id>` key, in the same statement, so lookups of ids that exist pay no
 * second read. Merges keep those keys pointing at the last kept entity: one hop is enough.
 */
const entityByIdQuery = defineQuery(
  'entity.byId',
  `UNWIND $keys AS key
   OPTIONAL MATCH (direct:Entity {id: key})
   OPTIONAL MATCH (redirect:NameKey {key: 'id:' + key}) WHERE direct IS NULL
   OPTIONAL MATCH (kept:Entity {id: redirect.entityId})
   WITH key, coalesce(direct, kept) AS n
   WHERE n IS NOT NULL
   RETURN key, ${ENTITY} AS node`,
  z.object({ key: z.string(), node: entityColumn }),
);

// Statements without a locator are stored with '' (a MERGE key cannot be null); clients get null,
// as they do for ties.
const provenanceRow = z.object({
  key: z.string(),
  sourceId: z.string(),
  locator: z.string().nullable(),
  quote: z.string().nullable(),
  names: z.array(z.string()),
  recordedAt: z.string(),
});

const provenanceQuery = defineQuery(
  'entity.provenance',
  `UNWIND $keys AS key
   MATCH (:Entity {id: key})-[p:STATED_IN]->(s:Source)
   // One statement per quote: a source may state an entity in several places, in several words.
   UNWIND CASE WHEN size(coalesce(p.quotes, [])) = 0 THEN [null] ELSE p.quotes END AS quote
   RETURN key, s.id AS sourceId, CASE p.locator WHEN '' THEN null ELSE p.locator END AS locator, quote,
          coalesce(p.names, []) AS names, toString(p.recordedAt) AS recordedAt
   ORDER BY s.id, p.locator`,
  provenanceRow,
);

const relatedRow = z.object({ key: z.string(), tie: tieColumn, node: entityColumn });
export type RelatedRow = z.infer<typeof relatedRow>;

// Every relationship field of the objects at one position of a request (a document's forum,
// parties, sectors and signatories) loads in one statement, since all those loads share this
// query and so its loader: each key names the direction, the tie type and the anchor ("out
// BINDS doc:x"). A statement per field cost a transaction and a round trip each, which made
// them most of a small request's time (docs/benchmarks.md, Q1). The tie type is matched
// dynamically (`$(...)`, Neo4j 5.26). The UNWIND guards keep Neo4j from expanding a direction
// the key does not ask for; the anchor has a MATCH of its own, because in one pattern with a
// dynamic type Neo4j 5.26 plans an index scan of every entity instead of a seek.
const relatedQuery = defineQuery(
  'entity.related',
  `UNWIND $keys AS key
   WITH key, split(key, ' ') AS part
   WITH key, part[0] AS direction, part[1] AS tieType, substring(key, size(part[0]) + size(part[1]) + 2) AS id
   MATCH (anchor:Entity {id: id})
   CALL (anchor, direction, tieType) {
     UNWIND CASE direction WHEN 'out' THEN [true] ELSE [] END AS outgoing
     MATCH (anchor)-[r:$(tieType)]->(n:Entity)
     RETURN r, n
     UNION ALL
     UNWIND CASE direction WHEN 'in' THEN [true] ELSE [] END AS incoming
     MATCH (anchor)<-[r:$(tieType)]-(n:Entity)
     RETURN r, n
   }
   RETURN key, ${TIE} AS tie, ${ENTITY} AS node
   ORDER BY n.name, n.id`,
  relatedRow,
);

/** The key of one `entity.related` load, in the form its statement splits: "out BINDS doc:x". */
function relatedKey(direction: Direction, type: Traversable, id: string): string {
  return `${direction} ${type} ${id}`;
}

/**
 * The name under which a prefetch primes the rows of `entity.related` it read without the ties'
 * details, for fields that read only the entities reached. Never sent to Neo4j on its own: a load
 * it has no rows for goes to `entity.related`.
 */
const relatedEntitiesQuery = defineQuery('entity.related.entities', relatedQuery.cypher, relatedRow);
const NO_DETAILS: TieRecord = tieColumn.parse({});

export interface Provenance {
  readonly sourceId: string;
  readonly locator: string | null;
  /** The words of the source that state it, verbatim, where the report gave them. */
  readonly quote: string | null;
  /** The names the source used for the entity (its spellings); none for a tie. */
  readonly names: readonly string[];
  readonly recordedAt: string;
}

/**
 * What a prefetch statement returns. Each position of the plan (the roots, the entities a follow
 * reaches, the parties ties act for) is read once per distinct entity, however often the entity
 * occurs in the answer: `entities` holds every entity once; `positions[i]` the ids at position i;
 * `ties[k]` the ties of follow k, by anchor id; `sources[j]` the provenance at a position.
 */
const prefetchRow = z.object({
  entities: z.array(entityColumn),
  positions: z.array(z.array(z.string())),
  ties: z.array(z.array(z.object({ key: z.string(), tie: tieColumn.optional(), to: z.string() }))),
  sources: z.array(z.array(provenanceRow)),
});

/** Where each part of a prefetch statement's answer belongs in the plan. */
interface PrefetchLayout {
  /** Per follow, in the order of the statement's `ties`: the follow and the position it starts from. */
  readonly follows: { readonly follow: PrefetchFollow; readonly from: number }[];
  /** Per entry of the statement's `sources`: the position whose provenance it holds. */
  readonly sources: number[];
}

/**
 * The statement that reads the entities `$ids` and what a plan follows from them, level by level:
 * one `CALL` per follow collects its ties from all the distinct entities at its position, and the
 * distinct entities they reach form the next position. Each entity is projected once. The text
 * depends only on the plan's shape (Neo4j caches its plan); tie types and entity types are
 * parameters.
 */
function prefetchStatement(plan: PrefetchPlan): { cypher: string; params: Params; layout: PrefetchLayout } {
  const params: Params = {};
  const clauses = ['UNWIND $ids AS id MATCH (root:Entity {id: id}) WITH collect(DISTINCT root) AS p0'];
  const positions: string[] = [];
  const layout: PrefetchLayout = { follows: [], sources: [] };

  const visit = (at: PrefetchPlan): void => {
    const index = positions.length;
    const entities = `p${index}`;
    positions.push(entities);
    if (at.sources) {
      const sources = `s${layout.sources.length}`;
      layout.sources.push(index);
      clauses.push(`CALL (${entities}) {
        UNWIND ${entities} AS e
        MATCH (e)-[stated:STATED_IN]->(source:Source)
        UNWIND CASE WHEN size(coalesce(stated.quotes, [])) = 0 THEN [null] ELSE stated.quotes END AS quote
        WITH e, stated, source, quote ORDER BY source.id, stated.locator
        RETURN collect({key: e.id, sourceId: source.id,
                        locator: CASE stated.locator WHEN '' THEN null ELSE stated.locator END, quote: quote,
                        names: coalesce(stated.names, []),
                        recordedAt: toString(stated.recordedAt)}) AS ${sources}
      }`);
    }
    for (const follow of at.follows) {
      const k = layout.follows.length;
      const ties = `t${k}`;
      layout.follows.push({ follow, from: index });
      params[`type${k}`] = follow.tie;
      let guard = '';
      if (follow.anchors) {
        params[`anchors${k}`] = follow.anchors;
        guard = `WHERE any(label IN labels(a) WHERE label IN $anchors${k})`;
      }
      const pattern =
        follow.direction === 'out' ? `(a)-[r:$($type${k})]->(b:Entity)` : `(a)<-[r:$($type${k})]-(b:Entity)`;
      clauses.push(`CALL (${entities}) {
        UNWIND ${entities} AS a
        MATCH ${pattern}
        ${guard}
        WITH a, r, b ORDER BY b.name, b.id
        RETURN collect({key: a.id, ${follow.details ? `tie: ${TIE}, ` : ''}to: b.id}) AS ${ties},
               collect(DISTINCT b) AS p${positions.length}
      }`);
      visit(follow.next);
      if (follow.behalf) {
        clauses.push(`CALL (${ties}) {
          UNWIND ${ties} AS t
          WITH DISTINCT t.tie.onBehalfOf AS party WHERE party IS NOT NULL
          MATCH (x:Entity {id: party})
          RETURN collect(x) AS p${positions.length}
        }`);
        visit(follow.behalf);
      }
    }
  };
  visit(plan);

  clauses.push(`CALL (${positions.join(', ')}) {
    UNWIND ${positions.join(' + ')} AS e
    WITH DISTINCT e
    RETURN collect(${entityProjection('e')}) AS entities
  }`);
  clauses.push(`RETURN entities,
    [${positions.map((list) => `[e IN ${list} | e.id]`).join(', ')}] AS positions,
    [${layout.follows.map((_, k) => `t${k}`).join(', ')}] AS ties,
    [${layout.sources.map((_, j) => `s${j}`).join(', ')}] AS sources`);
  return { cypher: clauses.join('\n'), params, layout };
}

function groupByKey<Row extends { key: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const group = grouped.get(row.key);
    if (group) group.push(row);
    else grouped.set(row.key, [row]);
  }
  return grouped;
}

/** Reads shared by every entity type; writes live in `ingest.repository.ts`. */
export class EntityRepository {
  constructor(
    private readonly loaders: Loaders,
    private readonly db: Executor,
  ) {}

  /**
   * Reads `ids` and what `plan` follows from them in one statement (`entity.prefetch`), and primes
   * the loaders with the rows `byId`, `provenance` and `related` would have read one query at a
   * time (checked by the same column schemas as theirs).
   */
  async prefetch(ids: readonly string[], plan: PrefetchPlan): Promise<void> {
    if (ids.length === 0 || !this.loaders.prefetching) return;
    const { cypher, params, layout } = prefetchStatement(plan);
    const row = await this.db.readOne(defineQuery('entity.prefetch', cypher, prefetchRow), {
      ...params,
      ids: [...new Set(ids)],
    });
    if (!row) return;
    const entities = new Map(row.entities.map((node) => [node.id, node]));
    for (const node of entities.values()) this.loaders.prime(entityByIdQuery, node.id, [{ key: node.id, node }]);

    layout.sources.forEach((position, index) => {
      const grouped = groupByKey(row.sources[index] ?? []);
      for (const id of row.positions[position] ?? []) this.loaders.prime(provenanceQuery, id, grouped.get(id) ?? []);
    });
    layout.follows.forEach(({ follow, from }, index) => {
      const grouped = groupByKey(row.ties[index] ?? []);
      for (const id of row.positions[from] ?? []) {
        const anchor = entities.get(id);
        // A follow guarded by type reads nothing for other entities: that is no answer for them.
        if (!anchor || (follow.anchors && !follow.anchors.includes(anchor.__typename))) continue;
        const key = relatedKey(follow.direction, follow.tie, id);
        const rows: RelatedRow[] = [];
        for (const item of grouped.get(id) ?? []) {
          const node = entities.get(item.to);
          if (node) rows.push({ key, tie: item.tie ?? NO_DETAILS, node });
        }
        // Rows without the ties' details only answer fields that read none (`relatedEntities`).
        this.loaders.prime(follow.details ? relatedQuery : relatedEntitiesQuery, key, rows);
      }
    });
  }

  async byId(id: string): Promise<EntityRecord | undefined> {
    const row = await this.loaders.loadOne(entityByIdQuery, id);
    return row?.node;
  }

  async provenance(id: string): Promise<Provenance[]> {
    return this.loaders.load(provenanceQuery, id);
  }

  related(id: string, type: Traversable, direction: Direction): Promise<RelatedRow[]> {
    return this.loaders.load(relatedQuery, relatedKey(direction, type, id));
  }

  /** Like `related`, for callers that read only the entities reached: their ties may lack details. */
  relatedEntities(id: string, type: Traversable, direction: Direction): Promise<RelatedRow[]> {
    const key = relatedKey(direction, type, id);
    return this.loaders.primedRows(relatedEntitiesQuery, key) ?? this.loaders.load(relatedQuery, key);
  }
}
