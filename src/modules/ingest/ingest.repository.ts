import { z } from 'zod';

import type { WriteScope } from '../../db/executor';
import { defineQuery } from '../../db/query';
import { ENTITY_TYPES, type EntityType, type TieType } from '../entity/entity.model';

/** One entity to write, already resolved to its final id and stripped of absent values. */
export interface EntityWrite {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly nameKey: string;
  readonly aliases: readonly string[];
  readonly aliasKeys: readonly string[];
  /** Updates replace the aliases; ingestion adds to them. */
  readonly replaceAliases: boolean;
  /** Type-specific properties; a null value removes the property. */
  readonly props: Readonly<Record<string, unknown>>;
  readonly sourceId: string | null;
  readonly locator: string;
}

export interface TieWrite {
  readonly type: TieType;
  readonly from: string;
  readonly to: string;
  /** Tells apart several ties of one type between the same pair (e.g. two positions). */
  readonly key: string;
  /** The title as first stated; `props` carries it only when a write replaces the details. */
  readonly title: string | null;
  readonly props: Readonly<Record<string, unknown>>;
  readonly sourceId: string | null;
  readonly locator: string;
}

export interface Candidate {
  readonly ref: string;
  readonly type: EntityType;
  readonly id: string | null;
  readonly keys: readonly string[];
}

const candidateMatch = z.object({ ref: z.string(), id: z.string(), type: z.string() });

/** Candidates found by id, or by a name or alias key equal to another entity's name. */
const resolveIndexedQuery = defineQuery(
  'ingest.resolveIndexed',
  `UNWIND $candidates AS c
   CALL (c) {
     MATCH (n:Entity {id: c.id})
     RETURN n, 0 AS rank
     UNION
     UNWIND c.keys AS k
     MATCH (n:Entity {nameKey: k})
     WHERE c.type IN labels(n)
     RETURN n, 1 AS rank
   }
   WITH c, n, rank ORDER BY rank, n.id
   WITH c, collect(n)[0] AS n
   RETURN c.ref AS ref, n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type`,
  candidateMatch,
);

/** The fallback for candidates known only by an alias: a label scan, so it runs only for those. */
const resolveByAliasQuery = defineQuery(
  'ingest.resolveByAlias',
  `UNWIND $candidates AS c
   MATCH (n:$(c.type))
   WHERE any(k IN c.keys WHERE k IN n.aliasKeys)
   WITH c, n ORDER BY n.id
   WITH c, collect(n)[0] AS n
   RETURN c.ref AS ref, n.id AS id, c.type AS type`,
  candidateMatch,
);

const upsertEntitiesQuery = defineQuery(
  'ingest.upsertEntities',
  `UNWIND $entities AS e
   MERGE (n:Entity {id: e.id})
   ON CREATE SET n.createdAt = datetime.statement(), n.updatedAt = datetime.statement()
   SET n:$(e.type)
   WITH n, e, properties(n) AS before,
        // Ingestion keeps an entity's name and records another spelling as an alias (unless it folds
        // to the name or an alias already there: "xinjiang" adds nothing to "Xinjiang"); updates rename.
        e.replaceAliases OR n.name IS NULL OR n.name = e.name AS takesName
   WITH n, e, before, takesName,
        e.aliases + CASE WHEN takesName OR e.nameKey = n.nameKey OR e.nameKey IN coalesce(n.aliasKeys, [])
                         THEN [] ELSE [e.name] END AS newAliases,
        e.aliasKeys + CASE WHEN takesName THEN [] ELSE [e.nameKey] END AS newAliasKeys
   SET n += e.props,
       n.name = CASE WHEN takesName THEN e.name ELSE n.name END,
       n.nameKey = CASE WHEN takesName THEN e.nameKey ELSE n.nameKey END
   SET n.aliases = reduce(acc = CASE WHEN e.replaceAliases THEN [] ELSE coalesce(n.aliases, []) END, a IN newAliases |
                          CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END),
       n.aliasKeys = reduce(acc = CASE WHEN e.replaceAliases THEN [] ELSE coalesce(n.aliasKeys, []) END, k IN newAliasKeys |
                            CASE WHEN k IN acc OR k = n.nameKey THEN acc ELSE acc + k END)
   SET n.searchText = reduce(text = n.name, a IN n.aliases | text + ' | ' + a)
   WITH n, e, before
   CALL (n, before) {
     WITH n, before WHERE before <> properties(n)
     SET n.updatedAt = datetime()
   }
   CALL (n, e) {
     WITH n, e WHERE e.sourceId IS NOT NULL
     MATCH (s:Source {id: e.sourceId})
     MERGE (n)-[p:STATED_IN {locator: e.locator}]->(s)
     ON CREATE SET p.recordedAt = datetime()
   }
   RETURN n.id AS id, n.createdAt = datetime.statement() AS created`,
  z.object({ id: z.string(), created: z.boolean() }),
);

