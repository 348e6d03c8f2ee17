import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type * as os from 'node:os';
import { join } from 'node:path';

import { ExternalSort } from './external-sort';

/** Each record costs 96 bytes plus two per key character: 8-character keys cost 112. */
const KEY_LENGTH = 8;
const RECORD_BYTES = 96 + 2 * KEY_LENGTH;

async function all<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

/** Runs go to os.tmpdir(): a folder of each test's own shows what is written and left. */
let mockTmp = '';
jest.mock('node:os', () => ({ ...jest.requireActual<typeof os>('node:os'), tmpdir: () => mockTmp }));

beforeEach(() => {
  mockTmp = mkdtempSync(join(jest.requireActual<typeof os>('node:os').tmpdir(), 'external-sort-test-'));
});

afterEach(() => {
  rmSync(mockTmp, { recursive: true, force: true });
});

/** The runs on disk. */
const runs = () => readdirSync(mockTmp).flatMap((dir) => readdirSync(join(mockTmp, dir)));

describe('ExternalSort', () => {
  it('sorts in memory, writing nothing, while the records fit', async () => {
    const sort = new ExternalSort<[string, number]>();
    for (const [index, key] of ['pear', 'apple', 'fig', 'apple'].entries()) await sort.add([key, index]);
    expect(await all(sort.sorted())).toEqual([
      ['apple', 1],
      ['apple', 3],
      ['fig', 2],
      ['pear', 0],
    ]);
    expect(readdirSync(mockTmp)).toEqual([]);
  });

  it('spills sorted runs, merges 16 of a level into one, and returns every record in order', async () => {
    // 10 records a run; 2,575 records are 257 runs (16 × 16 merged into one of level 2, plus
    // one) and 5 records still in memory.
    const sort = new ExternalSort<[string, number]>(10 * RECORD_BYTES);
    const added: [string, number][] = [];
    for (let index = 0; index < 2575; index += 1) {
      // 37 keys, so each key recurs in many runs; the second value says which came first.
      const record: [string, number] = [`key-${String((index * 7) % 37).padStart(4, '0')}`, index];
      added.push(record);
      await sort.add(record);
    }
    expect(runs()).toHaveLength(2);
    const expected = [...added].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(await all(sort.sorted())).toEqual(expected);
    await sort.dispose();
    expect(readdirSync(mockTmp)).toEqual([]);
  });

  it('keeps records whole through the files, whatever their keys hold', async () => {
    const keys = ['tab\there', 'line\nbreak', 'quote"d', 'back\\slash', 'Kraków', '北京', '\ud800 lone surrogate', ''];
    const sort = new ExternalSort<[string, number, boolean, string]>(2 * RECORD_BYTES);
    for (const [index, key] of keys.entries()) await sort.add([key, index, index % 2 === 0, `value ${key}`]);
    expect(runs().length).toBeGreaterThan(0);
    const expected = keys
      .map((key, index): [string, number, boolean, string] => [key, index, index % 2 === 0, `value ${key}`])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(await all(sort.sorted())).toEqual(expected);
    await sort.dispose();
  });

  it('closes its files when the reader stops early, and refuses records once read', async () => {
    const sort = new ExternalSort<[string]>(3 * RECORD_BYTES);
    for (let index = 0; index < 20; index += 1) await sort.add([`k${String(19 - index).padStart(7, '0')}`]);
    const first: string[] = [];
    for await (const [key] of sort.sorted()) {
      first.push(key);
      if (first.length === 2) break;
    }
    expect(first).toEqual(['k0000000', 'k0000001']);
    await expect(sort.add(['late'])).rejects.toThrow(/after sorted/);
    await sort.dispose();
    expect(readdirSync(mockTmp)).toEqual([]);
  });
});
