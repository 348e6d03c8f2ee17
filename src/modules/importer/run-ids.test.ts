import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type * as os from 'node:os';
import { join } from 'node:path';

import type { PlannedEntity, RowPlan } from './row-plan';
import { RepeatedIds, SeenIds } from './run-ids';

/** Sorted runs go to os.tmpdir(): a folder of each test's own shows what is written and left. */
let mockTmp = '';
jest.mock('node:os', () => ({ ...jest.requireActual<typeof os>('node:os'), tmpdir: () => mockTmp }));
const tmp = () => mockTmp;

beforeEach(() => {
  mockTmp = mkdtempSync(join(jest.requireActual<typeof os>('node:os').tmpdir(), 'run-ids-test-'));
});

afterEach(() => {
  rmSync(mockTmp, { recursive: true, force: true });
});

/** The sorted runs written so far. */
const runs = () => readdirSync(tmp()).flatMap((dir) => readdirSync(join(tmp(), dir)));

function entity(type: PlannedEntity['type'], id: string | undefined): PlannedEntity {
  const fields = id === undefined ? { name: 'unnamed' } : { id };
  return { ref: `r.${type}`, type, fields, identity: id ?? 'ref:r' };
}

function row(number: number, ...entities: PlannedEntity[]): Pick<RowPlan, 'row' | 'line' | 'entities'> {
  return { row: number, line: number + 1, entities };
}

describe('RepeatedIds', () => {
  it('flags each later row stating a document or figure id, with the first row that stated it', async () => {
    const repeated = new RepeatedIds(50);
    await repeated.see(row(1, entity('Document', 'doc:a'), entity('Region', 'region:kz')));
    await repeated.see(row(2, entity('Document', 'doc:b'), entity('Region', 'region:kz')));
    // Twice in its own first row: not a repeat.
    await repeated.see(row(3, entity('Figure', 'fig:c'), entity('Figure', 'fig:c')));
    await repeated.see(row(4, entity('Document', 'doc:b'), entity('Document', undefined)));
    await repeated.see(row(5, entity('Figure', 'fig:c'), entity('Document', 'doc:a')));
    expect(await repeated.find()).toEqual({
      repeats: [
        { row: 4, line: 5, id: 'doc:b', firstRow: 2 },
        { row: 5, line: 6, id: 'fig:c', firstRow: 3 },
        { row: 5, line: 6, id: 'doc:a', firstRow: 1 },
      ],
      count: 3,
    });
    await repeated.dispose();
  });

  it('finds every repeat of a file too big for memory, listing the first ones', async () => {
    // 16 KiB hold about 150 ids, so the 3,000 rows go to sorted runs on disk. Row r states
    // doc:(r mod 1000): rows 1,001 to 3,000 repeat an id, first stated in row r mod 1000 (1000 for doc:0).
    const repeated = new RepeatedIds(50, 16 * 1024);
    for (let number = 1; number <= 3000; number += 1) {
      await repeated.see(row(number, entity('Document', `doc:${number % 1000}`)));
    }
    expect(runs().length).toBeGreaterThan(1);
    const { repeats, count } = await repeated.find();
    expect(count).toBe(2000);
    expect(repeats).toEqual(
      Array.from({ length: 50 }, (_, index) => ({
        row: 1001 + index,
        line: 1002 + index,
        id: `doc:${1 + index}`,
        firstRow: 1 + index,
      })),
    );
    await repeated.dispose();
    expect(readdirSync(tmp())).toEqual([]);
  });
});

describe('SeenIds', () => {
  it('counts distinct ids and those created, and finds the named ones, across spilled runs', async () => {
    const seen = new SeenIds(3, 512);
    // 500 reports of 6 entities: org:0 … org:249 (created the first time), the same two regions
    // each time (already in the graph), and doc:n for every report (created).
    for (let report = 0; report < 500; report += 1) {
      await seen.add(`org:${report % 250}`, report < 250);
      await seen.add('region:kz', false);
      await seen.add('region:cn', false);
      await seen.add(`doc:${report}`, true);
      await seen.add(`org:${(report + 1) % 250}`, false);
      await seen.add('region:kz', false);
    }
    expect(runs().length).toBeGreaterThan(1);
    const tally = await seen.tally(['doc:7', 'region:cn', 'doc:999', 'org:12', 'doc:7', 'nowhere']);
    expect(tally).toEqual({
      seen: 250 + 2 + 500,
      created: 250 + 500,
      found: new Set(['doc:7', 'region:cn', 'org:12']),
    });
    await seen.dispose();
  });

  it('counts an id once, created if any report created it', async () => {
    const seen = new SeenIds();
    await seen.add('org:a', false);
    await seen.add('org:a', true);
    await seen.add('org:b', false);
    expect(await seen.tally([])).toEqual({ seen: 2, created: 1, found: new Set() });
  });
});