const upsertTiesQuery = defineQuery(
  'ingest.upsertTies',
  `UNWIND $ties AS t
   MATCH (a:Entity {id: t.from})
   MATCH (b:Entity {id: t.to})
   MERGE (a)-[r:$(t.type) {key: t.key}]->(b)
   ON CREATE SET r.createdAt = datetime.statement(), r.sourceIds = [], r.locators = [], r.recordedAts = [],
                 r.title = t.title
   SET r += t.props
   WITH r, t, r.createdAt = datetime.statement() AS created
   WITH r, t, created,
        t.sourceId IS NOT NULL
        AND none(i IN range(0, size(r.sourceIds) - 1) WHERE r.sourceIds[i] = t.sourceId AND r.locators[i] = t.locator) AS isNewStatement
   CALL (r, t, isNewStatement) {
     WITH r, t WHERE isNewStatement
     SET r.sourceIds = r.sourceIds + t.sourceId,
         r.locators = r.locators + t.locator,
         r.recordedAts = r.recordedAts + toString(datetime())
   }
   RETURN t.from AS from, t.to AS to, created`,
  z.object({ from: z.string(), to: z.string(), created: z.boolean() }),
);

const deleteEntityQuery = defineQuery(
  'ingest.deleteEntity',
  `MATCH (n:Entity {id: $id})
   WHERE $type IN labels(n)
   DETACH DELETE n
   RETURN count(*) AS deleted`,
  z.object({ deleted: z.number() }),
);

const deleteTieQuery = defineQuery(
  'ingest.deleteTie',
  `MATCH (:Entity {id: $from})-[r:$($type) {key: $key}]->(:Entity {id: $to})
   DELETE r
   RETURN count(*) AS deleted`,
  z.object({ deleted: z.number() }),
);

const typesQuery = defineQuery(
  'ingest.typesOf',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type`,
  z.object({ id: z.string(), type: z.enum(ENTITY_TYPES) }),
);

const tieExistsQuery = defineQuery(
  'ingest.tieExists',
  `RETURN EXISTS { (:Entity {id: $from})-[:$($type) {key: $key}]->(:Entity {id: $to}) } AS exists`,
  z.object({ exists: z.boolean() }),
);

// Ties keep their sources as ids in lists (a relationship cannot point at a node), which no index
// covers: deleting a source scans the relationships, a price paid only by this rare write.
const sourceUseQuery = defineQuery(
  'ingest.sourceUse',
  `MATCH (s:Source {id: $id})
   RETURN COUNT { (s)<-[:STATED_IN]-() } + COUNT { ()-[r]->() WHERE $id IN r.sourceIds } AS statements`,
  z.object({ statements: z.number() }),
);

/** Another entity of the type already named or aliased by one of the keys. */
const otherWithKeysQuery = defineQuery(
  'ingest.otherWithKeys',
  `MATCH (n:$($type))
   WHERE n.id <> $id AND (n.nameKey IN $keys OR any(k IN coalesce(n.aliasKeys, []) WHERE k IN $keys))
   RETURN n.id AS id ORDER BY n.id LIMIT 1`,
  z.object({ id: z.string() }),
);

/** Writes of the graph; every method runs inside the caller's transaction. */
export class IngestRepository {
  constructor(private readonly tx: WriteScope) {}

  async resolve(candidates: readonly Candidate[]): Promise<Map<string, { id: string; type: string }>> {
    const found = new Map<string, { id: string; type: string }>();
    if (candidates.length === 0) return found;
    for (const row of await this.tx.run(resolveIndexedQuery, { candidates })) {
      if (row.id) found.set(row.ref, row);
    }
    const unresolved = candidates.filter((c) => !found.has(c.ref) && c.keys.length > 0);
    if (unresolved.length > 0) {
      for (const row of await this.tx.run(resolveByAliasQuery, { candidates: unresolved })) {
        found.set(row.ref, row);
      }
    }
    return found;
  }

  upsertEntities(entities: readonly EntityWrite[]) {
    return entities.length === 0 ? Promise.resolve([]) : this.tx.run(upsertEntitiesQuery, { entities });
  }

  upsertTies(ties: readonly TieWrite[]) {
    return ties.length === 0 ? Promise.resolve([]) : this.tx.run(upsertTiesQuery, { ties });
  }

  async deleteEntity(type: EntityType, id: string): Promise<boolean> {
    const rows = await this.tx.run(deleteEntityQuery, { type, id });
    return (rows[0]?.deleted ?? 0) > 0;
  }

  async deleteTie(type: TieType, from: string, to: string, key: string): Promise<boolean> {
    const rows = await this.tx.run(deleteTieQuery, { type, from, to, key });
    return (rows[0]?.deleted ?? 0) > 0;
  }

  async typesOf(ids: readonly string[]): Promise<Map<string, EntityType>> {
    const rows = ids.length === 0 ? [] : await this.tx.run(typesQuery, { ids });
    return new Map(rows.map((row) => [row.id, row.type]));
  }

  async tieExists(type: TieType, from: string, to: string, key: string): Promise<boolean> {
    const rows = await this.tx.run(tieExistsQuery, { type, from, to, key });
    return rows[0]?.exists ?? false;
  }

  async otherWithKeys(type: EntityType, id: string, keys: readonly string[]): Promise<string | undefined> {
    if (keys.length === 0) return undefined;
    const rows = await this.tx.run(otherWithKeysQuery, { type, id, keys });
    return rows[0]?.id;
  }

  async sourceStatementCount(id: string): Promise<number> {
    const rows = await this.tx.run(sourceUseQuery, { id });
    return rows[0]?.statements ?? 0;
  }
}
