import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { lexicographicSortSchema, printSchema } from 'graphql';

import { createSchema } from './schema';

export const SCHEMA_FILE = resolve(__dirname, '..', '..', 'schema', 'schema.graphql');

/** The SDL front-ends generate types from; sorted so it only changes when the schema does. */
export async function emittedSchema(): Promise<string> {
  const header = '# Generated from the type-graphql classes by `npm run schema:emit`. Do not edit.\n\n';
  return `${header}${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}

if (require.main === module) {
  emittedSchema()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
