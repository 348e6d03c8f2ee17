import { DEEP_REQUEST, deepGraphReport } from '../support/deep-graph';
import { Harness } from '../support/harness';

/**
 * No N+1. A root field's whole selection loads in one statement (`entity.prefetch`); fields the
 * prefetch does not cover, and requests run without it, load through the request's DataLoaders,
 * one query per position and kind of load, however many rows each level has.
 */
describe('query count', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    for (const report of [
      deepGraphReport('Small', { forums: 1, documents: 3, officials: 2 }),
      deepGraphReport('Large', { forums: 10, documents: 30, officials: 20 }),
    ]) {
      const result = await harness.run(
        `mutation ($report: ReportInput!) { ingestReport(report: $report) { tiesCreated } }`,
        {
          report,
        },
      );
      expect(result.errors).toBeUndefined();
    }
  });

  afterAll(async () => {
    await harness.close();
  });

  async function deep(text: string, prefetch = true) {
    const result = await harness.run<{ forums: { totalCount: number; nodes: { documents: unknown[] }[] } }>(
      DEEP_REQUEST,
      { text },
      null,
      { prefetch },
    );
    expect(result.errors).toBeUndefined();
    return { data: result.data!, queries: result.context.db.queryCount };
  }

  it('runs as many queries for 30 documents of 10 forums as for 3 documents of 1 forum', async () => {
    const small = await deep('small forum');
    const large = await deep('large forum');
    // the series and its editions
    expect(small.data.forums.totalCount).toBe(2);
    expect(large.data.forums.totalCount).toBe(11);
    expect(small.data.forums.nodes.flatMap((forum) => forum.documents)).toHaveLength(3);
    expect(large.data.forums.nodes.flatMap((forum) => forum.documents)).toHaveLength(30);

    expect(large.queries).toBe(small.queries);
    // the page, its count, and everything below the page in one statement
    expect(large.queries).toBe(3);
  });

  it('gives the same answer field by field, in a count that grows with depth, not rows', async () => {
    const prefetched = await deep('large forum');
    const small = await deep('small forum', false);
    const large = await deep('large forum', false);
    expect(large.data).toEqual(prefetched.data);
    expect(large.queries).toBe(small.queries);
    // The page and its count, then one query per position in the answer and kind of load: all
    // relationship fields of the objects at one position share one statement (entity.related).
    expect(large.queries).toBe(17);
  });

  it('gives the same count on every run of a request', async () => {
    const counts = new Set<number>();
    for (let run = 0; run < 3; run += 1) counts.add((await deep('large forum')).queries);
    expect(counts.size).toBe(1);
  });

  it('batches the relationship fields of every parent in the list into one query', async () => {
    const result = await harness.run(
      `{ documents(first: 100, filter: { text: "large document" }) { nodes { sectors { id } parties { __typename } } } }`,
    );
    expect(result.errors).toBeUndefined();
    // the page, then sectors and parties of all 30 documents in one statement
    expect(result.context.db.queryCount).toBe(2);
    const fieldByField = await harness.run(
      `{ documents(first: 100, filter: { text: "large document" }) { nodes { sectors { id } parties { __typename } } } }`,
      {},
      null,
      { prefetch: false },
    );
    expect(fieldByField.data).toEqual(result.data);
    expect(fieldByField.context.db.queryCount).toBe(2);
  });

  it('batches the same field of aliased root fields, and sibling fields that follow one tie', async () => {
    const result = await harness.run(`{
      a: forum(id: "forum:large-1") { id }
      b: forum(id: "forum:large-2") { id }
      c: node(id: "forum:large-3") { id }
      d: document(id: "doc:large-4") { signatures { role } signatories { id } }
    }`);
    expect(result.errors).toBeUndefined();
    // entity.byId for the three roots that select no relationship, and one prefetch for the
    // fourth, whose two fields follow the same SIGNED ties
    expect(result.context.db.queryCount).toBe(2);
  });
});
