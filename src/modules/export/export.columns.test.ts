import { columnType, exportedProperties, toColumns } from './export.columns';

describe('export columns', () => {
  it("maps Cypher value types to neo4j-admin import's types", () => {
    expect(columnType('name', ['STRING NOT NULL'])).toBe('string');
    expect(columnType('value', ['FLOAT NOT NULL'])).toBe('double');
    expect(columnType('total', ['INTEGER NOT NULL'])).toBe('long');
    expect(columnType('createdAt', ['ZONED DATETIME NOT NULL'])).toBe('datetime');
    expect(columnType('aliases', ['LIST<STRING NOT NULL> NOT NULL', 'LIST<NOTHING> NOT NULL'])).toBe('string[]');
    expect(columnType('aliases', ['LIST<NOTHING> NOT NULL'])).toBe('string[]');
  });

  it("types the domain's whole numbers as int although the driver stored them as floats", () => {
    expect(columnType('count', ['FLOAT NOT NULL'])).toBe('int');
    expect(columnType('itemCount', ['INTEGER NOT NULL'])).toBe('int');
  });

  it('widens integers mixed with floats, and falls back to text for other mixes', () => {
    expect(columnType('value', ['INTEGER NOT NULL', 'FLOAT NOT NULL'])).toBe('double');
    expect(columnType('odd', ['STRING NOT NULL', 'FLOAT NOT NULL'])).toBe('string');
  });

  it('drops derived keys and orders columns: leading names first, then alphabetical', () => {
    const columns = toColumns(
      [
        { key: 'kind', types: ['STRING'] },
        { key: 'searchText', types: ['STRING'] },
        { key: 'name', types: ['STRING'] },
        { key: 'id', types: ['STRING'] },
        { key: 'aliases', types: ['LIST<STRING>'] },
      ],
      ['id', 'name'],
    );
    expect(columns.map((column) => column.name)).toEqual(['id', 'name', 'aliases', 'kind']);
    expect(exportedProperties({ name: 'Kazakhstan', nameKey: 'kazakhstan', gone: null })).toEqual({
      name: 'Kazakhstan',
    });
  });
});
