import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';

import { parse as parseCsv } from 'csv-parse/sync';

import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { jsonFormat } from '../../src/modules/export/export.json';
import { NO_FILTER } from '../../src/modules/export/export.model';
import { ExportRepository } from '../../src/modules/export/export.repository';
import { ExportService } from '../../src/modules/export/export.service';
import { parseGraphml } from '../support/graphml';
import { Harness } from '../support/harness';

/**
 * The researcher exports over HTTP, read back with general parsers (an XML parser for GraphML, a
 * CSV parser for the neo4j-admin files) and checked against the graph itself.
 */
describe('exports over HTTP', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  let entityIds: string[];
  let relationshipCount: number;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    server = await harness.serve();
    entityIds = (await harness.cypher<{ id: string }>('MATCH (n:Entity) RETURN n.id AS id ORDER BY id')).map(
      (row) => row.id,
    );
    const [row] = await harness.cypher<{ total: number }>('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS total');
    relationshipCount = row!.total;
  });

  afterAll(async () => {
    await server?.close();
    await harness?.close();
  });

  async function download(path: string): Promise<{ response: Response; body: string }> {
    const response = await fetch(`${server.url}${path}`);
    return { response, body: await response.text() };
  }

  it('exports the whole graph as GraphML for Gephi: every node and relationship, typed keys', async () => {
    const { response, body } = await download('/export/graphml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ties-graph-graph.graphml"');
    const { keys, nodes, edges } = parseGraphml(body);
    expect(nodes.map((node) => node.id).sort()).toEqual(entityIds);
    expect(edges).toHaveLength(relationshipCount);
    for (const edge of edges) {
      expect(entityIds).toContain(edge.source);
      expect(entityIds).toContain(edge.target);
    }
    expect(keys).toContainEqual({ id: 'n_count', for: 'node', 'attr.name': 'count', 'attr.type': 'int' });
    expect(keys.map((key) => key['attr.name'])).not.toContain('searchText');
    const kazakhstan = nodes.find((node) => node.id === 'region:kz');
    expect(kazakhstan?.data).toMatchObject({ labels: ':Entity:Region', label: 'Kazakhstan', n_iso2: 'KZ' });
    expect(JSON.parse(kazakhstan!.data.n_aliases!)).toEqual(['Republic of Kazakhstan']);
    const part = edges.find((edge) => edge.source === 'region:cn-xj' && edge.data.e_label === 'PART_OF');
    expect(part?.target).toBe('region:cn');
  });

  it('exports neo4j-admin CSV files whose ids and counts match the graph', async () => {
    const nodesFile = await download('/export/csv/nodes');
    expect(nodesFile.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [nodeHeader, ...nodeRows] = parseCsv(nodesFile.body);
    expect(nodeHeader?.slice(0, 3)).toEqual(['id:ID', ':LABEL', 'name']);
    expect(nodeHeader).toEqual(expect.arrayContaining(['count:int', 'aliases:string[]', 'createdAt:datetime']));
    expect(nodeRows.map((row) => row[0]).sort()).toEqual(entityIds);
    const column = (name: string): number => nodeHeader!.indexOf(name);
    const documents = nodeRows.find((row) => row[0] === 'doc:kz-xuar-dialogue-2-documents');
    expect(documents?.[column(':LABEL')]).toBe('Entity;Document');
    expect(documents?.[column('count:int')]).toBe('16');
    const xinjiang = nodeRows.find((row) => row[0] === 'region:cn-xj');
    expect(xinjiang?.[column('aliases:string[]')]).toBe('XUAR;Xinjiang');

    const relationshipsFile = await download('/export/csv/relationships');
    const [relationshipHeader, ...relationshipRows] = parseCsv(relationshipsFile.body);
    expect(relationshipHeader?.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(relationshipHeader).toContain('sourceIds:string[]');
    expect(relationshipRows).toHaveLength(relationshipCount);
    expect(relationshipRows).toContainEqual(
      expect.arrayContaining(['region:cn-xj', 'region:cn', 'PART_OF', 'source:commonspace-2023-03-kz-cn-agreements']),
    );
  });

  it('exports JSON with nodes and relationships', async () => {
    const { response, body } = await download('/export/json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const graph = JSON.parse(body) as {
      nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
      relationships: { type: string; start: string; end: string }[];
    };
    expect(graph.nodes.map((node) => node.id).sort()).toEqual(entityIds);
    expect(graph.relationships).toHaveLength(relationshipCount);
    expect(graph.nodes.find((node) => node.id === 'figure:kz-cn-trade-2022')?.properties).toMatchObject({
      value: 24e9,
      period: '2022-01-01',
    });
  });

  it('pages through the graph: small pages give the same export as one big page', async () => {
    const exportWith = async (pageSize: number, progress?: (done: number, total: number) => void) => {
      const out = new PassThrough();
      const body = text(out);
      const service = new ExportService(new ExportRepository(harness.context().db), pageSize);
      const counts = await service.write(jsonFormat(), NO_FILTER, out, progress);
      out.end();
      return { counts, body: await body };
    };
    const reports: [number, number][] = [];
    const small = await exportWith(3, (done, total) => reports.push([done, total]));
    const large = await exportWith(1000);
    expect(small.body).toBe(large.body);
    expect(small.counts).toEqual({ nodes: entityIds.length, relationships: relationshipCount });
    expect(reports.at(-1)).toEqual([2 * entityIds.length, 2 * entityIds.length]);
  });

  it('exports the subgraph of a region, its parts included', async () => {
    const { response, body } = await download('/export/json?region=region:cn');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ties-graph-region-cn-graph.json"');
    const graph = JSON.parse(body) as { nodes: { id: string }[]; relationships: { start: string; end: string }[] };
    const ids = graph.nodes.map((node) => node.id);
    // The dialogue involves Xinjiang, which is part of China.
    expect(ids).toEqual(
      expect.arrayContaining(['forum:kz-xuar-cross-border-dialogue-2', 'doc:kz-xuar-dialogue-2-commercial']),
    );
    // A part does not stand for the whole: China's trade figures are not Xinjiang's.
    const xinjiang = JSON.parse((await download('/export/json?region=region:cn-xj')).body) as {
      nodes: { id: string }[];
    };
    const xinjiangIds = xinjiang.nodes.map((node) => node.id);
    expect(xinjiangIds).toContain('forum:kz-xuar-cross-border-dialogue-2');
    expect(xinjiangIds).not.toContain('figure:kz-cn-trade-2022');
    for (const relationship of graph.relationships) {
      expect(ids).toContain(relationship.start);
      expect(ids).toContain(relationship.end);
    }
  });

  it('draws every fact of a region export with all its ties: no document is one-sided', async () => {
    const graph = JSON.parse((await download('/export/json?region=region:cn-xj')).body) as {
      nodes: { id: string; labels: string[] }[];
      relationships: { type: string; start: string; end: string }[];
    };
    const ids = new Set(graph.nodes.map((node) => node.id));
    const exported = new Set(graph.relationships.map((tie) => `${tie.start}|${tie.type}|${tie.end}`));
    const documents = graph.nodes.filter((node) => node.labels.includes('Document')).map((node) => node.id);
    expect(documents.length).toBeGreaterThanOrEqual(4);
    // Every tie a document has in the graph, both ways, is in the file with both its ends.
    const ties = await harness.cypher<{ start: string; type: string; end: string }>(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids OR b.id IN $ids
       RETURN a.id AS start, type(r) AS type, b.id AS end`,
      { ids: documents },
    );
    expect(ties.length).toBeGreaterThan(documents.length);
    for (const tie of ties) {
      expect(ids).toContain(tie.start);
      expect(ids).toContain(tie.end);
      expect(exported).toContain(`${tie.start}|${tie.type}|${tie.end}`);
    }
    // The other party of the dialogue's documents, and the sectors of their package.
    expect(ids).toContain('region:cn');
    expect(ids).toContain('sector:energy');
    expect(exported).toContain('doc:kz-xuar-dialogue-2-memoranda|BINDS|region:cn');
  });

  it('exports the subgraph of a sector: the documents covering it and what they are tied to', async () => {
    const { body } = await download('/export/graphml?sector=sector:energy');
    const { nodes } = parseGraphml(body);
    const documents = nodes.filter((node) => node.data.labels === ':Entity:Document').map((node) => node.id);
    // The package covers the sector; its parts count through PART_OF.
    expect(documents.sort()).toEqual([
      'doc:kz-xuar-dialogue-2-commercial',
      'doc:kz-xuar-dialogue-2-documents',
      'doc:kz-xuar-dialogue-2-interregional',
      'doc:kz-xuar-dialogue-2-memoranda',
    ]);
    // The forum they were signed at comes with all its ties, the figure stated there too; figures
    // tied to no fact of the export (the 2022 trade figures) stay out.
    const figures = nodes.filter((node) => node.data.labels === ':Entity:Figure').map((node) => node.id);
    expect(figures.sort()).toEqual(['figure:kz-cn-export-offer-2023-03', 'figure:kz-cn-export-offer-products-2023-03']);
    expect(nodes.map((node) => node.id)).toContain('forum:kz-xuar-cross-border-dialogue-2');
  });

  it('exports the subgraph of a period', async () => {
    const { body } = await download('/export/csv/nodes?from=2022&to=2022');
    const [, ...rows] = parseCsv(body);
    const facts = rows.filter((row) => /Document|Forum|Figure/.test(row[1]!)).map((row) => row[0]);
    expect(facts.sort()).toEqual([
      'figure:kz-cn-trade-2022',
      'figure:kz-exports-to-cn-2022',
      'figure:kz-imports-from-cn-2022',
    ]);
  });

  it('refuses a bad filter with BAD_USER_INPUT and the field at fault', async () => {
    const { response, body } = await download('/export/graphml?region=region:atlantis&from=2023-13&to=2022');
    expect(response.status).toBe(400);
    const error = (JSON.parse(body) as { errors: { extensions: { code: string; problems: { field: string }[] } }[] })
      .errors[0];
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions.problems.map((problem) => problem.field)).toEqual(['from', 'region']);
    const reversed = await download('/export/json?from=2023&to=2022');
    expect(reversed.response.status).toBe(400);
    expect(reversed.body).toContain('is before from');
  });

  it('needs a reader credential when reads do (REQUIRE_AUTH_FOR_READS)', async () => {
    const key = generateKey();
    const closed = await harness.serve({ REQUIRE_AUTH_FOR_READS: 'true', API_KEYS: `r:reader:${hashKey(key)}` });
    try {
      const anonymous = await fetch(`${closed.url}/export/json`);
      expect(anonymous.status).toBe(401);
      const reader = await fetch(`${closed.url}/export/json`, { headers: { authorization: `Bearer ${key}` } });
      expect(reader.status).toBe(200);
      expect((JSON.parse(await reader.text()) as { nodes: unknown[] }).nodes).toHaveLength(entityIds.length);
    } finally {
      await closed.close();
    }
  });
});
