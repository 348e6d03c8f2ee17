import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';

import { BadUserInputError } from '../../errors';
import { createSchema } from '../../schema/schema';
import { dryRunGateway, graphGateway } from '../../modules/importer/gateway';
import { type ImportProgress, ImporterService, type ImportSummary } from '../../modules/importer/importer.service';
import { loadMapping } from '../../modules/importer/mapping';
import { formatSummary } from '../../modules/importer/summary';
import { UsageError } from '../errors';
import { withGraph } from '../graph-session';

interface ImportFlags {
  csv?: string;
  dryRun?: boolean;
  strict?: boolean;
}

/**
 * One bar per phase (rows, then the ties between rows); drawn only on a terminal. The rows bar
 * runs over the bytes of the CSV, which is read as it goes, and counts the rows read.
 */
function progressBar(): { update(progress: ImportProgress): void; stop(): void } {
  const bar = new SingleBar(
    { format: '{phase} [{bar}] {percentage}% {count}', hideCursor: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  let phase: string | undefined;
  const count = (progress: ImportProgress): string =>
    progress.phase === 'rows' ? `${progress.done} rows` : `${progress.done}/${progress.total} ties`;
  return {
    update(progress) {
      if (progress.phase !== phase) {
        if (phase !== undefined) bar.stop();
        phase = progress.phase;
        bar.start(progress.total, progress.at, { phase: progress.phase.padEnd(4), count: count(progress) });
      } else {
        bar.update(progress.at, { count: count(progress) });
      }
    },
    stop: () => bar.stop(),
  };
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import a CSV dataset as the mapping file says (docs/importing.md); re-running changes nothing')
    .argument('<mapping>', 'the mapping file (YAML or JSON)')
    .option('--csv <path>', "read this CSV instead of the mapping's csv.path")
    .option('--dry-run', 'read, map and validate every row, write nothing (needs no database)')
    .option('--strict', 'exit with status 1 when any row or tie was rejected')
    .action(async (mappingFile: string, flags: ImportFlags) => {
      let summary: ImportSummary;
      const bar = progressBar();
      try {
        const mapping = loadMapping(mappingFile);
        const options = { csvPath: flags.csv, onProgress: (progress: ImportProgress) => bar.update(progress) };
        if (flags.dryRun) {
          const schema = await createSchema();
          summary = await new ImporterService(schema, dryRunGateway(schema)).run(mapping, options);
        } else {
          summary = await withGraph((session) =>
            new ImporterService(
              session.schema,
              graphGateway(session.schema, () => session.context()),
            ).run(mapping, options),
          );
        }
      } catch (error) {
        // A mistake in the mapping or the CSV: the message names the file, line and key or column.
        if (error instanceof BadUserInputError) throw new UsageError(error.message);
        throw error;
      } finally {
        bar.stop();
      }
      process.stdout.write(formatSummary(summary));
      if (flags.strict && summary.rowsRejected + summary.tiesRejected > 0) process.exitCode = 1;
    });
}
