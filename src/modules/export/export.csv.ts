import { listElements, scalarText } from './export.columns';
import type { Column, ExportFormat, ExportNode, ExportRelationship } from './export.model';

/**
 * CSV with neo4j-admin import headers: one file of nodes (`id:ID`, `:LABEL`) and one of
 * relationships (`:START_ID`, `:END_ID`, `:TYPE`), typed columns (`count:int`, `aliases:string[]`)
 * and `;` between array elements and labels, neo4j-admin's defaults. An empty cell is a missing
 * property. Load with:
 *   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true
 */
export const ARRAY_DELIMITER = ';';

/** RFC 4180 quoting; an empty string is quoted so that it stays a value rather than a gap. */
export function csvField(text: string): string {
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cell(value: unknown, column: Column): string {
  if (value === undefined || value === null) return '';
  if (column.type.endsWith('[]')) {
    const elements = listElements(value);
    // neo4j-admin has no spelling for an empty array; a missing property reads the same in Cypher.
    return elements.length === 0 ? '' : csvField(elements.map(scalarText).join(ARRAY_DELIMITER));
  }
  return csvField(scalarText(value));
}

function header(column: Column): string {
  return column.type === 'string' ? column.name : `${column.name}:${column.type}`;
}

function row(fields: readonly string[]): string {
  return `${fields.join(',')}\n`;
}

export function csvNodesFormat(): ExportFormat {
  let columns: readonly Column[] = [];
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    needs: { nodes: true, relationships: false, columns: true },
    start(given) {
      // The `id` property is the :ID column itself (neo4j-admin stores it as the `id` property).
      columns = given.node.filter((column) => column.name !== 'id');
      return row(['id:ID', ':LABEL', ...columns.map(header)]);
    },
    node(node: ExportNode) {
      return row([
        csvField(node.id),
        csvField(node.labels.join(ARRAY_DELIMITER)),
        ...columns.map((column) => cell(node.properties[column.name], column)),
      ]);
    },
    relationship() {
      return '';
    },
    end() {
      return '';
    },
  };
}

export function csvRelationshipsFormat(): ExportFormat {
  let columns: readonly Column[] = [];
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    needs: { nodes: false, relationships: true, columns: true },
    start(given) {
      columns = given.relationship;
      return row([':START_ID', ':END_ID', ':TYPE', ...columns.map(header)]);
    },
    node() {
      return '';
    },
    relationship(relationship: ExportRelationship) {
      return row([
        csvField(relationship.start),
        csvField(relationship.end),
        csvField(relationship.type),
        ...columns.map((column) => cell(relationship.properties[column.name], column)),
      ]);
    },
    end() {
      return '';
    },
  };
}
