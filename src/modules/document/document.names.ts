/** How reported documents of each kind are described: "5 commercial agreements". */
const KIND_LABEL: Record<string, [string, string]> = {
  AGREEMENT: ['agreement', 'agreements'],
  INTERREGIONAL_AGREEMENT: ['interregional agreement', 'interregional agreements'],
  MEMORANDUM_OF_UNDERSTANDING: ['memorandum of understanding', 'memoranda of understanding'],
  COMMERCIAL_AGREEMENT: ['commercial agreement', 'commercial agreements'],
  CONTRACT: ['contract', 'contracts'],
  JOINT_STATEMENT: ['joint statement', 'joint statements'],
  TREATY: ['treaty', 'treaties'],
  TRADE_AGREEMENT: ['trade agreement', 'trade agreements'],
  PROTOCOL: ['protocol', 'protocols'],
  ACCESSION: ['accession', 'accessions'],
  AMENDMENT: ['amendment', 'amendments'],
  PACKAGE: ['document', 'documents'],
  WITHDRAWAL: ['withdrawal', 'withdrawals'],
  CONSOLIDATED: ['consolidated text', 'consolidated texts'],
  OTHER: ['document', 'documents'],
};

/** "5 commercial agreements": a display name that describes what was reported, not a title. */
export function describeDocuments(kind: string, count: number): string {
  const [singular, plural] = KIND_LABEL[kind] ?? ['document', 'documents'];
  return count === 1 ? `1 ${singular}` : `${count} ${plural}`;
}
