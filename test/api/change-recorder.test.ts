import { Executor, type WriteScope } from '../../src/db/executor';
import type { Params, Query } from '../../src/db/query';
import type { Entry } from '../../src/modules/history/change.model';
import type { EntityWrite, TieWrite } from '../../src/modules/write/write.repository';
import { type WriteUnit, WriteStore } from '../../src/modules/write/write.store';
import { Harness } from '../support/harness';

/**
 * The recorder takes the after-state of what an upsert wrote from the upsert itself, and reads it
 * again whenever another statement may have changed it since. Each test writes in one transaction
 * through the write path's door and checks the recorded entries against the graph as stored, and
 * which of the log's statements ran.
 */

/** An executor that notes the name of every statement its write transactions run. */
class CountingExecutor extends Executor {
  readonly names: string[] = [];

  override writeTransaction<T>(name: string, work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return super.writeTransaction(name, (scope) =>
      work({
        run: <Row>(query: Query<Row>, params?: Params) => {
          this.names.push(query.name);
          return scope.run(query, params);
        },
      }),
    );
  }
}

const A = 'region:recorder-a';
const B = 'region:recorder-b';

function tie(key: string, props: Record<string, unknown>, quote: string | null = null): TieWrite {
  return { type: 'PART_OF', from: A, to: B, key, title: null, props, sourceId: null, locator: '', quote };
}

function sector(id: string, description: string): EntityWrite {
  return {
    id,
    type: 'Sector',
    name: `Sector ${id}`,
    nameKey: `sector ${id}`,
    aliases: [],
    aliasKeys: [],
    replaceAliases: false,
    props: { description },
    defaults: {},
    generatedName: false,
    sourceId: null,
    locator: '',
    quote: null,
    keys: [],
    mustCreate: false,
  };
}

