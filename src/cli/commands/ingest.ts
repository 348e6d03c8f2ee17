import type { Command } from 'commander';

import { ReportRefused } from '../../modules/write/report.gateway';
import { ingestReportJson } from '../../seed';
import { UsageError } from '../errors';
import { withGraph } from '../graph-session';
import { progressBar } from '../progress';
import { formatProblem, listReportFiles, readReportFile, type ReportFile } from '../report-files';

/**
 * `ingest <file-or-folder>`: every report through the `ingestReport` mutation, each in its own
 * transaction. Files are all read first, so a syntax error stops the run before anything is
 * written; a report the API refuses is reported and the others still go in.
 */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Ingest a report file (JSON or YAML) or a folder of them through the ingestReport mutation')
    .argument('<path>', 'a .json, .yaml or .yml report, or a folder of them (read in name order)')
    .action(async (path: string) => {
      const reports: ReportFile[] = [];
      const syntaxErrors: string[] = [];
      for (const file of listReportFiles(path)) {
        try {
          reports.push(readReportFile(file));
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          syntaxErrors.push(error.message);
        }
      }
      if (syntaxErrors.length > 0) {
        throw new UsageError(`${syntaxErrors.join('\n')}\nNothing was ingested: fix the files above and run again.`);
      }

      const lines: string[] = [];
      const rejected: string[] = [];
      let refusedFiles = 0;
      let entities = 0;
      let ties = 0;
      await withGraph(async (session) => {
        const bar = progressBar('Ingesting');
        try {
          for (const [index, report] of reports.entries()) {
            try {
              const summary = await ingestReportJson(session.schema, session.context(), report.report, report.file);
              entities += summary.entitiesCreated;
              ties += summary.tiesCreated;
              lines.push(
                `${report.file}: ${summary.entitiesCreated} entities and ${summary.tiesCreated} ties created (source ${summary.sourceId})`,
              );
            } catch (error) {
              if (!(error instanceof ReportRefused)) throw error;
              refusedFiles += 1;
              for (const problem of error.problems) {
                const position = problem.field === null ? undefined : report.locate(problem.field);
                const message = problem.field === null ? problem.message : `${problem.field}: ${problem.message}`;
                rejected.push(formatProblem(report.file, position, message));
              }
            }
            bar.update(index + 1, reports.length);
          }
        } finally {
          bar.stop();
        }
      });
      if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
      process.stdout.write(
        `Ingested ${reports.length - refusedFiles} of ${reports.length} report file(s): ${entities} entities and ${ties} ties created.\n`,
      );
      if (rejected.length > 0) {
        throw new UsageError(`${rejected.join('\n')}\nThe reports above were refused; nothing of them was written.`);
      }
    });
}
