import { stringify } from 'yaml';

import type { DraftReportData } from './report';

/** A draft as a file a person reads and corrects: keys in a fixed order, two-space JSON or block YAML. */
export function serializeDraft(report: DraftReportData, format: 'json' | 'yaml'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return stringify(report, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
