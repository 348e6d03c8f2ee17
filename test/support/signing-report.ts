import type { Harness } from './harness';

/**
 * A small report on top of the seed graph with signatures (the seed has none): two signatories of
 * an interregional agreement at the seed's dialogue, two of a memorandum at a summit, a part of
 * the seed's document package signed for Kazakhstan, and a contract signed for a government body.
 */
export const SIGNING_REPORT = {
  source: { id: 'source:test-signings', name: 'Signings test source', publishedOn: '2024-06' },
  entities: [
    {
      ref: 'tokayev',
      locator: '¶1',
      official: { name: 'Kassym-Jomart Tokayev', aliases: ['Qasym-Jomart Toqaev'] },
    },
    { ref: 'li', locator: '¶1', official: { name: 'Li Qiang' } },
    {
      ref: 'summit',
      locator: '¶1',
      forum: { id: 'forum:astana-summit-2024', name: 'Astana summit 2024', kind: 'SUMMIT', date: '2024-05-20' },
    },
    {
      ref: 'checkpoints',
      locator: '¶2',
      document: {
        id: 'doc:checkpoints',
        title: 'Agreement on border checkpoints',
        kind: 'INTERREGIONAL_AGREEMENT',
        signedOn: '2023-03-28',
      },
    },
    {
      ref: 'tourism',
      locator: '¶3',
      document: {
        id: 'doc:tourism-mou',
        title: 'Memorandum on tourism',
        kind: 'MEMORANDUM_OF_UNDERSTANDING',
        signedOn: '2024-05-20',
        value: { amount: 1_000_000, currency: 'EUR' },
      },
    },
    {
      ref: 'contract',
      locator: '¶4',
      document: { id: 'doc:gov-contract', title: 'Supply contract', kind: 'CONTRACT', signedOn: '2022-11' },
    },
  ],
  ties: [
    { type: 'SIGNED', from: 'official:serik-zhumangarin', to: 'checkpoints', onBehalfOf: 'region:kz', locator: '¶2' },
    { type: 'SIGNED', from: 'official:ma-xingrui', to: 'checkpoints', onBehalfOf: 'region:cn-xj', locator: '¶2' },
    { type: 'SIGNED_AT', from: 'checkpoints', to: 'forum:kz-xuar-cross-border-dialogue-2', locator: '¶2' },
    { type: 'BINDS', from: 'checkpoints', to: 'region:kz', locator: '¶2' },
    { type: 'BINDS', from: 'checkpoints', to: 'region:cn-xj', locator: '¶2' },
    { type: 'COVERS', from: 'checkpoints', to: 'sector:construction', locator: '¶2' },
    { type: 'SIGNED', from: 'tokayev', to: 'tourism', onBehalfOf: 'region:kz', locator: '¶3' },
    { type: 'SIGNED', from: 'li', to: 'tourism', onBehalfOf: 'region:cn', locator: '¶3' },
    { type: 'SIGNED_AT', from: 'tourism', to: 'summit', locator: '¶3' },
    { type: 'BINDS', from: 'tourism', to: 'region:kz', locator: '¶3' },
    { type: 'BINDS', from: 'tourism', to: 'region:cn', locator: '¶3' },
    { type: 'COVERS', from: 'tourism', to: 'sector:tourism', locator: '¶3' },
    {
      type: 'SIGNED',
      from: 'official:serik-zhumangarin',
      to: 'doc:kz-xuar-dialogue-2-commercial',
      onBehalfOf: 'region:kz',
      locator: '¶5',
    },
    {
      type: 'SIGNED',
      from: 'official:serik-zhumangarin',
      to: 'contract',
      onBehalfOf: 'org:kz-government',
      locator: '¶4',
    },
    { type: 'BINDS', from: 'contract', to: 'org:kz-government', locator: '¶4' },
  ],
};

/** Ingests a report through the API as an editor; fails the test on any error. */
export async function ingest(harness: Harness, report: unknown): Promise<void> {
  const result = await harness.run(`mutation ($report: ReportInput!) { ingestReport(report: $report) { sourceId } }`, {
    report,
  });
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
}
