import { z } from 'zod';

import type { WriteScope } from '../../db/executor';
import { defineQuery } from '../../db/query';
import type { Origin } from '../claim/claim.model';
import { ENTITY_TYPES, type EntityType, type TieType } from '../entity/entity.model';
import type { TieIdentity } from '../history/change.model';
import { typedPropsColumn, typedPropsCypher, type TypedProps } from '../history/change.values';

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
  /** Set on a new entity before `props`: what its type takes when the input leaves it out. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** The name was made from other fields: kept for a new entity, never recorded as an alias. */
  readonly generatedName: boolean;
  readonly sourceId: string | null;
  readonly locator: string;
  readonly quote: string | null;
  /** The resolution keys (`resolutionKey`) of its name and aliases; the entity claims those still free. */
  readonly keys: readonly string[];
  /**
   * A new entity under an id the write path chose: created, never merged into an entity that took
   * the id meanwhile (the id constraint then refuses the write). Otherwise the id decides identity.
   */
  readonly mustCreate: boolean;
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
  readonly quote: string | null;
}

/** A claimed resolution key and the entity it names, if any. */
const claimedKey = z.object({ key: z.string(), id: z.string().nullable() });

/**
 * Claims resolution keys for the rest of the transaction: MERGE on the unique key makes a
 * concurrent writer of the same key wait until this transaction ends, and setting (then removing)
 * a property takes the key's write lock before its entity is read, so what is read is what the
 * last writer committed, and nothing is left behind.
 * Keys are claimed in sorted order so that two writers never wait for each other in a circle.
 */
const claimKeysQuery = defineQuery(
  'write.claimKeys',
  `UNWIND $keys AS key
   MERGE (k:NameKey {key: key})
   SET k._lock = true
   REMOVE k._lock
   WITH k
   OPTIONAL MATCH (n:Entity {id: k.entityId})
   RETURN k.key AS key, n.id AS id`,
  claimedKey,
);

/** Frees the keys an entity no longer goes by (an update renamed it or dropped an alias). */
const releaseKeysQuery = defineQuery(
  'write.releaseKeys',
  `MATCH (k:NameKey {entityId: $id})
   WHERE NOT k.key IN $keep
   DELETE k
   RETURN count(*) AS released`,
  z.object({ released: z.number() }),
);

const upsertEntitiesQuery = defineQuery(
  'write.upsertEntities',
  `UNWIND $entities AS e
   CALL (e) {
     WITH e WHERE e.mustCreate
     CREATE (n:Entity {id: e.id})
     SET n.createdAt = datetime.statement(), n.updatedAt = datetime.statement()
     RETURN n
     UNION
     WITH e WHERE NOT e.mustCreate
     MERGE (n:Entity {id: e.id})
     ON CREATE SET n.createdAt = datetime.statement(), n.updatedAt = datetime.statement()
     RETURN n
   }
   SET n:$(e.type)
   SET n += CASE WHEN n.createdAt = datetime.statement() THEN e.defaults ELSE {} END
   WITH n, e, properties(n) AS before,
        // Ingestion keeps an entity's name and records another spelling as an alias (unless it folds
        // to the name or an alias already there: "xinjiang" adds nothing to "Xinjiang"); updates rename.
        e.replaceAliases OR n.name IS NULL OR n.name = e.name AS takesName
   WITH n, e, before, takesName,
        // Every spelling a source uses is kept ("XINJIANG", "Xinjiang Uygur"), even one that folds
        // to a name already there: search and a reader see the names as stated.
        e.aliases + CASE WHEN takesName OR e.generatedName OR e.name = n.name THEN [] ELSE [e.name] END AS newAliases,
        e.aliasKeys + CASE WHEN takesName OR e.generatedName THEN [] ELSE [e.nameKey] END AS newAliasKeys
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
     // Every quote a source gives for the entity at this locator, each once.
     // The names the source used for it there, each once: the provenance of its spellings.
     SET p.names = CASE WHEN e.generatedName OR e.name IN coalesce(p.names, []) THEN p.names
                        ELSE coalesce(p.names, []) + e.name END
     WITH p, e WHERE e.quote IS NOT NULL AND NOT e.quote IN coalesce(p.quotes, [])
     SET p.quotes = coalesce(p.quotes, []) + e.quote
   }
   // The entity takes the keys of its names that no live entity holds (claimed earlier in the
   // transaction, or free); a key held by another entity stays with it.
   CALL (n, e) {
     UNWIND e.keys AS key
     MERGE (k:NameKey {key: key})
     ON CREATE SET k.entityId = n.id
     WITH n, k
     WHERE k.entityId IS NULL OR (k.entityId <> n.id AND NOT EXISTS { MATCH (:Entity {id: k.entityId}) })
     SET k.entityId = n.id
   }
   RETURN n.id AS id, n.createdAt = datetime.statement() AS created,
          CASE WHEN $states THEN {type: [l IN labels(n) WHERE l <> 'Entity'][0], props: ${typedPropsCypher('n')}} END AS state`,
  z.object({
    id: z.string(),
    created: z.boolean(),
    state: z.object({ type: z.enum(ENTITY_TYPES), props: typedPropsColumn }).nullable(),
  }),
);

