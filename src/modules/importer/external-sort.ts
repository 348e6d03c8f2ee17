import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A record to sort: its key, then plain values (a spilled record travels through JSON). */
export type SortRecord = readonly [string, ...(string | number | boolean)[]];

/** What a buffered record is taken to cost besides its key's characters: the array and its slots. */
const RECORD_BYTES = 96;
/** How many runs are merged into one: a merge keeps this many files open. */
const FAN_IN = 16;

/** The order of keys: UTF-16 code units, as `<` compares strings. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Run {
  readonly path: string;
  /** 0 for a run written from memory, n + 1 for FAN_IN runs of level n merged into one. */
  readonly level: number;
}

async function* readRun<T>(path: string): AsyncGenerator<T> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) yield JSON.parse(line) as T;
  } finally {
    // A merge that stops early must not leave the file open (the folder is removed afterwards).
    input.destroy();
  }
}

/** Merges sources that are each in key order; of equal keys, the earlier source's come first. */
async function* merge<T extends SortRecord>(sources: readonly (Iterator<T> | AsyncIterator<T>)[]): AsyncGenerator<T> {
  const next = async (source: Iterator<T> | AsyncIterator<T>): Promise<T | undefined> => {
    const result = await source.next();
    return result.done ? undefined : result.value;
  };
  try {
    const heads: (T | undefined)[] = [];
    for (const source of sources) heads.push(await next(source));
    for (;;) {
      let least = -1;
      heads.forEach((head, index) => {
        const best = heads[least];
        if (head !== undefined && (best === undefined || compareKeys(head[0], best[0]) < 0)) least = index;
      });
      const record = heads[least];
      const source = sources[least];
      if (record === undefined || source === undefined) return;
      yield record;
      heads[least] = await next(source);
    }
  } finally {
    for (const source of sources) await source.return?.();
  }
}

/**
 * Records sorted by key, however many are added, in bounded memory: about `memoryBytes` of them
 * are held; past that they are sorted and written to a temporary file (a run), and `sorted()`
 * merges the runs. Of records with equal keys, the first added comes out first (the sort is stable
 * and runs are merged in the order they were written). Whenever the newest FAN_IN runs are of one
 * level they are merged into one run of the next level, so the runs are at most FAN_IN - 1 per
 * level (a handful of levels for any file a disk holds) and no merge opens many files.
 */
export class ExternalSort<T extends SortRecord> {
  private buffer: T[] = [];
  private bufferBytes = 0;
  private runs: Run[] = [];
  private dir: string | undefined;
  private written = 0;
  private sorting = false;

  constructor(private readonly memoryBytes = 4 * 1024 * 1024) {}

  async add(record: T): Promise<void> {
    if (this.sorting) throw new Error('ExternalSort.add after sorted(): the records are being read');
    this.buffer.push(record);
    this.bufferBytes += RECORD_BYTES + 2 * record[0].length;
    if (this.bufferBytes >= this.memoryBytes) await this.spill();
  }

  /** Every record added, in key order. Once, after the last `add`. */
  async *sorted(): AsyncGenerator<T> {
    this.sorting = true;
    const inMemory = this.takeBuffer();
    if (this.runs.length === 0) yield* inMemory;
    else yield* merge([...this.runs.map((run) => readRun<T>(run.path)), inMemory.values()]);
  }

  /** Removes the runs' temporary folder, if any was made. */
  async dispose(): Promise<void> {
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    this.runs = [];
  }

  private takeBuffer(): T[] {
    const records = this.buffer.sort((a, b) => compareKeys(a[0], b[0]));
    this.buffer = [];
    this.bufferBytes = 0;
    return records;
  }

  private async spill(): Promise<void> {
    this.runs.push(await this.write(this.takeBuffer(), 0));
    for (;;) {
      const newest = this.runs.slice(-FAN_IN);
      const level = newest[0]?.level;
      if (newest.length < FAN_IN || level === undefined || newest.some((run) => run.level !== level)) return;
      const merged = await this.write(merge(newest.map((run) => readRun<T>(run.path))), level + 1);
      await Promise.all(newest.map((run) => rm(run.path)));
      this.runs = [...this.runs.slice(0, -FAN_IN), merged];
    }
  }

  private async write(records: Iterable<T> | AsyncIterable<T>, level: number): Promise<Run> {
    this.dir ??= await mkdtemp(join(tmpdir(), 'ties-graph-sort-'));
    const path = join(this.dir, `run-${(this.written += 1)}.jsonl`);
    async function* chunks(): AsyncGenerator<string> {
      let chunk = '';
      for await (const record of records) {
        chunk += `${JSON.stringify(record)}\n`;
        if (chunk.length >= 64 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk !== '') yield chunk;
    }
    await writeFile(path, chunks());
    return { path, level };
  }
}
