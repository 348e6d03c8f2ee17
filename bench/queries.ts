/**
 * The benchmark queries, each as the three systems are asked it, and the normalisation that
 * turns each answer into one comparable shape (lists whose order no system defines are sorted).
 */
export const SYSTEMS = ['ties-graph', 'peer', 'floor'] as const;
export type System = (typeof SYSTEMS)[number];

export const SYSTEM_LABELS: Record<System, string> = {
  'ties-graph': 'ties-graph',
  peer: '@neo4j/graphql',
  floor: 'floor (hand-written Cypher)',
};

/** One HTTP request: POST `body` as JSON to the system's base URL + `path`. */
export interface BenchRequest {
  readonly path: string;
  readonly body: unknown;
}

/** One parameter set of a query, as each system is asked it. */
export interface BenchCase {
  readonly label: string;
  readonly requests: Record<System, BenchRequest>;
}

export interface BenchQuery {
  readonly id: string;
  readonly title: string;
  /** How the query is asked of each system, in words, for the report. */
  readonly description: string;
  readonly cases: readonly BenchCase[];
  readonly normalise: Record<System, (answer: unknown) => unknown>;
}

type Json = Record<string, unknown>;

const graphql = (query: string, variables: Json): BenchRequest => ({ path: '/graphql', body: { query, variables } });
const floor = (path: string, params: Json): BenchRequest => ({ path, body: params });

