import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { CsvError, parse } from 'csv-parse/sync';

import { BadUserInputError } from '../../errors';
import type { Mapping } from './mapping';

export interface CsvRecord {
  readonly cells: Record<string, string>;
  /** The line of the file the record ends on. */
  readonly line: number;
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

function csvProblem(file: string, message: string, line?: number): BadUserInputError {
  const field = line === undefined ? basename(file) : `${basename(file)}:${line}`;
  return new BadUserInputError(`${field}: ${message}`, [{ field, message }]);
}

/**
 * Reads the whole CSV (the importer needs every row's plan before it writes the ties between
 * rows). A malformed file fails with the file and line; a header with a blank or repeated name too.
 */
export function readCsv(path: string, options: Mapping['csv']): CsvTable {
  let text: string;
  try {
    text = readFileSync(path, { encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8' });
  } catch (error) {
    throw csvProblem(path, `cannot read the CSV: ${(error as Error).message}`);
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes with the line it ends on; the typings do not say so.
    rows = parse(text, {
      delimiter: options.delimiter,
      quote: options.quote,
      bom: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw csvProblem(path, error.message, line);
    }
    throw error;
  }
  const [head, ...body] = rows;
  if (!head) throw csvProblem(path, 'the file is empty: it needs a header row');
  const header = head.record.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name === '') throw csvProblem(path, `column ${index + 1} of the header has no name`, head.info.lines);
    if (seen.has(name)) throw csvProblem(path, `the header names column "${name}" twice`, head.info.lines);
    seen.add(name);
  });
  return {
    file: path,
    header,
    records: body.map(({ record, info }) => ({
      cells: Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])),
      line: info.lines,
    })),
  };
}
