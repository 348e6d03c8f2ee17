import { readFileSync } from 'node:fs';

import { isEnumType } from 'graphql';

import { emittedSchema, SCHEMA_FILE } from './emit';
import { createSchema } from './schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the schema)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await emittedSchema());
  });

  it('names every enum value in upper case, as GraphQL convention has it', async () => {
    const schema = await createSchema();
    const values = Object.values(schema.getTypeMap())
      .filter((type) => isEnumType(type) && !type.name.startsWith('__'))
      .flatMap((type) => (isEnumType(type) ? type.getValues().map((value) => `${type.name}.${value.name}`) : []));
    expect(values.length).toBeGreaterThan(50);
    expect(values.filter((value) => !/\.[A-Z][A-Z0-9_]*$/.test(value))).toEqual([]);
  });
});
