import { listElements, scalarText } from './export.columns';
import type { Column, ColumnType, Columns, ExportFormat, ExportNode, ExportRelationship } from './export.model';

/**
 * GraphML for Gephi, yEd, Cytoscape desktop and `apoc.import.graphml`. Besides one key per
 * property, nodes carry `labels` (":Entity:Region", as APOC writes it) and `label` (the name,
 * which Gephi shows), and edges carry `label` (the relationship type). Lists are JSON arrays
 * in a string key marked with `attr.list`, APOC's convention.
 */
const GRAPHML_TYPES: Record<ColumnType, { type: string; list?: string }> = {
  string: { type: 'string' },
  int: { type: 'int' },
  long: { type: 'long' },
  double: { type: 'double' },
  boolean: { type: 'boolean' },
  date: { type: 'string' },
  datetime: { type: 'string' },
  localdatetime: { type: 'string' },
  'string[]': { type: 'string', list: 'string' },
  'long[]': { type: 'string', list: 'long' },
  'double[]': { type: 'string', list: 'double' },
  'boolean[]': { type: 'string', list: 'boolean' },
};

// XML 1.0 forbids most control characters even when escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function valueText(value: unknown, type: ColumnType): string {
  if (type.endsWith('[]')) return JSON.stringify(listElements(value));
  return scalarText(value);
}

function keyElement(id: string, owner: 'node' | 'edge', name: string, type: ColumnType): string {
  const { type: attrType, list } = GRAPHML_TYPES[type];
  const listAttr = list ? ` attr.list="${list}"` : '';
  return `  <key id="${id}" for="${owner}" attr.name="${escapeXml(name)}" attr.type="${attrType}"${listAttr}/>\n`;
}

function dataElements(prefix: string, columns: readonly Column[], properties: Readonly<Record<string, unknown>>) {
  return columns
    .filter((column) => properties[column.name] !== undefined)
    .map(
      (column) =>
        `<data key="${prefix}${column.name}">${escapeXml(valueText(properties[column.name], column.type))}</data>`,
    )
    .join('');
}

export function graphmlFormat(): ExportFormat {
  let columns: Columns = { node: [], relationship: [] };
  let edgeCount = 0;
  return {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    needs: { nodes: true, relationships: true, columns: true },
    start(given) {
      columns = given;
      return [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
        keyElement('labels', 'node', 'labels', 'string'),
        keyElement('label', 'node', 'label', 'string'),
        ...given.node.map((column) => keyElement(`n_${column.name}`, 'node', column.name, column.type)),
        keyElement('e_label', 'edge', 'label', 'string'),
        ...given.relationship.map((column) => keyElement(`e_${column.name}`, 'edge', column.name, column.type)),
        '  <graph id="G" edgedefault="directed">\n',
      ].join('');
    },
    node(node: ExportNode) {
      const labels = `<data key="labels">${escapeXml(node.labels.map((label) => `:${label}`).join(''))}</data>`;
      const name = node.properties.name;
      const label = typeof name === 'string' ? `<data key="label">${escapeXml(name)}</data>` : '';
      return `    <node id="${escapeXml(node.id)}">${labels}${label}${dataElements('n_', columns.node, node.properties)}</node>\n`;
    },
    relationship(relationship: ExportRelationship) {
      const id = `e${edgeCount++}`;
      const ends = `source="${escapeXml(relationship.start)}" target="${escapeXml(relationship.end)}"`;
      const label = `<data key="e_label">${escapeXml(relationship.type)}</data>`;
      const data = dataElements('e_', columns.relationship, relationship.properties);
      return `    <edge id="${id}" ${ends}>${label}${data}</edge>\n`;
    },
    end() {
      return '  </graph>\n</graphml>\n';
    },
  };
}
