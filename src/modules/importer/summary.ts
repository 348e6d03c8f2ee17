import type { ImportSummary } from './importer.service';

/** How many rejections (and repeated ids) the summary lists one by one; the rest are counted. */
const LISTED_REJECTIONS = 50;

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
    for (const rejection of summary.rejections.slice(0, LISTED_REJECTIONS)) {
      lines.push(
        `  row ${rejection.row} (line ${rejection.line})${rejection.what === 'tie' ? ', a tie' : ''}: ${rejection.reason}`,
      );
    }
    if (summary.rejections.length > LISTED_REJECTIONS) {
      lines.push(`  … and ${summary.rejections.length - LISTED_REJECTIONS} more`);
    }
  }
  if (summary.repeatedIds.length > 0) {
    lines.push('Repeated ids (a later row states a document or figure an earlier row stated; both were applied):');
    for (const repeat of summary.repeatedIds.slice(0, LISTED_REJECTIONS)) {
      lines.push(`  row ${repeat.row} (line ${repeat.line}): ${repeat.id}, first in row ${repeat.firstRow}`);
    }
    if (summary.repeatedIds.length > LISTED_REJECTIONS) {
      lines.push(`  … and ${summary.repeatedIds.length - LISTED_REJECTIONS} more`);
    }
  }
  return `${lines.join('\n')}\n`;
}
