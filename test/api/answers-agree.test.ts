import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

/**
 * Issue 16, "answers that agree": which documents cover a sector, bind a region or an
 * organization, or were signed at a forum, asked of the document list, of documentStats, of
 * `Document.sectors`/`parties` with their inherited parts, and of an export, on the seed and on a
 * generated graph of nested reported groups. The expected answers come from this file's own
 * bookkeeping over the reports ingested (the rule of docs/queries.md, "Reported groups": a part
 * has its groups' forum, parties and sectors too; a group with parts counts through them).
 */

interface ReportEntity {
  ref: string;
  [type: string]: unknown;
}
interface Report {
  source: { id: string; name: string };
  entities: ReportEntity[];
  ties: { type: string; from: string; to: string }[];
}

/** What the reports say, with refs resolved to ids. */
class Bookkeeping {
  readonly documents = new Map<string, { kind: string; count: number }>();
  readonly sectors = new Set<string>();
  readonly regions = new Set<string>();
  readonly organizations = new Set<string>();
  readonly forums = new Set<string>();
  private readonly parent = new Map<string, string>();
  private readonly series = new Map<string, string>();
  private readonly own = new Map<string, { sectors: Set<string>; parties: Set<string>; forums: Set<string> }>();

  add(report: Report): this {
    const ids = new Map<string, string>();
    for (const entity of report.entities) {
      const [type, fields] = Object.entries(entity).find(([key]) => key !== 'ref' && key !== 'locator') as [
        string,
        { id: string; kind?: string; count?: number },
      ];
      ids.set(entity.ref, fields.id);
      if (type === 'document')
        this.documents.set(fields.id, { kind: fields.kind ?? 'OTHER', count: fields.count ?? 1 });
      if (type === 'sector') this.sectors.add(fields.id);
      if (type === 'region') this.regions.add(fields.id);
      if (type === 'organization') this.organizations.add(fields.id);
      if (type === 'forum') this.forums.add(fields.id);
    }
    for (const tie of report.ties) {
      const from = ids.get(tie.from) ?? tie.from;
      const to = ids.get(tie.to) ?? tie.to;
      if (tie.type === 'PART_OF') this.parent.set(from, to);
      if (tie.type === 'IN_SERIES') this.series.set(from, to);
      const facts = this.ownOf(from);
      if (tie.type === 'COVERS') facts.sectors.add(to);
      if (tie.type === 'BINDS') facts.parties.add(to);
      if (tie.type === 'SIGNED_AT') facts.forums.add(to);
    }
    return this;
  }

  private ownOf(id: string) {
    let facts = this.own.get(id);
    if (!facts) this.own.set(id, (facts = { sectors: new Set(), parties: new Set(), forums: new Set() }));
    return facts;
  }

  /** The document and the groups it is in. */
  private chain(id: string): string[] {
    const chain = [id];
    for (let next = this.parent.get(id); next !== undefined && this.documents.has(next); next = this.parent.get(next))
      chain.push(next);
    return chain;
  }

  ownFacts(id: string, facts: 'sectors' | 'parties'): string[] {
    return [...this.ownOf(id)[facts]].sort();
  }

  /** A document's facts, its own and its groups'. */
  facts(id: string, facts: 'sectors' | 'parties' | 'forums'): string[] {
    return [...new Set(this.chain(id).flatMap((link) => [...this.ownOf(link)[facts]]))].sort();
  }

  /** Whether `id` is `within` or one of its parts (regions in regions, bodies in bodies). */
  isWithin(id: string, within: string): boolean {
    for (let at: string | undefined = id; at !== undefined; at = this.parent.get(at)) if (at === within) return true;
    return false;
  }

  /** The documents matching, sorted. */
  where(matches: (id: string) => boolean): string[] {
    return [...this.documents.keys()].filter(matches).sort();
  }