const upsertTiesQuery = defineQuery(
  'write.upsertTies',
  `UNWIND $ties AS t
   MATCH (a:Entity {id: t.from})
   MATCH (b:Entity {id: t.to})
   MERGE (a)-[r:$(t.type) {key: t.key}]->(b)
   ON CREATE SET r.createdAt = datetime.statement(), r.sourceIds = [], r.locators = [], r.recordedAts = [],
                 r.quotes = [], r.title = t.title
   SET r += t.props
   // A statement is a source and locator; with another quote it is another statement (a tie stated
   // twice in one place keeps both quotes), and a quote given later fills one stated without.
   WITH r, t, r.createdAt = datetime.statement() AS created, coalesce(t.quote, '') AS quote,
        [i IN range(0, size(r.sourceIds) - 1) WHERE r.sourceIds[i] = t.sourceId AND r.locators[i] = t.locator] AS same,
        [i IN range(0, size(r.sourceIds) - 1) | coalesce(r.quotes[i], '')] AS quotes
   WITH r, t, created, quote, quotes,
        t.sourceId IS NOT NULL AND NOT (size(same) > 0 AND (quote = '' OR any(i IN same WHERE quotes[i] = quote))) AS isNew,
        [i IN same WHERE quotes[i] = ''][0] AS unquoted
   CALL (r, t, quote, quotes, isNew, unquoted) {
     WITH r, t, quote, quotes WHERE isNew AND unquoted IS NOT NULL
     SET r.quotes = [j IN range(0, size(quotes) - 1) | CASE WHEN j = unquoted THEN quote ELSE quotes[j] END]
   }
   CALL (r, t, quote, quotes, isNew, unquoted) {
     WITH r, t, quote, quotes WHERE isNew AND unquoted IS NULL
     SET r.sourceIds = r.sourceIds + t.sourceId,
         r.locators = r.locators + t.locator,
         r.recordedAts = r.recordedAts + toString(datetime()),
         r.quotes = quotes + quote
   }
   RETURN t.type AS type, t.from AS from, t.to AS to, created,
          CASE WHEN $states THEN [r.key, ${typedPropsCypher('r')}] END AS state`,
  z.object({
    type: z.string(),
    from: z.string(),
    to: z.string(),
    created: z.boolean(),
    state: z.tuple([z.string(), typedPropsColumn]).nullable(),
  }),
);

const deleteEntityQuery = defineQuery(
  'write.deleteEntity',
  `MATCH (n:Entity {id: $id})
   WHERE $type IN labels(n)
   CALL (n) {
     MATCH (k:NameKey {entityId: n.id})
     DELETE k
   }
   DETACH DELETE n
   RETURN count(*) AS deleted`,
  z.object({ deleted: z.number() }),
);

const deleteTieQuery = defineQuery(
  'write.deleteTie',
  `MATCH (:Entity {id: $from})-[r:$($type) {key: $key}]->(:Entity {id: $to})
   DELETE r
   RETURN count(*) AS deleted`,
  z.object({ deleted: z.number() }),
);

