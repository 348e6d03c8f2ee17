import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';

import { SCHEMA_FILE } from '../schema/emit';
import { exampleOperation, loadExampleOperations } from './example-operations';

describe('example operations (client/operations)', () => {
  it('are named, described and valid against schema/schema.graphql', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    const operations = loadExampleOperations();
    expect(operations.length).toBeGreaterThanOrEqual(5);
    for (const operation of operations) {
      expect(operation.description).not.toBe('');
      expect(validate(schema, parse(operation.document)).map((error) => error.message)).toEqual([]);
    }
    expect(new Set(operations.map((operation) => operation.name)).size).toBe(operations.length);
  });

  it('finds one by name and refuses files without exactly one named operation', () => {
    expect(exampleOperation('ForumDocuments').document).toContain('query ForumDocuments');
    const dir = mkdtempSync(join(tmpdir(), 'ties-graph-operations-'));
    writeFileSync(join(dir, 'a.graphql'), '{ forum(id: "x") { name } }');
    expect(() => loadExampleOperations(dir)).toThrow('a.graphql: must hold exactly one named operation');
    expect(() => exampleOperation('Missing', dir)).toThrow();
  });
});
