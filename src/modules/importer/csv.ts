import { createReadStream, fstatSync, openSync } from 'node:fs';
import { basename } from 'node:path';

import { CsvError, type Info, parse, type Parser } from 'csv-parse';

import { BadUserInputError } from '../../errors';
import type { Mapping } from './mapping.schema';

export interface CsvRecord {
  readonly cells: Record<string, string>;
  /** The line of the file the record ends on. */
  readonly line: number;
}

/** A CSV opened for reading row by row: its header is read, its records are read as they are asked for. */
export interface CsvStream {
  readonly file: string;
  readonly header: readonly string[];
  /** The file's size in bytes, and how many of them have been read so far (for progress). */
  readonly size: number;
  bytesRead(): number;
  /** The data records, in order; a malformed one fails with the file and line. Iterate once. */
  records(): AsyncGenerator<CsvRecord>;
  /** Stops reading (when the import stops early). */
  close(): void;
}

function csvProblem(file: string, message: string, line?: number): BadUserInputError {
  const field = line === undefined ? basename(file) : `${basename(file)}:${line}`;
  return new BadUserInputError(`${field}: ${message}`, [{ field, message }]);
}

function asProblem(file: string, error: unknown): unknown {
  if (error instanceof CsvError) {
    return csvProblem(file, error.message, typeof error.lines === 'number' ? error.lines : undefined);
  }
  return error;
}

interface Row {
  readonly record: string[];
  readonly info: Info;
}

/**
 * Opens a CSV and reads its header. The records are parsed as they are consumed (csv-parse's stream
 * API), so memory does not grow with the file: a file of any size is read through a window of a
 * few chunks. A header with a blank or repeated name fails with the file and line.
 */
export async function openCsv(path: string, options: Mapping['csv']): Promise<CsvStream> {
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
    size = fstatSync(fd).size;
  } catch (error) {
    throw csvProblem(path, `cannot read the CSV: ${(error as Error).message}`);
  }
  const file = createReadStream(path, {
    fd,
    encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8',
    highWaterMark: 256 * 1024,
  });
  const parser: Parser = parse({
    delimiter: options.delimiter,
    quote: options.quote,
    bom: true,
    info: true,
    skip_empty_lines: true,
  });
  file.on('error', (error) => parser.destroy(csvProblem(path, `cannot read the CSV: ${error.message}`)));
  file.pipe(parser);
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<Row>;
  const next = async (): Promise<IteratorResult<Row>> => {
    try {
      return await rows.next();
    } catch (error) {
      throw asProblem(path, error);
    }
  };
  const close = (): void => {
    file.destroy();
    parser.destroy();
  };

  const first = await next().catch((error: unknown) => {
    close();
    throw error;
  });
  if (first.done) {
    close();
    throw csvProblem(path, 'the file is empty: it needs a header row');
  }
  const head = first.value;
  const header = head.record.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, index) => {
    const problem =
      name === ''
        ? `column ${index + 1} of the header has no name`
        : seen.has(name)
          ? `the header names column "${name}" twice`
          : undefined;
    if (problem) {
      close();
      throw csvProblem(path, problem, head.info.lines);
    }
    seen.add(name);
  });

  return {
    file: path,
    header,
    size,
    bytesRead: () => file.bytesRead,
    close,
    async *records() {
      try {
        for (;;) {
          const row = await next();
          if (row.done) return;
          const { record, info } = row.value;
          yield {
            cells: Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])),
            line: info.lines,
          };
        }
      } finally {
        close();
      }
    },
  };
}