  covering = (sector: string) => this.where((id) => this.facts(id, 'sectors').includes(sector));
  binding = (party: string) =>
    this.where((id) => this.facts(id, 'parties').some((bound) => this.isWithin(bound, party)));
  signedAt = (forum: string) =>
    this.where((id) => this.facts(id, 'forums').some((at) => at === forum || this.series.get(at) === forum));

  /** How documentStats counts some documents: a group with parts counts through them, not itself. */
  counted(ids: readonly string[]): { documentCount: number; entryCount: number } {
    const groups = new Set(this.parent.values());
    const entries = ids.filter((id) => !(this.documents.get(id)?.kind === 'PACKAGE' && groups.has(id)));
    return {
      documentCount: entries.reduce((sum, id) => sum + (this.documents.get(id)?.count ?? 0), 0),
      entryCount: entries.length,
    };
  }
}

/** A small deterministic generator (mulberry32), so the graph is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Countries with provinces, bodies within bodies, a forum series with two editions, and 48
 * documents: 6 groups (one a sub-group of another, one without parts) and parts that have sectors,
 * parties and forums of their own beside their groups'.
 */
function generatedReport(seed: number): Report {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const entities: ReportEntity[] = [];
  const ties: Report['ties'] = [];
  const regions: string[] = [];
  for (let country = 0; country < 3; country += 1) {
    entities.push({
      ref: `c${country}`,
      region: { id: `region:agree-${country}`, name: `Agree land ${country}`, kind: 'COUNTRY' },
    });
    regions.push(`c${country}`);
    for (let province = 0; province < 2; province += 1) {
      const ref = `c${country}p${province}`;
      entities.push({
        ref,
        region: {
          id: `region:agree-${country}-${province}`,
          name: `Agree province ${country}.${province}`,
          kind: 'SUBNATIONAL',
        },
      });
      ties.push({ type: 'PART_OF', from: ref, to: `c${country}` });
      regions.push(ref);
    }
  }
  const organizations = ['o0', 'o1', 'o2', 'o3'];
  organizations.forEach((ref, index) =>
    entities.push({ ref, organization: { id: `org:agree-${index}`, name: `Agree body ${index}`, kind: 'COMPANY' } }),
  );
  ties.push({ type: 'PART_OF', from: 'o2', to: 'o0' }, { type: 'PART_OF', from: 'o3', to: 'o2' });
  const sectors = ['s0', 's1', 's2', 's3', 's4'];
  sectors.forEach((ref, index) =>
    entities.push({ ref, sector: { id: `sector:agree-${index}`, name: `Agree sector ${index}` } }),
  );
  entities.push(
    { ref: 'series', forum: { id: 'forum:agree-series', name: 'Agree forum series', kind: 'SERIES' } },
    { ref: 'e0', forum: { id: 'forum:agree-2022', name: 'Agree forum 2022', kind: 'MEETING', date: '2022-05-01' } },
    { ref: 'e1', forum: { id: 'forum:agree-2023', name: 'Agree forum 2023', kind: 'MEETING', date: '2023-05-01' } },
    { ref: 'f2', forum: { id: 'forum:agree-other', name: 'Agree other forum', kind: 'SUMMIT', date: '2023-09-01' } },
  );
  ties.push({ type: 'IN_SERIES', from: 'e0', to: 'series' }, { type: 'IN_SERIES', from: 'e1', to: 'series' });
  const forums = ['e0', 'e1', 'f2'];
  const kinds = ['AGREEMENT', 'MEMORANDUM_OF_UNDERSTANDING', 'COMMERCIAL_AGREEMENT', 'CONTRACT'];
  const groups = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'];
  const documents = [...groups, ...Array.from({ length: 42 }, (_, index) => `d${index}`)];
  for (const ref of documents) {
    const group = ref.startsWith('g');
    entities.push({
      ref,
      document: {
        id: `doc:agree-${ref}`,
        kind: group ? 'PACKAGE' : pick(kinds),
        count: 1 + Math.floor(next() * (group ? 9 : 3)),
        signedOn: `202${2 + Math.floor(next() * 2)}-0${1 + Math.floor(next() * 9)}`,
      },
    });
    for (const sector of sectors) if (next() < 0.25) ties.push({ type: 'COVERS', from: ref, to: sector });
    const parties = [...regions, ...organizations];
    for (let party = Math.floor(next() * 3); party > 0; party -= 1)
      ties.push({ type: 'BINDS', from: ref, to: pick(parties) });
    if (next() < 0.5) ties.push({ type: 'SIGNED_AT', from: ref, to: pick(forums) });
  }
  // g1 is a group within g0; g5 has no parts; most plain documents are part of a group.
  ties.push({ type: 'PART_OF', from: 'g1', to: 'g0' });
  for (let index = 0; index < 42; index += 1)
    if (next() < 0.75) ties.push({ type: 'PART_OF', from: `d${index}`, to: pick(['g0', 'g1', 'g2', 'g3', 'g4']) });
  // Ties stated twice (a random pick again) are one tie in the graph, as in the bookkeeping's sets.
  return { source: { id: 'source:agree-generated', name: 'Generated groups' }, entities, ties };
}

