import { parse as parseCsv } from 'csv-parse/sync';

import { parseGraphml } from '../../../test/support/graphml';
import { csvField, csvNodesFormat, csvRelationshipsFormat } from './export.csv';
import { escapeXml, graphmlFormat } from './export.graphml';
import { jsonFormat } from './export.json';
import type { Columns, ExportFormat, ExportNode, ExportRelationship } from './export.model';

const COLUMNS: Columns = {
  node: [
    { name: 'id', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'aliases', type: 'string[]' },
    { name: 'count', type: 'int' },
    { name: 'description', type: 'string' },
  ],
  relationship: [{ name: 'locators', type: 'string[]' }],
};

const NODES: ExportNode[] = [
  {
    id: 'region:kz',
    labels: ['Entity', 'Region'],
    properties: { id: 'region:kz', name: 'Kazakhstan', aliases: ['Republic of Kazakhstan', 'RK'] },
  },
  {
    id: 'sector:energy',
    labels: ['Entity', 'Sector'],
    properties: { id: 'sector:energy', name: 'Energy', aliases: [] },
  },
  {
    id: 'doc:a&b',
    labels: ['Entity', 'Document'],
    properties: { id: 'doc:a&b', name: 'A "quoted", <odd> name', count: 16, description: 'two\nlines' },
  },
];

const RELATIONSHIPS: ExportRelationship[] = [
  { type: 'BINDS', start: 'doc:a&b', end: 'region:kz', properties: { locators: ['¶1', '¶2'] } },
];

function render(format: ExportFormat): string {
  return [
    format.start(COLUMNS),
    ...NODES.map((node) => format.node(node)),
    ...RELATIONSHIPS.map((relationship) => format.relationship(relationship)),
    format.end(),
  ].join('');
}

describe('export formats', () => {
  it('writes GraphML that an XML parser reads back, with typed keys and escaped text', () => {
    const { keys, nodes, edges } = parseGraphml(render(graphmlFormat()));
    expect(keys.find((key) => key.id === 'n_count')).toMatchObject({ 'attr.name': 'count', 'attr.type': 'int' });
    expect(keys.find((key) => key.id === 'n_aliases')).toMatchObject({ 'attr.list': 'string' });
    expect(nodes.map((node) => node.id)).toEqual(['region:kz', 'sector:energy', 'doc:a&b']);
    expect(nodes[2]?.data).toMatchObject({
      labels: ':Entity:Document',
      label: 'A "quoted", <odd> name',
      n_count: '16',
      n_description: 'two\nlines',
    });
    expect(JSON.parse(nodes[0]!.data.n_aliases!)).toEqual(['Republic of Kazakhstan', 'RK']);
    expect(edges).toEqual([
      { id: 'e0', source: 'doc:a&b', target: 'region:kz', data: { e_label: 'BINDS', e_locators: '["¶1","¶2"]' } },
    ]);
    expect(escapeXml('a\u0001b<')).toBe('ab&lt;');
  });

  it('writes CSV files with neo4j-admin headers that a CSV parser reads back', () => {
    const nodesText = render(csvNodesFormat());
    // An empty list is a missing property: an empty cell, not a quoted empty string.
    expect(nodesText).toContain('\nsector:energy,Entity;Sector,Energy,,,\n');
    const nodes = parseCsv(nodesText);
    expect(nodes[0]).toEqual(['id:ID', ':LABEL', 'name', 'aliases:string[]', 'count:int', 'description']);
    expect(nodes[1]).toEqual(['region:kz', 'Entity;Region', 'Kazakhstan', 'Republic of Kazakhstan;RK', '', '']);
    expect(nodes[3]).toEqual(['doc:a&b', 'Entity;Document', 'A "quoted", <odd> name', '', '16', 'two\nlines']);
    const relationships = parseCsv(render(csvRelationshipsFormat()));
    expect(relationships).toEqual([
      [':START_ID', ':END_ID', ':TYPE', 'locators:string[]'],
      ['doc:a&b', 'region:kz', 'BINDS', '¶1;¶2'],
    ]);
    expect(csvField('')).toBe('""');
  });

  it('writes JSON with nodes and relationships, also when there are none', () => {
    expect(JSON.parse(render(jsonFormat()))).toEqual({ nodes: NODES, relationships: RELATIONSHIPS });
    const empty = jsonFormat();
    expect(JSON.parse(empty.start(COLUMNS) + empty.end())).toEqual({ nodes: [], relationships: [] });
    const nodesOnly = jsonFormat();
    expect(JSON.parse(nodesOnly.start(COLUMNS) + nodesOnly.node(NODES[0]!) + nodesOnly.end())).toEqual({
      nodes: [NODES[0]],
      relationships: [],
    });
  });
});
