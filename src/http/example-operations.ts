import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Kind, parse } from 'graphql';

/**
 * The README's example operations, one per file. The playground opens them as tabs, the typed
 * client is generated from them and `test/api/seed.test.ts` checks their answers, so the docs
 * cannot drift from what the API does.
 */
export const EXAMPLE_OPERATIONS_DIR = resolve(__dirname, '..', '..', 'client', 'operations');

export interface ExampleOperation {
  /** The operation's name, e.g. `ForumDocuments`. */
  readonly name: string;
  /** The file's leading `#` comment: the question the operation answers. */
  readonly description: string;
  /** The whole file, comment included, as shown in the README and the playground. */
  readonly document: string;
}

/** Reads every `*.graphql` file of `dir` in file-name order; each must hold one named operation. */
export function loadExampleOperations(dir = EXAMPLE_OPERATIONS_DIR): ExampleOperation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = readFileSync(join(dir, file), 'utf8');
      const definitions = parse(document).definitions;
      const [operation] = definitions;
      if (definitions.length !== 1 || operation?.kind !== Kind.OPERATION_DEFINITION || !operation.name) {
        throw new Error(`${file}: must hold exactly one named operation`);
      }
      const description = document
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => line.replace(/^#\s?/, ''))
        .join(' ');
      return { name: operation.name.value, description, document };
    });
}

/** The operation called `name`, for tests and scripts that run one example. */
export function exampleOperation(name: string, dir = EXAMPLE_OPERATIONS_DIR): ExampleOperation {
  const found = loadExampleOperations(dir).find((operation) => operation.name === name);
  if (!found) throw new Error(`No example operation named ${name} in ${dir}`);
  return found;
}
