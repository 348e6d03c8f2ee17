import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

import { isCollection, isNode, LineCounter, parseDocument } from 'yaml';

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
 * Where JSON.parse gave up. Its messages carry an offset only sometimes, so the text is scanned
 * again by this strict JSON grammar, which stops at the first character that cannot continue.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
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
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match[0].length;
  };
  const value = (): void => {
    space();
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
        string();
        space();
        literal(':');
        value();
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
      for (;;) {
        value();
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

/** `entities[2].region.iso2` as the keys and indexes it walks. */
function pathSegments(fieldPath: string): (string | number)[] {
  return [...fieldPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''),
  );
}

/**
 * Reads one report file. JSON is parsed strictly; YAML by the YAML 1.2 core schema (so dates
 * stay strings). A syntax error becomes a UsageError naming `file:line:column`.
 */
export function readReportFile(file: string): ReportFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const isJson = extname(file).toLowerCase() === '.json';
  let report: unknown;
  if (isJson) {
    try {
      report = JSON.parse(text);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error))
        .replace(/ in JSON at position \d+.*$/s, '')
        .replace(/,\s*(?:\.\.\.)?".*$/s, '');
      throw new UsageError(formatProblem(file, positionAt(text, jsonErrorOffset(text)), `invalid JSON: ${reason}`));
    }
  }
  // YAML is a superset of JSON, so the same parser locates field paths in both kinds of file.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: !isJson, prettyErrors: false });
  if (!isJson) {
    const [error] = document.errors;
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw new UsageError(
        formatProblem(file, { line, column: col }, `invalid YAML: ${error.message.split('\n')[0] ?? ''}`),
      );
    }
    report = document.toJS();
  }
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
