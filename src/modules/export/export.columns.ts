import type { Column, ColumnType } from './export.model';

/**
 * Properties ingest derives from others (search and resolution keys, the tie identity key).
 * Exports leave them out: they are noise to a researcher and ingest rebuilds them.
 */
const DERIVED_PROPERTIES: ReadonlySet<string> = new Set(['nameKey', 'aliasKeys', 'searchText', 'key']);

/**
 * Whole numbers in the domain model (GraphQL `Int` fields). The driver writes JavaScript numbers
 * as floats, so Neo4j alone would type them `double`.
 */
const INTEGER_PROPERTIES: ReadonlySet<string> = new Set(['count', 'edition', 'itemCount']);

export function exportedProperties(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(([key, value]) => !DERIVED_PROPERTIES.has(key) && value !== null),
  );
}

const SCALAR_TYPES: Readonly<Record<string, ColumnType>> = {
  STRING: 'string',
  INTEGER: 'long',
  FLOAT: 'double',
  BOOLEAN: 'boolean',
  DATE: 'date',
  'ZONED DATETIME': 'datetime',
  'LOCAL DATETIME': 'localdatetime',
};

const LIST_TYPES: Readonly<Record<string, ColumnType>> = {
  STRING: 'string[]',
  INTEGER: 'long[]',
  FLOAT: 'double[]',
  BOOLEAN: 'boolean[]',
};

/** An empty list says nothing about its elements' type. */
const EMPTY_LIST = 'LIST<NOTHING>';

/** One Cypher `valueType()` result ("LIST<STRING NOT NULL> NOT NULL") as a column type. */
function fromValueType(valueType: string): ColumnType {
  const base = valueType.replaceAll(' NOT NULL', '');
  const list = /^LIST<(.+)>$/.exec(base);
  if (list?.[1]) return LIST_TYPES[list[1]] ?? 'string[]';
  return SCALAR_TYPES[base] ?? 'string';
}

/**
 * The type of a column from every `valueType()` its values have. Integers mixed with floats are
 * doubles; any other mix falls back to text, which every tool can read.
 */
export function columnType(name: string, valueTypes: readonly string[]): ColumnType {
  const informative = valueTypes.filter((valueType) => valueType.replaceAll(' NOT NULL', '') !== EMPTY_LIST);
  if (informative.length === 0) return valueTypes.length > 0 ? 'string[]' : 'string';
  const types = new Set(informative.map(fromValueType));
  if (types.size === 2 && types.has('long') && types.has('double')) types.delete('long');
  if (types.size === 2 && types.has('long[]') && types.has('double[]')) types.delete('long[]');
  const [only] = types;
  const type = types.size === 1 && only ? only : 'string';
  return INTEGER_PROPERTIES.has(name) && (type === 'double' || type === 'long') ? 'int' : type;
}

/**
 * The columns for a set of property keys: derived keys dropped, `leading` names first (in that
 * order, when present), the rest alphabetical so exports diff cleanly.
 */
export function toColumns(
  keys: readonly { key: string; types: readonly string[] }[],
  leading: readonly string[],
): Column[] {
  const columns = keys
    .filter(({ key }) => !DERIVED_PROPERTIES.has(key))
    .map(({ key, types }) => ({ name: key, type: columnType(key, types) }));
  const rank = (name: string): number => {
    const index = leading.indexOf(name);
    return index === -1 ? leading.length : index;
  };
  return columns.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** A list value as its elements, whatever was stored (a scalar becomes a one-element list). */
export function listElements(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** A scalar as plain text, for formats without types; lists and maps as JSON. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
