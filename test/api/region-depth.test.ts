import { PART_OF_DEPTH } from '../../src/modules/entity/entity.parts';
import { Harness } from '../support/harness';
import { ingest } from '../support/signing-report';

/**
 * "A region and its parts" reaches `PART_OF_DEPTH` levels down in every query that follows
 * PART_OF: lists, signings, stats, the officials of a region and exports agree. A chain of
 * regions one level deeper than that, each with a document (signed for it) at its bottom.
 */
const LEVELS = PART_OF_DEPTH + 1;
const region = (level: number) => `region:depth-${level}`;

const DEPTH_REPORT = {
  source: { id: 'source:test-depth', name: 'Region depth test source' },
  entities: [
    ...Array.from({ length: LEVELS + 1 }, (_, level) => ({
      ref: `r${level}`,
      region: { id: region(level), name: `Depth ${level}`, kind: level === 0 ? 'SUPRANATIONAL' : 'SUBNATIONAL' },
    })),
    ...Array.from({ length: LEVELS + 1 }, (_, level) => ({
      ref: `d${level}`,
      document: { id: `doc:depth-${level}`, title: `Agreement at depth ${level}`, kind: 'AGREEMENT', signedOn: '2024' },
    })),
    ...Array.from({ length: LEVELS + 1 }, (_, level) => ({
      ref: `o${level}`,
      official: { id: `official:depth-${level}`, name: `Signatory at depth ${level}` },
    })),
    ...Array.from({ length: LEVELS + 1 }, (_, level) => ({
      ref: `b${level}`,
      organization: { id: `org:depth-${level}`, name: `Body at depth ${level}`, kind: 'GOVERNMENT' },
    })),
  ],
  ties: Array.from({ length: LEVELS + 1 }, (_, level) => [
    ...(level > 0 ? [{ type: 'PART_OF', from: `r${level}`, to: `r${level - 1}` }] : []),
    { type: 'BINDS', from: `d${level}`, to: `r${level}` },
    { type: 'SIGNED', from: `o${level}`, to: `d${level}`, onBehalfOf: `r${level}` },
    { type: 'BASED_IN', from: `b${level}`, to: `r${level}` },
    { type: 'HOLDS', from: `o${level}`, to: `b${level}`, title: 'Head' },
  ]).flat(),
};

describe(`region filters follow PART_OF ${PART_OF_DEPTH} levels down, everywhere`, () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  const within = Array.from({ length: PART_OF_DEPTH + 1 }, (_, level) => `doc:depth-${level}`);

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    await ingest(harness, DEPTH_REPORT);
    server = await harness.serve();
  });

  afterAll(async () => {
    await server?.close();
    await harness?.close();
  });

  it('lists, signings and stats of the top region find the documents down to that depth, not below', async () => {
    const result = await harness.run<{
      documents: { nodes: { id: string }[] };
      signings: { nodes: { document: { id: string } }[] };
      documentStats: { total: { entryCount: number } };
      officials: { nodes: { id: string }[] };
      region: { officials: { id: string }[] };
    }>(
      `query ($region: ID!) {
        documents(filter: { region: $region }, first: 50) { nodes { id } }
        signings(filter: { region: $region }, first: 50) { nodes { document { id } } }
        documentStats(groupBy: KIND, filter: { region: $region }) { total { entryCount } }
        officials(filter: { region: $region }, first: 50) { nodes { id } }
        region(id: $region) { officials { id } }
      }`,
      { region: region(0) },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.documents.nodes.map((node) => node.id).sort()).toEqual(within);
    expect(data.signings.nodes.map((node) => node.document.id).sort()).toEqual(within);
    expect(data.documentStats.total.entryCount).toBe(within.length);
    const officials = within.map((id) => id.replace('doc:', 'official:'));
    expect(data.officials.nodes.map((node) => node.id).sort()).toEqual(officials);
    expect(data.region.officials.map((node) => node.id).sort()).toEqual(officials);
  });

  it('exports of the top region hold the same documents', async () => {
    const response = await fetch(`${server.url}/export/json?region=${region(0)}`);
    const graph = (await response.json()) as { nodes: { id: string; labels: string[] }[] };
    const documents = graph.nodes.filter((node) => node.labels.includes('Document')).map((node) => node.id);
    expect(documents.sort()).toEqual(within);
  });
});
