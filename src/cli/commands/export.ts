import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';

import { type Command, Option } from 'commander';

import { BadUserInputError } from '../../errors';
import { EXPORT_FORMATS, type ExportFormatName } from '../../modules/export/export.service';
import { UsageError } from '../errors';
import { withGraph } from '../graph-session';
import { progressBar } from '../progress';

interface ExportOptions {
  format: 'graphml' | 'json' | 'csv';
  out?: string;
  region?: string;
  sector?: string;
  from?: string;
  to?: string;
}

/** One file to write: a format and where it goes (`-` is stdout). */
interface Target {
  readonly format: ExportFormatName;
  readonly path: string;
}

function targets(options: ExportOptions): Target[] {
  if (options.format !== 'csv') return [{ format: options.format, path: options.out ?? '-' }];
  if (options.out === undefined || options.out === '-') {
    throw new UsageError('--format csv writes two files (nodes.csv, relationships.csv): give a folder with --out');
  }
  return [
    { format: 'csv-nodes', path: join(options.out, 'nodes.csv') },
    { format: 'csv-relationships', path: join(options.out, 'relationships.csv') },
  ];
}

/**
 * A file is written under a temporary name and renamed when complete, so a failed export never
 * leaves a truncated file that looks whole.
 */
async function writeTo(path: string, work: (out: Writable) => Promise<void>): Promise<void> {
  if (path === '-') {
    await work(process.stdout);
    return;
  }
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  try {
    await once(out, 'open');
    await work(out);
    out.end();
    await once(out, 'finish');
    renameSync(partial, path);
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export the graph, or a subgraph, as GraphML (Gephi), neo4j-admin CSV or JSON')
    .addOption(new Option('--format <format>', 'file format').choices(['graphml', 'csv', 'json']).makeOptionMandatory())
    .option(
      '--out <path>',
      'file to write (GraphML, JSON; default: stdout), or folder for nodes.csv and relationships.csv',
    )
    .option('--region <id>', 'only facts concerning this region or its parts, e.g. region:kz')
    .option('--sector <id>', 'only documents covering this sector, e.g. sector:energy')
    .option('--from <date>', 'only facts dated on or after this date: 2022, 2022-03 or 2022-03-28')
    .option('--to <date>', 'only facts dated on or before this date')
    .action(async (options: ExportOptions) => {
      const files = targets(options);
      if (options.format === 'csv' && options.out !== undefined) mkdirSync(options.out, { recursive: true });
      await withGraph(async (session) => {
        const service = session.context().services.export;
        let filter;
        try {
          filter = await service.filter(options);
        } catch (error) {
          if (error instanceof BadUserInputError) throw new UsageError(`Invalid filter: ${error.message}`);
          throw error;
        }
        for (const target of files) {
          const bar = progressBar(target.path === '-' ? 'Exporting' : target.path);
          let counts = { nodes: 0, relationships: 0 };
          try {
            await writeTo(target.path, async (out) => {
              counts = await service.write(EXPORT_FORMATS[target.format](), filter, out, (done, total) =>
                bar.update(done, total),
              );
            });
          } finally {
            bar.stop();
          }
          const what =
            target.format === 'csv-nodes'
              ? `${counts.nodes} nodes`
              : target.format === 'csv-relationships'
                ? `${counts.relationships} relationships`
                : `${counts.nodes} nodes and ${counts.relationships} relationships`;
          process.stderr.write(`Wrote ${what} to ${target.path === '-' ? 'stdout' : target.path}\n`);
        }
      });
    });
}
