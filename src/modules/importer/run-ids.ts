import { Earliest } from './earliest';
import { compareKeys, ExternalSort } from './external-sort';
import type { RowPlan } from './row-plan';

/**
 * A row stating a document or figure whose id an earlier row stated too. Documents and figures
 * are the facts a row reports (never matched by name), so two rows with one id are one fact
 * reported twice, or two facts given one id by mistake: the later row still lands, adding to
 * the first, and the summary says so. Regions, bodies, officials and sectors are meant to recur.
 */
export interface RepeatedId {
  readonly row: number;
  readonly line: number;
  readonly id: string;
  /** The first row that stated it. */
  readonly firstRow: number;
}

/**
 * The documents and figures whose id a later row states again (see `RepeatedId`). Every document
 * and figure id a row states is recorded with its row in an ExternalSort, so a file of any size
 * is checked exactly in bounded memory (no hashing: ids are compared whole). Sorted by id, an
 * id's records come in the order they were stated: the first is its first row, and each later
 * one from another row is a repeat.
 */
export class RepeatedIds {
  /** The id, when it was stated (so repeats are listed in the order rows state them), its row and line. */
  private readonly stated: ExternalSort<[id: string, order: number, row: number, line: number]>;
  private order = 0;

  constructor(
    private readonly listed: number,
    sortMemoryBytes?: number,
  ) {
    this.stated = new ExternalSort(sortMemoryBytes);
  }

  async see(plan: Pick<RowPlan, 'row' | 'line' | 'entities'>): Promise<void> {
    for (const entity of plan.entities) {
      const id = entity.fields.id;
      if ((entity.type !== 'Document' && entity.type !== 'Figure') || typeof id !== 'string') continue;
      this.order += 1;
      await this.stated.add([id, this.order, plan.row, plan.line]);
    }
  }

  /** The first `listed` repeats, in the order rows state them, and how many there are. Once, after the last `see`. */
  async find(): Promise<{ repeats: RepeatedId[]; count: number }> {
    const repeats = new Earliest<{ order: number; repeat: RepeatedId }>(this.listed, (a, b) => a.order - b.order);
    let current: string | undefined;
    let firstRow = 0;
    for await (const [id, order, row, line] of this.stated.sorted()) {
      if (id !== current) {
        current = id;
        firstRow = row;
      } else if (row !== firstRow) {
        repeats.offer({ order, repeat: { row, line, id, firstRow } });
      }
    }
    return { repeats: repeats.items.map((item) => item.repeat), count: repeats.count };
  }

  dispose(): Promise<void> {
    return this.stated.dispose();
  }
}

/**
 * The ids a real import's reports resolved to, and which of them it created: for the created and
 * merged counts, and to know which ids named by ties between rows are this run's. Reports name
 * the same countries and sectors row after row, so ids are gathered in a Map first (one entry
 * per id) and moved to an ExternalSort when it holds `inMemory` of them: memory stays bounded
 * whatever the size of the file, and the counts stay exact.
 */
export class SeenIds {
  private readonly recent = new Map<string, boolean>();
  private readonly ids: ExternalSort<[id: string, created: boolean]>;

  constructor(
    private readonly inMemory = 50_000,
    sortMemoryBytes?: number,
  ) {
    this.ids = new ExternalSort(sortMemoryBytes);
  }

  async add(id: string, created: boolean): Promise<void> {
    this.recent.set(id, created || this.recent.get(id) === true);
    if (this.recent.size >= this.inMemory) await this.flush();
  }

  /**
   * How many distinct ids were seen and how many of them created, and which of `named` were
   * seen. Once, after the last `add`: it reads the ids in order, walking the sorted `named` beside.
   */
  async tally(named: Iterable<string>): Promise<{ seen: number; created: number; found: Set<string> }> {
    await this.flush();
    const wanted = [...new Set(named)].sort(compareKeys);
    const found = new Set<string>();
    let next = 0;
    let seen = 0;
    let created = 0;
    let current: string | undefined;
    let currentCreated = false;
    for await (const [id, wasCreated] of this.ids.sorted()) {
      if (id !== current) {
        current = id;
        currentCreated = false;
        seen += 1;
        while (next < wanted.length && compareKeys(wanted[next] as string, id) < 0) next += 1;
        if (wanted[next] === id) found.add(id);
      }
      if (wasCreated && !currentCreated) {
        currentCreated = true;
        created += 1;
      }
    }
    return { seen, created, found };
  }

  dispose(): Promise<void> {
    return this.ids.dispose();
  }

  private async flush(): Promise<void> {
    for (const [id, created] of this.recent) await this.ids.add([id, created]);
    this.recent.clear();
  }
}
