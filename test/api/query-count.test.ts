import { DEEP_REQUEST, deepGraphReport } from '../support/deep-graph';
import { Harness } from '../support/harness';

/**
 * No N+1: every relationship field loads through the request's DataLoaders, so a deep request
 * runs one query per level and field, however many rows each level has.
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

  async function deep(text: string) {
    const result = await harness.run<{ forums: { totalCount: number; nodes: { documents: unknown[] }[] } }>(
      DEEP_REQUEST,
      { text },
      null,
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
    // The page and its count, then one query per relationship field of the request (26), less
    // the three that share their parent and query with a sibling (signatures and signatories;
    // `from` and `onBehalfOf` of attendance and of signatures).
    expect(large.queries).toBe(2 + 26 - 3);
  });

  it('gives the same count on every run of a request', async () => {
    const counts = new Set<number>();
    for (let run = 0; run < 3; run += 1) counts.add((await deep('large forum')).queries);
    expect(counts.size).toBe(1);
  });

  it('batches a relationship field across every parent in the list', async () => {
    const result = await harness.run(
      `{ documents(first: 100, filter: { text: "large document" }) { nodes { sectors { id } parties { __typename } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.context.db.queryCount).toBe(3);
  });

  it('batches the same field of aliased root fields, and sibling fields that follow one tie', async () => {
    const result = await harness.run(`{
      a: forum(id: "forum:large-1") { id }
      b: forum(id: "forum:large-2") { id }
      c: node(id: "forum:large-3") { id }
      d: document(id: "doc:large-4") { signatures { role } signatories { id } }
    }`);
    expect(result.errors).toBeUndefined();
    // entity.byId for the four roots, then one SIGNED query for both fields
    expect(result.context.db.queryCount).toBe(2);
  });
});