const typesQuery = defineQuery(
  'write.typesOf',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type`,
  z.object({ id: z.string(), type: z.enum(ENTITY_TYPES) }),
);

const tieExistsQuery = defineQuery(
  'write.tieExists',
  `RETURN EXISTS { (:Entity {id: $from})-[:$($type) {key: $key}]->(:Entity {id: $to}) } AS exists`,
  z.object({ exists: z.boolean() }),
);

// Ties keep their sources as ids in lists (a relationship cannot point at a node), which no index
// covers: deleting a source scans the relationships, a price paid only by this rare write.
const sourceUseQuery = defineQuery(
  'write.sourceUse',
  `MATCH (s:Source {id: $id})
   RETURN COUNT { (s)<-[:STATED_IN]-() } + COUNT { ()-[r]->() WHERE $id IN r.sourceIds } AS statements`,
  z.object({ statements: z.number() }),
);

/** Sets (or, with null, removes) properties of one entity, marking it updated. */
const setPropsQuery = defineQuery(
  'write.setProps',
  `MATCH (n:Entity {id: $id})
   SET n += $props, n.updatedAt = datetime()
   RETURN n.id AS id`,
  z.object({ id: z.string() }),
);

/** The signatures and attendances made on behalf of any of the entities (indexed by migration 0002). */
const onBehalfOfQuery = defineQuery(
  'write.onBehalfOf',
  `UNWIND $ids AS id
   CALL (id) {
     MATCH (a:Entity)-[r:SIGNED]->(b:Entity) WHERE r.onBehalfOf = id
     RETURN type(r) AS type, a.id AS from, b.id AS to
     UNION
     MATCH (a:Entity)-[r:ATTENDED]->(b:Entity) WHERE r.onBehalfOf = id
     RETURN type(r) AS type, a.id AS from, b.id AS to
   }
   RETURN DISTINCT type, from, to`,
  z.object({ type: z.string(), from: z.string(), to: z.string() }),
);

const keysHeldQuery = defineQuery(
  'write.keysHeld',
  `UNWIND $ids AS id
   MATCH (k:NameKey {entityId: id})
   RETURN k.key AS key`,
  z.object({ key: z.string() }),
);

/** Where ids of merged entities lead now (their `id:<old id>` keys). */
const redirectsQuery = defineQuery(
  'write.redirects',
  `UNWIND $ids AS id
   MATCH (k:NameKey {key: 'id:' + id})
   MATCH (n:Entity {id: k.entityId})
   RETURN id, n.id AS into`,
  z.object({ id: z.string(), into: z.string() }),
);

/**
 * The region each ISO code names: `iso2:GB` a country with that alpha-2 code (not a subdivision
 * that also records its country's), `sub:CN-XJ` a subdivision. The first by id where data holds two.
 */
const regionsByCodeQuery = defineQuery(
  'write.regionsByCode',
  `UNWIND $codes AS code
   CALL (code) {
     MATCH (r:Region {iso2: substring(code, 5)})
     WHERE code STARTS WITH 'iso2:' AND r.isoSubdivision IS NULL
     RETURN r.id AS id ORDER BY id LIMIT 1
     UNION
     MATCH (r:Region {isoSubdivision: substring(code, 4)})
     WHERE code STARTS WITH 'sub:'
     RETURN r.id AS id ORDER BY id LIMIT 1
   }
   RETURN code, id`,
  z.object({ code: z.string(), id: z.string() }),
);

/** The first statement of each entity: where a value stored before any claim came from. */
const firstStatementsQuery = defineQuery(
  'write.firstStatements',
  `UNWIND $ids AS id
   MATCH (:Entity {id: id})-[p:STATED_IN]->(s:Source)
   WITH id, p, s ORDER BY p.recordedAt, s.id
   WITH id, collect({sourceId: s.id, locator: p.locator, quote: p.quotes[0], recordedAt: toString(p.recordedAt)})[0] AS first
   RETURN id, first.sourceId AS sourceId, CASE first.locator WHEN '' THEN null ELSE first.locator END AS locator,
          first.quote AS quote, first.recordedAt AS recordedAt`,
  z.object({
    id: z.string(),
    sourceId: z.string(),
    locator: z.string().nullable(),
    quote: z.string().nullable(),
    recordedAt: z.string(),
  }),
);

/**
 * Who takes the state the upserts leave behind: the change recorder, which then need not read
 * those facts again at the end of the transaction. Without one the upserts return no state.
 */
export interface WrittenStates {
  entitiesWritten(states: readonly { id: string; type: EntityType; props: TypedProps }[]): void;
  tiesWritten(states: readonly { identity: TieIdentity; props: TypedProps }[]): void;
}

/** Writes of the graph; every method runs inside the caller's transaction. */
export class WriteRepository {
  constructor(
    private readonly tx: WriteScope,
    private readonly written?: WrittenStates,
  ) {}

  /** Claims the keys (see claimKeysQuery); returns each key's entity, or null when none holds it. */
  async claimKeys(keys: readonly string[]): Promise<Map<string, string | null>> {
    const sorted = [...new Set(keys)].sort();
    const rows = sorted.length === 0 ? [] : await this.tx.run(claimKeysQuery, { keys: sorted });
    return new Map(rows.map((row) => [row.key, row.id]));
  }

  async releaseKeys(id: string, keep: readonly string[]): Promise<void> {
    await this.tx.run(releaseKeysQuery, { id, keep });
  }

  async upsertEntities(entities: readonly EntityWrite[]): Promise<{ id: string; created: boolean }[]> {
    if (entities.length === 0) return [];
    const rows = await this.tx.run(upsertEntitiesQuery, { entities, states: this.written !== undefined });
    this.written?.entitiesWritten(rows.flatMap(({ id, state }) => (state ? [{ id, ...state }] : [])));
    return rows.map(({ id, created }) => ({ id, created }));
  }

  async upsertTies(ties: readonly TieWrite[]): Promise<{ from: string; to: string; created: boolean }[]> {
    if (ties.length === 0) return [];
    const rows = await this.tx.run(upsertTiesQuery, { ties, states: this.written !== undefined });
    this.written?.tiesWritten(
      rows.flatMap(({ type, from, to, state }) =>
        state ? [{ identity: { type, from, to, disc: state[0] }, props: state[1] }] : [],
      ),
    );
    return rows.map(({ from, to, created }) => ({ from, to, created }));
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

  tiesOnBehalfOf(ids: readonly string[]) {
    return ids.length === 0 ? Promise.resolve([]) : this.tx.run(onBehalfOfQuery, { ids });
  }

  async keysHeldBy(ids: readonly string[]): Promise<string[]> {
    const rows = ids.length === 0 ? [] : await this.tx.run(keysHeldQuery, { ids });
    return rows.map((row) => row.key);
  }

  /** The entity each of `ids` was merged into, for ids that name no entity any more. */
  async redirects(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = ids.length === 0 ? [] : await this.tx.run(redirectsQuery, { ids: [...new Set(ids)] });
    return new Map(rows.map((row) => [row.id, row.into]));
  }

  /** The stored region of each code (`iso2:GB`, `sub:CN-XJ`), where there is one. */
  async regionsByCode(codes: readonly string[]): Promise<Map<string, string>> {
    const rows = codes.length === 0 ? [] : await this.tx.run(regionsByCodeQuery, { codes: [...new Set(codes)] });
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  async setProps(id: string, props: Record<string, unknown>): Promise<void> {
    await this.tx.run(setPropsQuery, { id, props });
  }

  async firstStatements(ids: readonly string[]): Promise<Map<string, Origin>> {
    const rows = ids.length === 0 ? [] : await this.tx.run(firstStatementsQuery, { ids });
    return new Map(rows.map(({ id, ...origin }) => [id, origin]));
  }

  async sourceStatementCount(id: string): Promise<number> {
    const rows = await this.tx.run(sourceUseQuery, { id });
    return rows[0]?.statements ?? 0;
  }
}