describe('the change recorder and the states writes return', () => {
  let harness: Harness;
  let db: CountingExecutor;
  let store: WriteStore;

  beforeAll(async () => {
    harness = await Harness.open();
    db = new CountingExecutor(harness.driver, { database: harness.config.neo4j.database, txTimeoutMs: 15_000 });
    store = new WriteStore(db, 'test');
  });

  beforeEach(async () => {
    await harness.reset();
    await harness.cypher(`CREATE (:Entity:Region {id: $a, name: 'A'}), (:Entity:Region {id: $b, name: 'B'})`, {
      a: A,
      b: B,
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  /** Runs `work` in one write transaction; the entries it recorded and the statements it ran. */
  async function write(work: (unit: WriteUnit) => Promise<unknown>): Promise<{ entries: Entry[]; names: string[] }> {
    db.names.length = 0;
    const { change } = await store.transaction('test', async (unit) => {
      await work(unit);
    });
    return { entries: [...(change?.entries ?? [])], names: [...db.names] };
  }

  async function storedTie(key: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await harness.cypher<{ props: Record<string, unknown> }>(
      `MATCH (:Entity {id: $a})-[r:PART_OF {key: $key}]->(:Entity {id: $b}) RETURN properties(r) AS props`,
      { a: A, b: B, key },
    );
    return row?.props;
  }

  const touchPair = (unit: WriteUnit) => unit.recorder.touchTiePairs([{ type: 'PART_OF', from: A, to: B }]);

  it('records a written tie from what the upsert returned, without reading the pair again', async () => {
    const { entries, names } = await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.upsertTies([tie('k1', { note: 'first' })]);
    });
    expect(names).toEqual(['history.lockedTieStates', 'write.upsertTies', 'history.append']);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    const stored = await storedTie('k1');
    expect(entry).toMatchObject({ kind: 'tie', type: 'PART_OF', from: A, to: B, disc: 'k1', before: null });
    expect(Object.keys(entry?.kind === 'tie' ? (entry.after ?? {}) : {}).sort()).toEqual(
      Object.keys(stored ?? {}).sort(),
    );
    expect(entry?.kind === 'tie' && entry.after?.note).toEqual({ t: 'STRING', v: 'first' });
    expect(entry?.kind === 'tie' && entry.after?.createdAt?.t).toBe('ZONED DATETIME');
  });

  it('keeps the ties of the pair that the upsert did not write as they were', async () => {
    await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.upsertTies([tie('k1', { note: 'first' }), tie('k2', { note: 'second' })]);
    });
    const { entries, names } = await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.upsertTies([tie('k1', { note: 'changed' })]);
    });
    expect(names).not.toContain('history.tieStates');
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'tie',
        disc: 'k1',
        before: { note: { t: 'STRING', v: 'first' } },
        after: { note: { t: 'STRING', v: 'changed' } },
      }),
    ]);
  });

  it('reads the pair again when a statement after the upsert changed it', async () => {
    await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.upsertTies([tie('k1', { note: 'first' })]);
    });
    const { entries, names } = await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.upsertTies([tie('k1', { note: 'changed' })]);
      await unit.repository.deleteTie('PART_OF', A, B, 'k1');
    });
    expect(names).toContain('history.tieStates');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'tie', disc: 'k1', after: null });
    expect(entries[0]?.kind === 'tie' && entries[0].before?.note).toEqual({ t: 'STRING', v: 'first' });
    expect(await storedTie('k1')).toBeUndefined();
  });

  it('reads the pair again when a statement between the touch and the upsert changed it', async () => {
    await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.upsertTies([tie('k1', { note: 'first' }), tie('k2', { note: 'second' })]);
    });
    const { entries, names } = await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.deleteTie('PART_OF', A, B, 'k2');
      await unit.repository.upsertTies([tie('k1', { note: 'changed' })]);
    });
    expect(names).toContain('history.tieStates');
    const byDisc = new Map(entries.map((entry) => [entry.kind === 'tie' ? entry.disc : '', entry]));
    expect(byDisc.get('k1')).toMatchObject({ after: { note: { t: 'STRING', v: 'changed' } } });
    expect(byDisc.get('k2')).toMatchObject({ after: null });
    expect(entries).toHaveLength(2);
  });

  it('reads a tie again that one statement wrote twice, and records it as stored', async () => {
    const { entries, names } = await write(async (unit) => {
      await touchPair(unit);
      await unit.repository.upsertTies([
        { ...tie('k1', {}, 'first quote'), sourceId: null },
        { ...tie('k1', { note: 'again' }, 'second quote'), sourceId: null },
      ]);
    });
    expect(names).toContain('history.tieStates');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.kind === 'tie' && entries[0].after?.note).toEqual({ t: 'STRING', v: 'again' });
    expect((await storedTie('k1'))?.note).toBe('again');
  });

  it('records a written entity from what the upsert returned, and reads it again after a later statement', async () => {
    const first = await write(async (unit) => {
      await unit.recorder.touchEntities(['sector:recorder']);
      await unit.repository.upsertEntities([sector('sector:recorder', 'first')]);
    });
    expect(first.names).toEqual(['history.lockedEntityStates', 'write.upsertEntities', 'history.append']);
    const [row] = await harness.cypher<{ props: Record<string, unknown> }>(
      `MATCH (n:Sector {id: 'sector:recorder'}) RETURN properties(n) AS props`,
    );
    const created = first.entries[0];
    expect(created).toMatchObject({ kind: 'entity', id: 'sector:recorder', type: 'Sector', before: null });
    expect(Object.keys(created?.kind === 'entity' ? (created.after ?? {}) : {}).sort()).toEqual(
      Object.keys(row?.props ?? {}).sort(),
    );

    const second = await write(async (unit) => {
      await unit.recorder.touchEntities(['sector:recorder']);
      await unit.repository.upsertEntities([sector('sector:recorder', 'second')]);
      await unit.repository.upsertEntities([sector('sector:recorder', 'third')]);
    });
    expect(second.names).toContain('history.entityStates');
    const updated = second.entries[0];
    expect(updated?.kind === 'entity' && updated.before?.description).toEqual({ t: 'STRING', v: 'first' });
    expect(updated?.kind === 'entity' && updated.after?.description).toEqual({ t: 'STRING', v: 'third' });
  });
});
