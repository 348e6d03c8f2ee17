import { readFileSync } from 'node:fs';

import { emittedSchema, SCHEMA_FILE } from './emit';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the schema)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await emittedSchema());
  });
});
