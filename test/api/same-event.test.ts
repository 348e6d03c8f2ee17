import type { DraftWithCandidates } from '../../src/modules/extract/extract.service';
import { EDITOR, Harness } from '../support/harness';

// Two reports of one forum, written for this test, each naming it in its own words.
const FIRST = `Cross-border forum opens in Urumqi

ASTANA, 15 May 2024. Kazakhstan and the Xinjiang Uygur Autonomous Region held the 3rd Kazakhstan-Xinjiang Cross-Border Forum in Urumqi on 14 May 2024.

Seven commercial agreements worth $120 million were signed at the forum.
`;
const SECOND = `Kazakhstan and Xinjiang hold cross-border forum

URUMQI, 14 May 2024. The Third Cross-Border Forum Kazakhstan-Xinjiang was held in Urumqi on 14 May 2024.

At the forum the sides signed seven commercial agreements worth $120 million.
`;
// Another forum on the same day, elsewhere, with other parties: not the same event.
const OTHER = `Ministers meet in Baku

BAKU, 14 May 2024. The 3rd Azerbaijan-Turkey Energy Forum was held in Baku on 14 May 2024.

Seven commercial agreements worth $120 million were signed at the forum.
`;

const INGEST = /* GraphQL */ `
  mutation ($report: ReportInput!) {
    ingestReport(report: $report) {
      entities {
        ref
        id
        created
      }
    }
  }
`;

interface Ingested {
  ingestReport: { entities: { ref: string; id: string; created: boolean }[] };
}

/** Issue 15, item 6: a second report of an event confirms the first one's facts instead of repeating them. */
describe('one event, many reports', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness.close();
  });

  const draft = (text: string, name: string) =>
    harness.context(EDITOR).services.extract.extract(text, { name, publishedOn: '2024-05-15' });

  const ingest = async (report: DraftWithCandidates) => {
    const { source, entities, ties } = report;
    const result = await harness.run<Ingested>(INGEST, { report: { source, entities, ties } }, EDITOR);
    expect(result.errors).toBeUndefined();
    return new Map(result.data!.ingestReport.entities.map((entity) => [entity.ref, entity]));
  };

  const dated = (report: DraftWithCandidates) => report.entities.find((entity) => entity.forum?.date === '2024-05-14')!;
  const agreements = (report: DraftWithCandidates) => report.entities.find((entity) => entity.document)!;

  it('points the second report at the forum and documents of the first, and adds its source to them', async () => {
    const first = await draft(FIRST, 'First report of the forum');
    const stored = await ingest(first);
    const forumId = stored.get(dated(first).ref)!.id;
    const documentId = stored.get(agreements(first).ref)!.id;
    expect(stored.get(dated(first).ref)?.created).toBe(true);

    const second = await draft(SECOND, 'Second report of the forum');
    expect(dated(second).forum).toMatchObject({ id: forumId, name: 'Third Cross-Border Forum Kazakhstan-Xinjiang' });
    expect(second.candidates[dated(second).ref]?.[0]).toMatchObject({ id: forumId, score: 0.95 });
    expect(agreements(second).document).toMatchObject({ id: documentId, count: 7 });

    const events = () => harness.cypher(`MATCH (f:Forum) WHERE f.date IS NOT NULL RETURN f.id`);
    const documents = () => harness.cypher(`MATCH (d:Document) RETURN d.id`);
    const [eventsBefore, documentsBefore] = [await events(), await documents()];
    const again = await ingest(second);
    expect(again.get(dated(second).ref)).toMatchObject({ id: forumId, created: false });
    expect(again.get(agreements(second).ref)).toMatchObject({ id: documentId, created: false });
    // The event and its agreements stay one each (only the series may be new: its name in other words).
    expect(await events()).toHaveLength(eventsBefore.length);
    expect(await documents()).toHaveLength(documentsBefore.length);

    // "How many sources confirm this": two, for the forum and for the agreements.
    const confirmed = await harness.run<{
      forum: { name: string; aliases: string[]; sourceCount: number };
      document: { sourceCount: number; sources: { sourceId: string }[] };
    }>(
      `query ($forum: ID!, $document: ID!) {
        forum(id: $forum) { name aliases sourceCount }
        document(id: $document) { sourceCount sources { sourceId } }
      }`,
      { forum: forumId, document: documentId },
    );
    expect(confirmed.data?.forum).toMatchObject({ name: '3rd Kazakhstan-Xinjiang Cross-Border Forum', sourceCount: 2 });
    expect(confirmed.data?.forum.aliases).toContain('Third Cross-Border Forum Kazakhstan-Xinjiang');
    expect(confirmed.data?.document.sourceCount).toBe(2);
    const signedAt = await harness.run<{ document: { forum: { id: string } | null } }>(
      `query ($document: ID!) { document(id: $document) { forum { id } } }`,
      { document: documentId },
    );
    expect(signedAt.data?.document.forum?.id).toBe(forumId);
  });

  it('keeps apart a forum held the same day elsewhere, with other parties', async () => {
    const other = await draft(OTHER, 'Report of another forum');
    const forum = dated(other).forum;
    expect(forum?.id).toBeUndefined();
    expect(agreements(other).document?.id).toBeUndefined();
  });
});