interface DocumentFacts {
  id: string;
  sectors: { id: string }[];
  inheritedSectors: { id: string }[];
  parties: { id: string }[];
  inheritedParties: { id: string }[];
}

describe('answers that agree: lists, statistics, document fields and exports share one rule for reported groups', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  const books = new Bookkeeping();

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    const seed = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'seed', '001_kz-xuar-dialogue-2023.json'), 'utf8'),
    ) as Report;
    const generated = generatedReport(20261203);
    await ingest(harness, generated);
    books.add(seed).add(generated);
    server = await harness.serve();
  });

  afterAll(async () => {
    await server?.close();
    await harness?.close();
  });

  interface Page<T> {
    documents: { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  }

  /** Every document a `documents` query selects, page after page. */
  async function allPages<T>(query: string, variables: Record<string, unknown>): Promise<T[]> {
    const nodes: T[] = [];
    let after: string | null = null;
    do {
      const result: { data?: Page<T> | null; errors?: unknown } = await harness.run<Page<T>>(query, {
        ...variables,
        after,
      });
      expect(result.errors).toBeUndefined();
      const page: Page<T>['documents'] = result.data!.documents;
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    return nodes;
  }

  async function listed(filter: Record<string, string>): Promise<string[]> {
    const nodes = await allPages<{ id: string }>(
      `query ($filter: DocumentFilter, $after: String) {
         documents(filter: $filter, first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
       }`,
      { filter },
    );
    return nodes.map((node) => node.id).sort();
  }

  async function total(filter: Record<string, string>) {
    const result = await harness.run<{ documentStats: { total: { documentCount: number; entryCount: number } } }>(
      `query ($filter: DocumentStatsFilter) { documentStats(groupBy: KIND, filter: $filter) { total { documentCount entryCount } } }`,
      { filter },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.documentStats.total;
  }

  async function exported(filter: string): Promise<string[]> {
    const response = await fetch(`${server.url}/export/json?${filter}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { nodes: { id: string; labels: string[] }[] };
    return body.nodes.filter((node) => node.labels.includes('Document')).map((node) => node.id);
  }

  it('holds the documents the bookkeeping expects', () => {
    expect(books.documents.size).toBe(4 + 48);
    // The seed's tourism: the package covers it, its three parts inherit it.
    expect(books.covering('sector:tourism')).toEqual([
      'doc:kz-xuar-dialogue-2-commercial',
      'doc:kz-xuar-dialogue-2-documents',
      'doc:kz-xuar-dialogue-2-interregional',
      'doc:kz-xuar-dialogue-2-memoranda',
    ]);
    expect(books.counted(books.covering('sector:tourism'))).toEqual({ documentCount: 16, entryCount: 3 });
  });

  it('lists, counts and exports the same documents for every sector', async () => {
    const rows = await harness.run<{
      documentStats: { rows: { key: string; documentCount: number; entryCount: number; shared: boolean }[] };
    }>(`{ documentStats(groupBy: SECTOR) { rows { key documentCount entryCount shared } } }`);
    expect(rows.errors).toBeUndefined();
    const byKey = new Map(rows.data!.documentStats.rows.map((row) => [row.key, row]));
    let checked = 0;
    for (const sector of books.sectors) {
      const expected = books.covering(sector);
      expect([sector, await listed({ sector })]).toEqual([sector, expected]);
      const counted = books.counted(expected);
      const row = byKey.get(sector);
      expect([sector, row?.documentCount ?? 0, row?.entryCount ?? 0]).toEqual([
        sector,
        counted.documentCount,
        counted.entryCount,
      ]);
      expect([sector, await total({ sector })]).toEqual([sector, counted]);
      const inExport = await exported(`sector=${encodeURIComponent(sector)}`);
      expect([sector, expected.filter((id) => !inExport.includes(id))]).toEqual([sector, []]);
      if (expected.length > 0) checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    // A document in several sectors makes its rows shared, and the rows add up to more than the total.
    expect([...byKey.values()].some((row) => row.shared)).toBe(true);
  });

  it('lists and counts the same documents for every region, organization and forum', async () => {
    const cases: Record<string, string>[] = [
      ...[...books.regions].map((region) => ({ region })),
      ...[...books.organizations].map((organization) => ({ organization })),
      ...[...books.forums].map((forum) => ({ forum })),
    ];
    for (const filter of cases) {
      const [[name, id]] = Object.entries(filter) as [[string, string]];
      const expected = name === 'forum' ? books.signedAt(id) : books.binding(id);
      expect([filter, await listed(filter)]).toEqual([filter, expected]);
      expect([filter, await total(filter)]).toEqual([filter, books.counted(expected)]);
    }
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it("gives every document its own sectors and parties, and its groups' as inherited", async () => {
    const found = await allPages<DocumentFacts>(
      `query ($after: String) {
         documents(first: 100, after: $after) {
           nodes { id sectors { id } inheritedSectors { id } parties { ... on Entity { id } } inheritedParties { ... on Entity { id } } }
           pageInfo { hasNextPage endCursor }
         }
       }`,
      {},
    );
    expect(found).toHaveLength(books.documents.size);
    const ids = (entities: { id: string }[]) => entities.map((entity) => entity.id).sort();
    let inheriting = 0;
    for (const document of found) {
      expect([document.id, ids(document.sectors)]).toEqual([document.id, books.ownFacts(document.id, 'sectors')]);
      expect([document.id, ids([...document.sectors, ...document.inheritedSectors])]).toEqual([
        document.id,
        books.facts(document.id, 'sectors'),
      ]);
      expect([document.id, ids(document.parties)]).toEqual([document.id, books.ownFacts(document.id, 'parties')]);
      expect([document.id, ids([...document.parties, ...document.inheritedParties])]).toEqual([
        document.id,
        books.facts(document.id, 'parties'),
      ]);
      if (document.inheritedSectors.length > 0) inheriting += 1;
    }
    expect(inheriting).toBeGreaterThanOrEqual(10);
  });

  it('reads what documents inherit in a number of statements that does not grow with the documents', async () => {
    const query = `query ($first: Int) { documents(first: $first) { nodes { id inheritedSectors { id } inheritedParties { ... on Entity { id } } } } }`;
    const few = await harness.run(query, { first: 5 });
    const many = await harness.run(query, { first: 52 });
    expect([few.errors, many.errors]).toEqual([undefined, undefined]);
    expect(many.context.db.queryCount).toBeLessThanOrEqual(few.context.db.queryCount + 2);
    expect(many.context.db.queryCount).toBeLessThanOrEqual(12);
  });
});
