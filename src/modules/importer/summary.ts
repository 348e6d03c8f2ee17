import type { ImportSummary } from './importer.service';

/**
 * How many rejections (and repeated ids) the summary lists one by one; the rest are counted. An
 * import keeps only these, so a file whose every row is rejected does not fill the memory.
 */
export const LISTED = 50;

/** The end-of-run report: what was read, what became of it, what was rejected and why, and the citation. */
export function formatSummary(summary: ImportSummary): string {
  const lines: string[] = [];
  const verb = summary.dryRun ? 'Checked (dry run, nothing written)' : 'Imported';
  lines.push(`${verb}: ${summary.csvFile}`);
  lines.push(`  mapping: ${summary.mappingFile}`);
  const source = summary.source;
  lines.push(`  source:  ${source.id ?? source.name}${source.version ? ` (version ${source.version})` : ''}`);
  if (source.citation) lines.push(`  cite as: ${source.citation}`);
  lines.push(
    `Rows: ${summary.rowsRead} read, ${summary.rowsImported} imported, ${summary.rowsRejected} rejected`,
    summary.dryRun
      ? `Entities: ${summary.entityStatements} statements would be sent`
      : `Entities: ${summary.entitiesCreated} created, ${summary.entitiesMerged} merged with ones already in the graph` +
          ` (${summary.entityStatements} statements)`,
    summary.dryRun
      ? `Ties: ${summary.tieStatements} statements would be sent, ${summary.tiesRejected} rejected`
      : `Ties: ${summary.tiesCreated} created, ${summary.tiesMatched} already there, ${summary.tiesRejected} rejected`,
    `Reports: ${summary.reports} (one transaction each)` +
      (summary.retried > 0 ? `; ${summary.retried} refused and sent again row by row` : ''),
  );
  if (summary.rejections.length > 0) {
    lines.push('Rejected:');
    for (const rejection of summary.rejections) {
      lines.push(
        `  row ${rejection.row} (line ${rejection.line})${rejection.what === 'tie' ? ', a tie' : ''}: ${rejection.reason}`,
      );
    }
    const rejected = summary.rowsRejected + summary.tiesRejected;
    if (rejected > summary.rejections.length) lines.push(`  … and ${rejected - summary.rejections.length} more`);
  }
  if (summary.repeatedIds.length > 0) {
    lines.push('Repeated ids (a later row states a document or figure an earlier row stated; both were applied):');
    for (const repeat of summary.repeatedIds) {
      lines.push(`  row ${repeat.row} (line ${repeat.line}): ${repeat.id}, first in row ${repeat.firstRow}`);
    }
    if (summary.repeatedIdCount > summary.repeatedIds.length) {
      lines.push(`  … and ${summary.repeatedIdCount - summary.repeatedIds.length} more`);
    }
  }
  return `${lines.join('\n')}\n`;
}
