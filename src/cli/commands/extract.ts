import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

import type { Command } from 'commander';

import { isPartialDate } from '../../modules/extract/dates';
import type { StoredEvent } from '../../modules/extract/events';
import { extractReport, pointAtGraph } from '../../modules/extract/extract.service';
import { draftFileName, listTextFiles, readTextFile, sidecarSource, TextFileError } from '../../modules/extract/files';
import { Gazetteer, type GazetteerEntry } from '../../modules/extract/gazetteer';
import type { DraftSource } from '../../modules/extract/report';
import { serializeDraft } from '../../modules/extract/serialize';
import { UsageError } from '../errors';
import { withGraph } from '../graph-session';
import { progressBar } from '../progress';

interface ExtractOptions {
  sourceName?: string;
  publisher?: string;
  published?: string;
  url?: string;
  out?: string;
  format?: string;
  graph?: boolean;
}

function formatOf(out: string | undefined, option: string | undefined): 'json' | 'yaml' {
  if (option !== undefined) {
    if (option !== 'json' && option !== 'yaml') throw new UsageError(`--format must be json or yaml (got "${option}")`);
    return option;
  }
  return out && /^\.ya?ml$/i.test(extname(out)) ? 'yaml' : 'json';
}

/**
 * `extract <file.txt|folder>`: drafts a report from a news text, offline. With `--graph` the
 * names stored in the graph are recognised too and the draft points at those entities.
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      'Draft a report (the ingestReport format, each statement quoted) from a news text or a folder of .txt files',
    )
    .argument('<path>', 'a text file, or a folder whose <name>.txt files are drafted one by one')
    .option('--source-name <name>', 'the title of the source (default: the headline)')
    .option('--publisher <publisher>', 'who published it')
    .option(
      '--published <date>',
      'when it was published: YYYY, YYYY-MM or YYYY-MM-DD (resolves "last year", "on Tuesday")',
    )
    .option('--url <url>', 'where it can be read')
    .option('--out <path>', 'write the draft here (.json, .yaml); for a folder, the folder to write <name>.json into')
    .option('--format <format>', 'json or yaml (default: from --out, else json)')
    .option('--graph', "also recognise the graph's names and aliases (opens the graph as other commands do)")
    .action(async (path: string, options: ExtractOptions) => {
      if (options.published !== undefined && !isPartialDate(options.published)) {
        throw new UsageError(`--published must be YYYY, YYYY-MM or YYYY-MM-DD (got "${options.published}")`);
      }
      if (options.url !== undefined && !/^https?:\/\/\S+$/i.test(options.url))
        throw new UsageError(`--url must be an http(s) URL (got "${options.url}")`);
      let listed: { files: string[]; folder: boolean };
      try {
        listed = listTextFiles(path);
      } catch (error) {
        if (error instanceof TextFileError) throw new UsageError(error.message);
        throw error;
      }
      const format = formatOf(listed.folder ? undefined : options.out, options.format);
      if (listed.folder) {
        if (!options.out) throw new UsageError(`${path} is a folder: give --out <folder> for its drafts`);
        let isFile = false;
        try {
          isFile = !statSync(options.out).isDirectory();
        } catch {
          mkdirSync(options.out, { recursive: true });
        }
        if (isFile) throw new UsageError(`--out ${options.out}: must be a folder when drafting a folder`);
      }
      const given: Partial<DraftSource> = {
        ...(options.sourceName ? { name: options.sourceName } : {}),
        ...(options.publisher ? { publisher: options.publisher } : {}),
        ...(options.published ? { publishedOn: options.published } : {}),
        ...(options.url ? { url: options.url } : {}),
      };
      const run = (graph?: Graph): string[] => draftAll(listed, given, options, format, graph);
      const problems = options.graph
        ? await withGraph(async (session) => {
            const extract = session.context().services.extract;
            return run({ names: await extract.graphNames(), events: await extract.graphEvents() });
          })
        : run();
      if (problems.length > 0) throw new UsageError(`${problems.join('\n')}\nThe files above were not drafted.`);
    });
}

/** What `--graph` reads from the graph: its names, and its dated forums with their documents. */
interface Graph {
  readonly names: GazetteerEntry[];
  readonly events: StoredEvent[];
}

function draftAll(
  listed: { files: string[]; folder: boolean },
  given: Partial<DraftSource>,
  options: ExtractOptions,
  format: 'json' | 'yaml',
  graph: Graph | undefined,
): string[] {
  const problems: string[] = [];
  const gazetteer = graph ? Gazetteer.builtin(graph.names) : undefined;
  const bar = listed.folder ? progressBar('Drafting') : undefined;
  try {
    for (const [index, file] of listed.files.entries()) {
      try {
        const text = readTextFile(file);
        const source = { ...sidecarSource(file), ...given };
        if (listed.folder && given.name) delete source.name;
        const report = extractReport(text, { source, gazetteer });
        if (graph) pointAtGraph(report, graph.names, graph.events);
        const body = serializeDraft(report, format);
        if (!options.out) {
          process.stdout.write(body);
        } else {
          const target = listed.folder ? join(options.out, draftFileName(file, format)) : options.out;
          writeFileSync(target, body);
          process.stderr.write(
            `${file} -> ${target}: ${report.entities.length} entities, ${report.ties.length} ties\n`,
          );
        }
      } catch (error) {
        if (!(error instanceof TextFileError)) throw error;
        if (!listed.folder) throw new UsageError(error.message);
        problems.push(error.message);
      }
      bar?.update(index + 1, listed.files.length);
    }
  } finally {
    bar?.stop();
  }
  return problems;
}
