import DataLoader from 'dataloader';

import type { Executor } from '../db/executor';
import type { Query } from '../db/query';

/** Rows of a batched query carry the key they were asked for. */
export interface KeyedRow {
  readonly key: string;
}

/**
 * Per-request DataLoaders, one per batched query. A relationship field resolved for 100 parents
 * runs one query, so a request's query count grows with its depth, not with its rows.
 */
export class Loaders {
  private readonly byQuery = new Map<string, DataLoader<string, KeyedRow[]>>();

  constructor(private readonly db: Executor) {}

  /** Loads every row the query returns for `key`; the query receives all keys as `$keys`. */
  load<Row extends KeyedRow>(query: Query<Row>, key: string): Promise<Row[]> {
    let loader = this.byQuery.get(query.name);
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
      this.byQuery.set(query.name, loader);
    }
    // The map is keyed by query name, so the rows are those of this query.
    return loader.load(key) as Promise<Row[]>;
  }

  async loadOne<Row extends KeyedRow>(query: Query<Row>, key: string): Promise<Row | undefined> {
    const rows = await this.load(query, key);
    return rows[0];
  }
}
