import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

import { Composer, CST, type Document, isCollection, isNode, LineCounter, Parser } from 'yaml';

import { MAX_REPORT_ENTITIES, MAX_REPORT_TIES } from '../modules/write/report.input';
import { UsageError } from './errors';

const REPORT_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** A place in a file, 1-based as editors count. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface ReportFile {
  readonly file: string;
  readonly report: unknown;
  /** Where a field path (`entities[2].region.iso2`) is, or its nearest ancestor that exists. */
  locate(fieldPath: string): Position | undefined;
}

/** `file:line:column: message`, the form editors and terminals turn into links. */
export function formatProblem(file: string, position: Position | undefined, message: string): string {
  return position ? `${file}:${position.line}:${position.column}: ${message}` : `${file}: ${message}`;
}

/** The report files a path names: the file itself, or a folder's JSON and YAML files in name order. */
export function listReportFiles(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${path}: no such file or folder`);
  }
  if (!isFolder) {
    if (!REPORT_EXTENSIONS.has(extname(path).toLowerCase())) {
      throw new UsageError(`${path}: a report file must end in .json, .yaml or .yml`);
    }
    return [path];
  }
  const files = readdirSync(path)
    .filter((name) => REPORT_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new UsageError(`${path}: the folder holds no .json, .yaml or .yml report files`);
  return files;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

class ScanStop extends Error {
  constructor(readonly offset: number) {
    super(`JSON stops making sense at offset ${offset}`);
  }
}

/**
 * A strict JSON grammar over the text, without building anything. `visit` is told where each value
 * starts, with the keys and indexes that lead to it, and may stop the scan by returning false.
 * Returns where the text stops being JSON (its length when it is JSON throughout).
 */
function scanJson(text: string, visit?: (path: readonly (string | number)[], offset: number) => boolean): number {
  let at = 0;
  const path: (string | number)[] = [];
  function fail(): never {
    throw new ScanStop(at);
  }
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at += 1;
  };
  const literal = (word: string): void => {
    for (const char of word) {
      if (text.charAt(at) !== char) fail();
      at += 1;
    }
  };
  const string = (): void => {
    at += 1;
    for (;;) {
      const char = text.charAt(at);
      if (at >= text.length || char < ' ') fail();
      if (char === '"') {
        at += 1;
        return;
      }
      if (char === '\\') {
        at += 1;
        const escape = text.charAt(at);
        if (escape === 'u') {
          for (let digit = 0; digit < 4; digit += 1) {
            at += 1;
            if (!/[0-9a-fA-F]/.test(text.charAt(at))) fail();
          }
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') {
          fail();
        }
      }
      at += 1;
    }
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail();
    at += match[0].length;
  };
  const value = (): void => {
    space();
    if (visit && !visit(path, at)) throw new ScanStop(at);
    const char = text.charAt(at);
    if (char === '{') {
      at += 1;
      space();
      if (text.charAt(at) === '}') {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text.charAt(at) !== '"') fail();
        const keyStart = at;
        string();
        path.push(visit ? (JSON.parse(text.slice(keyStart, at)) as string) : '');
        space();
        literal(':');
        value();
        path.pop();
        space();
        if (text.charAt(at) === ',') {
          at += 1;
          continue;
        }
        literal('}');
        return;
      }
    }
    if (char === '[') {
      at += 1;
      space();
      if (text.charAt(at) === ']') {
        at += 1;
        return;
      }
      for (let index = 0; ; index += 1) {
        path.push(index);
        value();
        path.pop();
        space();
        if (text.charAt(at) === ',') {
          at += 1;
          continue;
        }
        literal(']');
        return;
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
  } catch (stop) {
    if (stop instanceof ScanStop) return stop.offset;
    throw stop;
  }
  return text.length;
}

/**
 * Where JSON.parse gave up. Its messages carry an offset only sometimes, so the text is scanned
 * again by a strict JSON grammar, which stops at the first character that cannot continue.
 */
export function jsonErrorOffset(text: string): number {
  return scanJson(text);
}

/** Where the value at `segments` starts in JSON text, or its nearest ancestor that exists. */
function jsonValueOffset(text: string, segments: readonly (string | number)[]): number {
  let found = 0;
  scanJson(text, (path, offset) => {
    const depth = path.length;
    if (depth > segments.length || path.some((segment, index) => segment !== segments[index])) return true;
    found = offset;
    return depth < segments.length;
  });
  return found;
}

/** `entities[2].region.iso2` as the keys and indexes it walks. */
function pathSegments(fieldPath: string): (string | number)[] {
  return [...fieldPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''),
  );
}

/**
 * The most a report file may weigh. A report holds at most MAX_REPORT_ENTITIES entities and
 * MAX_REPORT_TIES ties; written out at a kilobyte apiece that is about 7 MB, and real ones are far
 * smaller. A larger file is refused before it is read, so its size costs no memory.
 */
export const MAX_REPORT_FILE_BYTES = 8 * 1024 * 1024;

/** YAML lines longer than this (a whole report as one flow collection) are refused as they are read. */
const MAX_YAML_LINE = 1024 * 1024;

/** The file is read this much at a time, so a YAML report over a limit is refused when it crosses it. */
const CHUNK_BYTES = 64 * 1024;

/** A report over a count limit; `count` is unknown when reading stopped at the first item over it. */
function tooMany(file: string, what: 'entities' | 'ties', count?: number, position?: Position): UsageError {
  const limit = what === 'entities' ? MAX_REPORT_ENTITIES : MAX_REPORT_TIES;
  const problem =
    count === undefined
      ? `more than the ${limit} ${what} a report may hold`
      : `${count} ${what}, more than the ${limit} a report may hold`;
  return new UsageError(formatProblem(file, position, `${what}: ${problem}: split the report into several files`));
}

/** The counts a parsed report is over, refused before anything else looks at it. */
function checkCounts(file: string, report: unknown): void {
  if (report === null || typeof report !== 'object') return;
  for (const what of ['entities', 'ties'] as const) {
    const list: unknown = (report as Record<string, unknown>)[what];
    const limit = what === 'entities' ? MAX_REPORT_ENTITIES : MAX_REPORT_TIES;
    if (Array.isArray(list) && list.length > limit) throw tooMany(file, what, list.length);
  }
}

function scalarText(token: CST.Token | undefined): string | undefined {
  if (!token || !CST.isScalar(token)) return undefined;
  return token.type === 'scalar' ? token.source : token.source.slice(1, -1);
}

/**
 * While YAML streams in: the number of items of the top-level `entities` and `ties` sequences
 * read so far, from the parser's open collections, so an over-long report stops at the first item
 * over the limit, with nothing read past it.
 */
function checkOpenCollections(file: string, parser: Parser, lineCounter: LineCounter): void {
  const [document, top, list] = parser.stack;
  if (document?.type !== 'document' || !top || !list) return;
  if (top.type !== 'block-map' && top.type !== 'flow-collection') return;
  if (list.type !== 'block-seq' && list.type !== 'flow-collection') return;
  const what = scalarText(top.items.at(-1)?.key ?? undefined);
  if (what !== 'entities' && what !== 'ties') return;
  const limit = what === 'entities' ? MAX_REPORT_ENTITIES : MAX_REPORT_TIES;
  const items = list.items.filter((item) =>
    list.type === 'block-seq'
      ? item.start.some((token) => token.type === 'seq-item-ind')
      : item.value !== undefined || item.key !== undefined,
  );
  const over = items[limit];
  if (!over) return;
  const offset = over.start.find((token) => token.type === 'seq-item-ind')?.offset ?? over.value?.offset;
  const position = offset === undefined ? undefined : lineCounter.linePos(offset);
  throw tooMany(file, what, undefined, position && { line: position.line, column: position.col });
}

/** Parses YAML a chunk at a time, refusing it at the first limit it crosses. */
function parseYaml(file: string, fd: number): { document: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false });
  const documents: Document.Parsed[] = [];
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let lineLength = 0;
  let line = 1;
  for (;;) {
    const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
    const text = read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read));
    const lines = text.split('\n');
    for (const [index, segment] of lines.entries()) {
      if (index > 0) line += 1;
      lineLength = index === 0 ? lineLength + segment.length : segment.length;
      if (lineLength > MAX_YAML_LINE) {
        throw new UsageError(
          formatProblem(
            file,
            { line, column: 1 },
            'a line longer than 1 MiB: write the report in block style, or as JSON',
          ),
        );
      }
    }
    for (const token of parser.parse(text, read !== 0)) documents.push(...composer.next(token));
    if (read === 0) break;
    checkOpenCollections(file, parser, lineCounter);
  }
  documents.push(...composer.end(true));
  const [document, second] = documents;
  if (!document) throw new Error(`${file}: the YAML composer gave no document`);
  if (second) {
    const { line: at, col } = lineCounter.linePos(second.range[0]);
    throw new UsageError(
      formatProblem(file, { line: at, column: col }, 'invalid YAML: a report file holds one document'),
    );
  }
  return { document, lineCounter };
}

/**
 * Reads one report file. JSON is parsed strictly; YAML by the YAML 1.2 core schema (so dates
 * stay strings). A syntax error becomes a UsageError naming `file:line:column`, and so does a
 * report over a limit: a file over MAX_REPORT_FILE_BYTES before it is read, a YAML report with too
 * many entities or ties as soon as its reading crosses the limit, a JSON one once parsed.
 */
export function readReportFile(file: string): ReportFile {
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
    size = fstatSync(fd).size;
  } catch (error) {
    throw new UsageError(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    if (size > MAX_REPORT_FILE_BYTES) {
      throw new UsageError(
        `${file}: ${(size / 1024 / 1024).toFixed(1)} MiB, more than the ${MAX_REPORT_FILE_BYTES / 1024 / 1024} MiB a report file may hold ` +
          `(at most ${MAX_REPORT_ENTITIES} entities and ${MAX_REPORT_TIES} ties): split it into several files`,
      );
    }
    return extname(file).toLowerCase() === '.json' ? readJsonReport(file, fd) : readYamlReport(file, fd);
  } finally {
    closeSync(fd);
  }
}

function readJsonReport(file: string, fd: number): ReportFile {
  const text = readFileSync(fd, 'utf8');
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/,\s*(?:\.\.\.)?".*$/s, '');
    throw new UsageError(formatProblem(file, positionAt(text, jsonErrorOffset(text)), `invalid JSON: ${reason}`));
  }
  checkCounts(file, report);
  return {
    file,
    report,
    // Found by scanning the text again, only for the fields a refusal names.
    locate: (fieldPath) => positionAt(text, jsonValueOffset(text, pathSegments(fieldPath))),
  };
}

function readYamlReport(file: string, fd: number): ReportFile {
  const { document, lineCounter } = parseYaml(file, fd);
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new UsageError(
      formatProblem(file, { line, column: col }, `invalid YAML: ${error.message.split('\n')[0] ?? ''}`),
    );
  }
  const report: unknown = document.toJS();
  checkCounts(file, report);
  return {
    file,
    report,
    locate(fieldPath) {
      let node: unknown = document.contents;
      for (const segment of pathSegments(fieldPath)) {
        if (!isCollection(node)) break;
        const next: unknown = node.get(segment, true);
        if (!isNode(next)) break;
        node = next;
      }
      const offset = isNode(node) ? node.range?.[0] : undefined;
      if (offset === undefined) return undefined;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}
