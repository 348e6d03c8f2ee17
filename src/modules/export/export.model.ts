/**
 * What an export holds, independent of its file format: entity nodes with their labels and
 * properties, relationships between them, and the typed columns their properties fill.
 */
export interface ExportNode {
  readonly id: string;
  /** All labels, `Entity` first: `['Entity', 'Region']`. */
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface ExportRelationship {
  readonly type: string;
  readonly start: string;
  readonly end: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A property's type, in neo4j-admin import's names (`int`, `double`, `string[]` …). */
export type ColumnType =
  | 'string'
  | 'int'
  | 'long'
  | 'double'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'localdatetime'
  | 'string[]'
  | 'long[]'
  | 'double[]'
  | 'boolean[]';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

export interface Columns {
  readonly node: readonly Column[];
  readonly relationship: readonly Column[];
}

/** The slice of the graph to export; null fields do not filter. */
export interface ExportFilter {
  /** A region id; its parts (PART_OF, transitively) count as the region. */
  readonly region: string | null;
  readonly sector: string | null;
  /** Partial dates ("2022", "2023-03", "2023-03-28"), inclusive. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_FILTER: ExportFilter = { region: null, sector: null, from: null, to: null };

export function isWholeGraph(filter: ExportFilter): boolean {
  return filter.region === null && filter.sector === null && filter.from === null && filter.to === null;
}

/**
 * A file format as the service drives it: `start` once with the columns, then every node, then
 * every relationship, then `end`. Each call returns the text to append. A format that leaves out
 * nodes or relationships says so, and the service does not read them.
 */
export interface ExportFormat {
  readonly contentType: string;
  readonly extension: string;
  readonly needs: { readonly nodes: boolean; readonly relationships: boolean; readonly columns: boolean };
  start(columns: Columns): string;
  node(node: ExportNode): string;
  relationship(relationship: ExportRelationship): string;
  end(): string;
}
