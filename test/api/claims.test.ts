import { Harness } from '../support/harness';

/**
 * Sources that disagree are both kept: a second source stating another total for the same
 * documents makes two claims and a conflict; the document shows the first stated, or the one an
 * editor prefers; omitted fields never reset stored values.
 */

const INGEST = `mutation ($report: ReportInput!) { ingestReport(report: $report) { changeId } }`;

const DOCUMENT = 'doc:claims-deals';

const report = (source: string, document: Record<string, unknown>, quote?: string) => ({
  source: { id: source, name: `Report ${source}` },
  entities: [
    {
      ref: 'deal',
      locator: '¶2',
      ...(quote ? { quote } : {}),
      document: { id: DOCUMENT, kind: 'COMMERCIAL_AGREEMENT', ...document },
    },
  ],
});

interface DocumentView {
  document: {
    count: number;
    status: string;
    value: { amount: number; currency: string; qualifier: string } | null;
    claims: {
      field: string;
      value: Record<string, unknown>;
      sourceId: string | null;
      quote: string | null;
      shown: boolean;
      preferred: boolean;
    }[];
    sources: { sourceId: string; locator: string | null; quote: string | null }[];
  };
}

const READ = `{ document(id: "${DOCUMENT}") {
  count status value { amount currency qualifier }
  claims { field value sourceId quote shown preferred }
  sources { sourceId locator quote }
} }`;

describe('claims of sources that disagree', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
  });

  afterAll(async () => {
    await harness.close();
  });

  const read = async () => {
    const result = await harness.run<DocumentView>(READ);
    expect(result.errors).toBeUndefined();
    return result.data?.document as DocumentView['document'];
  };

  it('keeps what a restatement leaves out: count, status and qualifier are not reset', async () => {
    const first = await harness.run(INGEST, {
      report: report(
        'source:claims-a',
        { count: 5, status: 'IN_FORCE', value: { amount: 565e6, currency: 'USD', qualifier: 'APPROXIMATE' } },
        'five agreements worth some $565m',
      ),
    });
    expect(first.errors).toBeUndefined();
    const again = await harness.run<{ ingestReport: { changeId: string | null } }>(INGEST, {
      report: report('source:claims-a', {}),
    });
    expect(again.errors).toBeUndefined();
    expect(again.data?.ingestReport.changeId).toBeNull();
    const stored = await read();
    expect(stored).toMatchObject({ count: 5, status: 'IN_FORCE', value: { amount: 565e6, qualifier: 'APPROXIMATE' } });
    expect(stored.sources).toEqual([
      { sourceId: 'source:claims-a', locator: '¶2', quote: 'five agreements worth some $565m' },
    ]);
    expect(stored.claims).toEqual([]);
  });

  it('keeps a second source’s other total as a claim beside the first, and lists the conflict', async () => {
    const second = await harness.run(INGEST, {
      report: report('source:claims-b', { value: { amount: 600e6, currency: 'USD' } }, 'deals worth $600 million'),
    });
    expect(second.errors).toBeUndefined();
    const stored = await read();
    // The first stated total is shown.
    expect(stored.value).toEqual({ amount: 565e6, currency: 'USD', qualifier: 'APPROXIMATE' });
    expect(stored.claims.map((claim) => [claim.field, claim.sourceId, claim.shown, claim.value.valueAmount])).toEqual([
      ['value', 'source:claims-a', true, 565e6],
      ['value', 'source:claims-b', false, 600e6],
    ]);
    expect(stored.claims[1]?.quote).toBe('deals worth $600 million');

    const conflicts = await harness.run<{
      conflicts: { totalCount: number; nodes: { entity: { id: string }; fields: string[] }[] };
    }>(`{ conflicts(type: DOCUMENT) { totalCount nodes { entity { id } fields } } }`);
    expect(conflicts.errors).toBeUndefined();
    expect(conflicts.data?.conflicts).toEqual({
      totalCount: 1,
      nodes: [{ entity: { id: DOCUMENT }, fields: ['value'] }],
    });
  });

  it('changes nothing when a source restates its own claim; records a third source that confirms one', async () => {
    const count = await harness.changeCount();
    const same = await harness.run<{ ingestReport: { changeId: string | null } }>(INGEST, {
      report: report('source:claims-b', { value: { amount: 600e6, currency: 'USD' } }, 'deals worth $600 million'),
    });
    expect(same.data?.ingestReport.changeId).toBeNull();
    expect(await harness.changeCount()).toBe(count);
    await harness.run(INGEST, { report: report('source:claims-c', { value: { amount: 600e6, currency: 'USD' } }) });
    const stored = await read();
    expect(stored.claims.filter((claim) => claim.value.valueAmount === 600e6).map((claim) => claim.sourceId)).toEqual([
      'source:claims-b',
      'source:claims-c',
    ]);
  });

  it('shows the claim an editor prefers, until another preference', async () => {
    const preferred = await harness.run(
      `mutation { preferClaim(entity: "${DOCUMENT}", field: "value", sourceId: "source:claims-b") { id } }`,
    );
    expect(preferred.errors).toBeUndefined();
    let stored = await read();
    expect(stored.value?.amount).toBe(600e6);
    expect(stored.claims.find((claim) => claim.shown)).toMatchObject({ sourceId: 'source:claims-b', preferred: true });
    // A later statement of the first total does not undo the preference.
    await harness.run(INGEST, { report: report('source:claims-d', { value: { amount: 565e6, currency: 'USD' } }) });
    stored = await read();
    expect(stored.value?.amount).toBe(600e6);

    const unknown = await harness.run(
      `mutation { preferClaim(entity: "${DOCUMENT}", field: "value", sourceId: "source:nope") { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reverts a claim with the change that made it', async () => {
    const before = await harness.fingerprint();
    const result = await harness.run<{ ingestReport: { changeId: string } }>(INGEST, {
      report: report('source:claims-e', { count: 6 }),
    });
    expect((await read()).claims.some((claim) => claim.field === 'count')).toBe(true);
    const revert = await harness.run(`mutation ($id: ID!) { revertChange(id: $id) { id } }`, {
      id: result.data?.ingestReport.changeId,
    });
    expect(revert.errors).toBeUndefined();
    expect(await harness.fingerprint()).toEqual(before);
  });
});
