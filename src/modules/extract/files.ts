/**
 * Reading texts to extract from, as the CLI and the eval script do: a file or a folder's
 * `<name>.txt` files, each checked to be non-empty UTF-8 text, with the source described by the
 * options or by a `<name>.source.json` / `.source.yaml` beside the text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { isPartialDate } from './dates';
import type { DraftSource } from './report';

/** A text that cannot be drafted: missing, empty, binary. */
export class TextFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextFileError';
  }
}

/** The `.txt` files a path names: the file itself, or a folder's in name order. */
export function listTextFiles(path: string): { files: string[]; folder: boolean } {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    throw new TextFileError(`${path}: no such file or folder`);
  }
  if (!folder) return { files: [path], folder: false };
  const files = readdirSync(path)
    .filter((name) => extname(name).toLowerCase() === '.txt')
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new TextFileError(`${path}: the folder holds no .txt files`);
  return { files, folder: true };
}

/** Reads a text file; refuses empty files and files that are not UTF-8 text. */
export function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new TextFileError(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (bytes.includes(0)) throw new TextFileError(`${file}: is not a text file (it holds binary data)`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > 0 && replaced > text.length / 100) throw new TextFileError(`${file}: is not UTF-8 text`);
  if (text.trim().length === 0) throw new TextFileError(`${file}: is empty`);
  return text;
}

/** The source of a text: `<name>.source.json|yaml|yml` beside it, if there is one. */
export function sidecarSource(file: string): Partial<DraftSource> {
  const stem = file.replace(/\.txt$/i, '');
  for (const extension of ['.source.json', '.source.yaml', '.source.yml']) {
    const path = `${stem}${extension}`;
    if (!existsSync(path)) continue;
    let data: unknown;
    try {
      const raw = readFileSync(path, 'utf8');
      data = extension === '.source.json' ? JSON.parse(raw) : parseYaml(raw);
    } catch (error) {
      throw new TextFileError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!data || typeof data !== 'object')
      throw new TextFileError(`${path}: must be an object with name, publisher, publishedOn, url`);
    const record = data as Record<string, unknown>;
    const source: Partial<DraftSource> = {};
    for (const key of ['name', 'publisher', 'url'] as const)
      if (typeof record[key] === 'string') source[key] = record[key];
    const published = record.publishedOn ?? record.published;
    if (published !== undefined && published !== null) {
      if (typeof published !== 'string' || !isPartialDate(published))
        throw new TextFileError(`${path}: publishedOn must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"`);
      source.publishedOn = published;
    }
    return source;
  }
  return {};
}

export function draftFileName(file: string, format: 'json' | 'yaml'): string {
  return `${basename(file).replace(/\.txt$/i, '')}.${format}`;
}