/** The `data` of a GraphQL or floor answer; any error stops the run (answers must be right first). */
function dataOf(answer: unknown): Json {
  const body = answer as { data?: Json | null; errors?: { message: string }[] } | null;
  if (!body || body.errors?.length || body.data === undefined || body.data === null) {
    throw new Error(`the answer has errors or no data: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return body.data;
}

const byId = <T extends { id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));
const named = (item: unknown): { id: string; name: string } | null => {
  const node = item as { id: string; name: string } | null;
  return node ? { id: node.id, name: node.name } : null;
};
const namedList = (items: unknown): { id: string; name: string }[] =>
  byId((items as unknown[]).map(named).filter((item): item is { id: string; name: string } => item !== null));

// ---- Q1: an entity by id with its 1-hop fields --------------------------------------------

const Q1_TIES = `query Q1($id: ID!) {
  document(id: $id) {
    id name kind status count
    signedOn { earliest }
    value { amount }
    forum { id name }
    parties { ... on Region { id name } ... on Organization { id name } }
    sectors { id name }
    signatories { id name }
  }
}`;

const Q1_PEER = `query Q1($id: ID!) {
  documents(where: { id: { eq: $id } }) {
    id name kind status documentCount signedOn valueAmount
    forum { id name }
    parties { id name }
    sectors { id name }
    signatories { id name }
  }
}`;

interface DocumentShape {
  id: string;
  name: string;
  kind: string;
  status: string;
  count: number;
  signedOn: string | null;
  amount: number | null;
  forum: { id: string; name: string } | null;
  parties: { id: string; name: string }[];
  sectors: { id: string; name: string }[];
  signatories: { id: string; name: string }[];
}

function documentShape(document: Json, signedOn: unknown, amount: unknown, count: unknown): DocumentShape {
  return {
    id: document.id as string,
    name: document.name as string,
    kind: document.kind as string,
    status: document.status as string,
    count: count as number,
    signedOn: (signedOn as string | null) ?? null,
    amount: (amount as number | null) ?? null,
    forum: named(document.forum),
    parties: namedList(document.parties),
    sectors: namedList(document.sectors),
    signatories: namedList(document.signatories),
  };
}

export function q1(documentIds: readonly string[]): BenchQuery {
  return {
    id: 'Q1',
    title: 'An entity by id with its 1-hop fields',
    description:
      'A document with its forum, parties, sectors and signatories. ties-graph: `document(id)`; ' +
      '@neo4j/graphql: `documents(where: {id: {eq}})`; floor: one MATCH with pattern comprehensions.',
    cases: documentIds.map((id) => ({
      label: id,
      requests: {
        'ties-graph': graphql(Q1_TIES, { id }),
        peer: graphql(Q1_PEER, { id }),
        floor: floor('/q1', { id }),
      },
    })),
    normalise: {
      'ties-graph': (answer) => {
        const document = dataOf(answer).document as Json | null;
        if (!document) return null;
        return documentShape(
          document,
          (document.signedOn as Json | null)?.earliest,
          (document.value as Json | null)?.amount,
          document.count,
        );
      },
      peer: (answer) => {
        const [document] = dataOf(answer).documents as Json[];
        return document
          ? documentShape(document, document.signedOn, document.valueAmount, document.documentCount)
          : null;
      },
      floor: (answer) => {
        const document = dataOf(answer) as Json | null;
        return document ? documentShape(document, document.signedOn, document.amount, document.count) : null;
      },
    },
  };
}

// ---- Q2: who signed what with whom under which forum, for one region ----------------------

const Q2_TIES = `query Q2($region: ID!, $first: Int!) {
  signings(filter: { region: $region }, first: $first) {
    edges {
      node {
        signatory { id name }
        onBehalfOf { ... on Region { id } ... on Organization { id } }
        document { id name kind signedOn { earliest } }
        forum { id name }
        parties { ... on Region { id name } ... on Organization { id name } }
        counterparts { signatory { id } onBehalfOf { ... on Region { id } ... on Organization { id } } }
      }
    }
  }
}`;

const Q2_PEER = `query Q2($region: ID!, $limit: Int!) {
  documents(where: { parties: { some: { id: { eq: $region } } } }, sort: [{ signedOn: DESC }, { id: DESC }], limit: $limit) {
    id name kind signedOn
    forum { id name }
    parties { id name }
    signatoriesConnection { edges { properties { onBehalfOf } node { id name } } }
  }
}`;

interface SigningShape {
  document: { id: string; name: string; kind: string; signedOn: string | null };
  signatory: { id: string; name: string } | null;
  onBehalfOf: string | null;
  forum: { id: string; name: string } | null;
  parties: { id: string; name: string }[];
  counterparts: { id: string; onBehalfOf: string | null }[];
}

const counterpartList = (items: { id: string; onBehalfOf: string | null }[]) => byId(items);

export function q2(regionIds: readonly string[], first: number): BenchQuery {
  return {
    id: 'Q2',
    title: 'Who signed what with whom under which forum, for one region',
    description:
      `The ${first} latest signatures (official → document) of documents binding a region, each with the party ` +
      'signed for, the document, its forum, its parties and the other signatories. ties-graph: `signings(filter: ' +
      '{region})`; @neo4j/graphql: `documents(where: {parties: {some: …}}, sort, limit)` with `signatoriesConnection` ' +
      `(its ${first} latest documents hold the ${first} latest signatures); floor: one statement.`,
    cases: regionIds.map((region) => ({
      label: region,
      requests: {
        'ties-graph': graphql(Q2_TIES, { region, first }),
        peer: graphql(Q2_PEER, { region, limit: first }),
        floor: floor('/q2', { region, first }),
      },
    })),
    normalise: {
      'ties-graph': (answer) =>
        ((dataOf(answer).signings as Json).edges as { node: Json }[]).map(({ node }): SigningShape => {
          const document = node.document as Json;
          return {
            document: {
              id: document.id as string,
              name: document.name as string,
              kind: document.kind as string,
              signedOn: ((document.signedOn as Json | null)?.earliest as string | undefined) ?? null,
            },
            signatory: named(node.signatory),
            onBehalfOf: ((node.onBehalfOf as Json | null)?.id as string | undefined) ?? null,
            forum: named(node.forum),
            parties: namedList(node.parties),
            counterparts: counterpartList(
              (node.counterparts as Json[]).map((c) => ({
                id: (c.signatory as Json).id as string,
                onBehalfOf: ((c.onBehalfOf as Json | null)?.id as string | undefined) ?? null,
              })),
            ),
          };
        }),
      peer: (answer) => {
        const rows: SigningShape[] = [];
        for (const document of dataOf(answer).documents as Json[]) {
          const signatures = ((document.signatoriesConnection as Json).edges as Json[]).map((edge) => ({
            id: (edge.node as Json).id as string,
            name: (edge.node as Json).name as string,
            onBehalfOf: ((edge.properties as Json).onBehalfOf as string | null) ?? null,
          }));
          // ties-graph's order within a document: signatory id, descending.
          signatures.sort((a, b) => b.id.localeCompare(a.id));
          for (const signature of signatures) {
            rows.push({
              document: {
                id: document.id as string,
                name: document.name as string,
                kind: document.kind as string,
                signedOn: (document.signedOn as string | null) ?? null,
              },
              signatory: { id: signature.id, name: signature.name },
              onBehalfOf: signature.onBehalfOf,
              forum: named(document.forum),
              parties: namedList(document.parties),
              counterparts: counterpartList(
                signatures.filter((s) => s.id !== signature.id).map((s) => ({ id: s.id, onBehalfOf: s.onBehalfOf })),
              ),
            });
          }
        }
        return rows.slice(0, first);
      },
      floor: (answer) =>
        (dataOf(answer) as unknown as Json[]).map((row): SigningShape => ({
          document: row.document as SigningShape['document'],
          signatory: named(row.signatory),
          onBehalfOf: (row.onBehalfOf as string | null) ?? null,
          forum: named(row.forum),
          parties: namedList(row.parties),
          counterparts: counterpartList(row.counterparts as SigningShape['counterparts']),
        })),
    },
  };
}

// ---- Q3: a filtered, sorted list page with totalCount -------------------------------------

export const Q3_FILTER = {
  kinds: ['MEMORANDUM_OF_UNDERSTANDING', 'AGREEMENT', 'COMMERCIAL_AGREEMENT'],
  valueMin: 1_000_000,
};
export const PAGE_SIZE = 20;

const Q3_TIES = `query Q3($kinds: [DocumentKind!], $valueMin: Float, $first: Int!, $after: String) {
  documents(filter: { kinds: $kinds, valueMin: $valueMin }, orderBy: DATE_DESC, first: $first, after: $after) {
    totalCount
    pageInfo { endCursor }
    edges { node { id name kind signedOn { earliest } value { amount } } }
  }
}`;

// The page by offset and the total as a second root field. The connection form
// (`documentsConnection(first, after)`) is what the library's cursors use, but its statement
// carries the list of every match into the sort, and Neo4j counts that list once per row kept
// (about 6.8 MB per row here): at scale 1 a page after the 22nd exceeds the default transaction
// memory of a 4 GiB heap (docs/benchmarks.md). Offsets are what the library's users fall back to.
const Q3_PEER = `query Q3($kinds: [String!], $valueMin: Float, $first: Int!, $offset: Int!) {
  documents(
    where: { kind: { in: $kinds }, valueAmount: { gte: $valueMin } }
    sort: [{ signedOn: DESC }, { id: DESC }]
    limit: $first
    offset: $offset
  ) {
    id name kind signedOn valueAmount
  }
  documentsConnection(where: { kind: { in: $kinds }, valueAmount: { gte: $valueMin } }) { totalCount }
}`;

interface PageShape {
  totalCount: number;
  rows: { id: string; name: string; kind: string; signedOn: string | null; amount: number | null }[];
}

/** The systems whose Q3 pages continue from a cursor (keyset); the peer's continue from an offset. */
export type CursorSystem = Exclude<System, 'peer'>;

/** The cursor each keyset system gives for the page after this one. */
export const nextCursor: Record<CursorSystem, (answer: unknown) => unknown> = {
  'ties-graph': (answer) => ((dataOf(answer).documents as Json).pageInfo as Json).endCursor,
  floor: (answer) => {
    const last = ((dataOf(answer) as unknown as PageShape).rows as Json[]).at(-1);
    return last ? { signedOn: last.signedOn, id: last.id } : null;
  },
};

/** Page `page` of Q3 as each system is asked it; `after` holds the keyset cursors for it. */
export function q3Requests(page: number, after: Record<CursorSystem, unknown> | null): Record<System, BenchRequest> {
  const common = { ...Q3_FILTER, first: PAGE_SIZE };
  return {
    'ties-graph': graphql(Q3_TIES, { ...common, after: after?.['ties-graph'] ?? null }),
    peer: graphql(Q3_PEER, { ...common, offset: (page - 1) * PAGE_SIZE }),
    floor: floor('/q3', {
      ...common,
      // Before the first page: after every date and id.
      maxDate: (after?.floor as { signedOn: string } | null)?.signedOn ?? '9999-12-31',
      afterId: (after?.floor as { id: string } | null)?.id ?? '\uffff',
    }),
  };
}

export function q3(id: string, title: string, page: number, requests: Record<System, BenchRequest>): BenchQuery {
  const row = (node: Json, signedOn: unknown, amount: unknown): PageShape['rows'][number] => ({
    id: node.id as string,
    name: node.name as string,
    kind: node.kind as string,
    signedOn: (signedOn as string | null) ?? null,
    amount: (amount as number | null) ?? null,
  });
  return {
    id,
    title,
    description:
      `Page ${page} (${PAGE_SIZE} a page) of documents of three kinds worth at least ${Q3_FILTER.valueMin.toLocaleString('en')} USD, ` +
      'newest first, with `totalCount`. ties-graph: `documents(filter, orderBy: DATE_DESC, first, after)` (keyset ' +
      'cursor, walked to the page before timing); @neo4j/graphql: `documents(where, sort, limit, offset)` and ' +
      '`documentsConnection(where) { totalCount }` (its connection cursors fail past page 22 here, see below); ' +
      'floor: keyset on (signedOn, id) plus a count, walked like ties-graph.',
    cases: [{ label: `page ${page}`, requests }],
    normalise: {
      'ties-graph': (answer): PageShape => {
        const documents = dataOf(answer).documents as Json;
        return {
          totalCount: documents.totalCount as number,
          rows: (documents.edges as { node: Json }[]).map(({ node }) =>
            row(node, (node.signedOn as Json | null)?.earliest, (node.value as Json | null)?.amount),
          ),
        };
      },
      peer: (answer): PageShape => {
        const data = dataOf(answer);
        return {
          totalCount: (data.documentsConnection as Json).totalCount as number,
          rows: (data.documents as Json[]).map((node) => row(node, node.signedOn, node.valueAmount)),
        };
      },
      floor: (answer): PageShape => {
        const page = dataOf(answer) as unknown as { totalCount: number; rows: Json[] };
        return { totalCount: page.totalCount, rows: page.rows.map((node) => row(node, node.signedOn, node.amount)) };
      },
    },
  };
}

// ---- Q4: summed values by sector for a region pair ----------------------------------------

const Q4_TIES = `query Q4($a: ID!, $b: ID!) {
  documentStats(groupBy: SECTOR, filter: { region: $a, counterpart: $b }) {
    rows { key entryCount documentCount totalValue { currency amount } }
  }
}`;

const Q4_PEER = `query Q4($a: ID!, $b: ID!) {
  sectors {
    id
    documentsConnection(
      where: { node: { AND: [{ parties: { some: { id: { eq: $a } } } }, { parties: { some: { id: { eq: $b } } } }] } }
    ) {
      aggregate { count { nodes } node { valueAmount { sum } documentCount { sum } } }
    }
  }
}`;

interface SectorTotal {
  sector: string;
  entryCount: number;
  documentCount: number;
  amount: number;
}

const bySector = (rows: SectorTotal[]): SectorTotal[] =>
  rows.filter((row) => row.entryCount > 0).sort((a, b) => a.sector.localeCompare(b.sector));
/** Sums of floats in different orders differ in the last bits. */
const rounded = (amount: number): number => Math.round(amount);

export function q4(pairs: readonly (readonly [string, string])[]): BenchQuery {
  return {
    id: 'Q4',
    title: 'Summed values by sector for a region pair',
    description:
      'Documents binding both regions: per sector, how many and their summed value. ties-graph: ' +
      '`documentStats(groupBy: SECTOR, filter: {region, counterpart})`; @neo4j/graphql: `sectors { ' +
      'documentsConnection(where: both parties) { aggregate { count, sums } } }`; floor: one grouped statement.',
    cases: pairs.map(([a, b]) => ({
      label: `${a} + ${b}`,
      requests: {
        'ties-graph': graphql(Q4_TIES, { a, b }),
        peer: graphql(Q4_PEER, { a, b }),
        floor: floor('/q4', { a, b }),
      },
    })),
    normalise: {
      'ties-graph': (answer) =>
        bySector(
          ((dataOf(answer).documentStats as Json).rows as Json[]).map((row) => ({
            sector: row.key as string,
            entryCount: row.entryCount as number,
            documentCount: row.documentCount as number,
            amount: rounded(
              (row.totalValue as { currency: string; amount: number }[])
                .filter((total) => total.currency === 'USD')
                .reduce((sum, total) => sum + total.amount, 0),
            ),
          })),
        ),
      peer: (answer) =>
        bySector(
          (dataOf(answer).sectors as Json[]).map((sector) => {
            const aggregate = (sector.documentsConnection as Json).aggregate as {
              count: { nodes: number };
              node: { valueAmount: { sum: number | null }; documentCount: { sum: number | null } };
            };
            return {
              sector: sector.id as string,
              entryCount: aggregate.count.nodes,
              documentCount: aggregate.node.documentCount.sum ?? 0,
              amount: rounded(aggregate.node.valueAmount.sum ?? 0),
            };
          }),
        ),
      floor: (answer) =>
        bySector((dataOf(answer) as unknown as SectorTotal[]).map((row) => ({ ...row, amount: rounded(row.amount) }))),
    },
  };
}

// ---- Q5: a path between two officials ------------------------------------------------------

export const PATH_LIMIT = 25;

const Q5_TIES = `query Q5($from: ID!, $to: ID!, $limit: Int!) {
  path(from: $from, to: $to, maxHops: 4, limit: $limit) {
    length
    truncated
    paths { nodes { id } steps { tie { type fromId toId } } }
  }
}`;

const Q5_PEER = `query Q5($from: ID!, $to: ID!, $limit: Int!) {
  shortestPaths(from: $from, to: $to, limit: $limit) { nodeIds steps { type fromId toId } }
}`;

interface PathsShape {
  length: number | null;
  paths: string[];
}

/** A path as one string: node ids and tie types in order (tie direction is in fromId/toId). */
function pathKey(nodeIds: string[], steps: { type: string; fromId: string; toId: string }[]): string {
  return [nodeIds.join(' '), steps.map((step) => `${step.fromId}-${step.type}->${step.toId}`).join(' ')].join(' | ');
}

function pathsShape(
  paths: { nodeIds: string[]; steps: { type: string; fromId: string; toId: string }[] }[],
): PathsShape {
  return {
    length: paths[0]?.steps.length ?? null,
    paths: paths.map((path) => pathKey(path.nodeIds, path.steps)).sort(),
  };
}

export function q5(pairs: readonly (readonly [string, string])[]): BenchQuery {
  return {
    id: 'Q5',
    title: 'A path between two officials',
    description:
      `All shortest paths (at most 4 ties, at most ${PATH_LIMIT}; the pairs have fewer) between two officials, ` +
      'never through sources. ties-graph: `path(from, to, maxHops: 4)`; @neo4j/graphql: a `@cypher` query field ' +
      '(the library has no path query); floor: the same allShortestPaths statement.',
    cases: pairs.map(([from, to]) => ({
      label: `${from} → ${to}`,
      requests: {
        'ties-graph': graphql(Q5_TIES, { from, to, limit: PATH_LIMIT }),
        peer: graphql(Q5_PEER, { from, to, limit: PATH_LIMIT }),
        floor: floor('/q5', { from, to, limit: PATH_LIMIT }),
      },
    })),
    normalise: {
      'ties-graph': (answer) => {
        const found = dataOf(answer).path as Json;
        if (found.truncated) throw new Error('the pair has more shortest paths than the limit');
        return pathsShape(
          (
            found.paths as {
              nodes: { id: string }[];
              steps: { tie: { type: string; fromId: string; toId: string } }[];
            }[]
          ).map((path) => ({ nodeIds: path.nodes.map((node) => node.id), steps: path.steps.map((step) => step.tie) })),
        );
      },
      peer: (answer) => pathsShape(dataOf(answer).shortestPaths as Parameters<typeof pathsShape>[0]),
      floor: (answer) => pathsShape(dataOf(answer) as unknown as Parameters<typeof pathsShape>[0]),
    },
  };
}

// ---- Q6: full-text search ------------------------------------------------------------------

export const SEARCH_LIMIT = 25;

const Q6_TIES = `query Q6($text: String!, $first: Int!) {
  search(text: $text, types: [OFFICIAL], first: $first) { score entity { id name } }
}`;

const Q6_PEER = `query Q6($phrase: String!, $first: Int!) {
  searchOfficials(phrase: $phrase, first: $first, sort: [{ score: DESC }]) { edges { score node { id name } } }
}`;

interface HitShape {
  id: string;
  name: string;
  score: number;
}

/** Best first; equal scores by name then id (the order ties-graph defines). */
function hits(items: HitShape[]): HitShape[] {
  return items
    .map((hit) => ({ ...hit, score: Math.round(hit.score * 1e4) / 1e4 }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * `lucene` is what ties-graph's search makes of `text` (every word required, the last also as a
 * prefix): the peer and the floor are given that query string, as their users would write it.
 */
export function q6(searches: readonly { text: string; lucene: string }[]): BenchQuery {
  return {
    id: 'Q6',
    title: 'Full-text search',
    description:
      `Officials whose name matches two words, the last as a prefix (at most ${SEARCH_LIMIT}; the texts match ` +
      'fewer). ties-graph: `search(text, types: [OFFICIAL])`; @neo4j/graphql: `@fulltext` query `searchOfficials` ' +
      'on the same index; floor: `db.index.fulltext.queryNodes`. The peer and floor get the Lucene query ' +
      'ties-graph builds from the text.',
    cases: searches.map(({ text, lucene }) => ({
      label: text,
      requests: {
        'ties-graph': graphql(Q6_TIES, { text, first: SEARCH_LIMIT }),
        peer: graphql(Q6_PEER, { phrase: lucene, first: SEARCH_LIMIT }),
        floor: floor('/q6', { query: lucene, first: SEARCH_LIMIT }),
      },
    })),
    normalise: {
      'ties-graph': (answer) =>
        hits(
          (dataOf(answer).search as { score: number; entity: { id: string; name: string } }[]).map((hit) => ({
            id: hit.entity.id,
            name: hit.entity.name,
            score: hit.score,
          })),
        ),
      peer: (answer) =>
        hits(
          (
            (dataOf(answer).searchOfficials as Json).edges as { score: number; node: { id: string; name: string } }[]
          ).map((edge) => ({ id: edge.node.id, name: edge.node.name, score: edge.score })),
        ),
      floor: (answer) => hits(dataOf(answer) as unknown as HitShape[]),
    },
  };
}
