import DataLoader from 'dataloader';
import {
  defaultFieldResolver,
  getNamedType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
} from 'graphql';
import type { Path } from 'graphql/jsutils/Path';

import type { Executor } from '../db/executor';
import type { Query } from '../db/query';

/** Rows of a batched query carry the key they were asked for. */
export interface KeyedRow {
  readonly key: string;
}

/**
 * Per-request DataLoaders, one per batched query and parent position in the request. A
 * relationship field resolved for 100 parents runs one query, so a request's query count grows
 * with its depth, not with its rows.
 *
 * Why the parent position: all objects at one position of the answer (say
 * `forums.nodes.documents`) arrive together, so their fields are asked for in the same tick and
 * batch into one query. Loads of the same query from elsewhere (`forums.nodes.place.parent` and
 * `forums.nodes.documents.partOf` both follow PART_OF) arrive whenever their parents do: sharing a
 * loader would merge them or not depending on timing, and the count would vary from run to run.
 * Keeping them apart makes the count a function of the request alone, which is what tests and
 * cost limits can rely on.
 */
export class Loaders {
  private readonly byBatch = new Map<string, DataLoader<string, KeyedRow[]>>();
  private readonly primed = new Map<string, Map<string, readonly KeyedRow[]>>();
  private parent: Path | undefined;

  /**
   * @param prefetching whether root fields may load a request's selection ahead in one statement
   *   (`EntityRepository.prefetch`); off, every field loads on its own, as it would anyway for
   *   fields the planner does not cover. Tests turn it off to compare both ways.
   */
  constructor(
    private readonly db: Executor,
    readonly prefetching = true,
  ) {}

  /**
   * Records every row `query` returns for `key`, read by a statement that loaded them ahead
   * (a prefetch): later loads of that key take them instead of querying. The first rows primed
   * for a key stay; within a request, they are the same rows.
   */
  prime<Row extends KeyedRow>(query: Query<Row>, key: string, rows: readonly Row[]): void {
    let byKey = this.primed.get(query.name);
    if (!byKey) {
      byKey = new Map();
      this.primed.set(query.name, byKey);
    }
    if (!byKey.has(key)) byKey.set(key, rows);
  }

  /** Called by `batchLoadsByParent` as each field resolves: loads that follow belong to its parent. */
  enterField(path: Path): void {
    this.parent = path.prev;
  }

  /** The rows primed for `key` under `query`'s name, if any; callers must not change them. */
  primedRows<Row extends KeyedRow>(query: Query<Row>, key: string): Promise<Row[]> | undefined {
    const primed = this.primed.get(query.name)?.get(key);
    // Rows are primed only under their own query's name, so they are that query's rows.
    return primed ? Promise.resolve(primed as Row[]) : undefined;
  }

  /** Loads every row the query returns for `key`; the query receives all keys as `$keys`. */
  load<Row extends KeyedRow>(query: Query<Row>, key: string): Promise<Row[]> {
    const primed = this.primedRows(query, key);
    if (primed) return primed;
    const batch = `${query.name}@${positionOf(this.parent)}`;
    let loader = this.byBatch.get(batch);
    if (!loader) {
      loader = new DataLoader<string, KeyedRow[]>(async (keys) => {
        const rows = await this.db.read(query, { keys: [...keys] });
        const grouped = new Map<string, KeyedRow[]>();
        for (const row of rows) {
          const group = grouped.get(row.key);
          if (group) group.push(row);
          else grouped.set(row.key, [row]);
        }
        return keys.map((k) => grouped.get(k) ?? []);
      });
      this.byBatch.set(batch, loader);
    }
    // Each loader belongs to one query, so the rows are those of this query.
    return loader.load(key) as Promise<Row[]>;
  }

  async loadOne<Row extends KeyedRow>(query: Query<Row>, key: string): Promise<Row | undefined> {
    const rows = await this.load(query, key);
    return rows[0];
  }
}

/** A response path without list indices: `forums.nodes.documents` for every document of every forum. */
function positionOf(path: Path | undefined): string {
  const keys: string[] = [];
  for (let at = path; at; at = at.prev) {
    if (typeof at.key === 'string') keys.push(at.key);
  }
  return keys.reverse().join('.');
}

/**
 * Tells each request's loaders which field is resolving, so that `Loaders` can batch by parent
 * position. Only fields of object, interface or union type load anything through the loaders;
 * scalar fields are left alone so large answers pay nothing for this.
 */
export function batchLoadsByParent(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isCompositeType(getNamedType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, { loaders?: Loaders }> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: { loaders?: Loaders }, info) => {
        context.loaders?.enterField(info.path);
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}
