import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Harness } from '../support/harness';

const EXAMPLES = [
  ...readFileSync(resolve(__dirname, '..', '..', 'docs', 'queries.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g),
].map((match) => match[1] ?? '');

/** The examples of docs/queries.md answer without errors, and with something, on the seed graph and signings. */
describe('docs/queries.md', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded({ signings: true });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('has one example per query', () => {
    expect(EXAMPLES).toHaveLength(7);
  });

  it.each(EXAMPLES.map((example) => [example.split('\n')[1]?.trim() ?? '', example]))(
    'answers %s',
    async (_root, example) => {
      const result = await harness.run<Record<string, unknown>>(example);
      expect(result.errors).toBeUndefined();
      const answer = Object.values(result.data ?? {})[0];
      expect(answer).toBeTruthy();
      expect(Array.isArray(answer) ? answer.length : 1).toBeGreaterThan(0);
    },
  );
});
