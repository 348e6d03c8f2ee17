import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadConfig } from '../../src/config';
import { Harness } from '../support/harness';
import { postGraphQL } from '../support/http';

const ROOT = join(__dirname, '..', '..');

/** Every GraphQL block a user can copy: the README's, each guide's under docs/. */
function documentedExamples(): [where: string, query: string][] {
  const files = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((file) => file.endsWith('.md'))
      .map((file) => `docs/${file}`),
  ];
  return files.flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map(
      (match, index): [string, string] => [`${file} #${index + 1}`, match[1]!],
    ),
  );
}

/**
 * What the docs and the playground show runs as shown: through the real HTTP stack, with the
 * default limits (depth, cost, page size…), on the seed graph. A limit that refuses an example
 * (as the cost of `ties` once did) fails here.
 */
describe('documented and playground examples over HTTP', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  let playground: { name: string; query: string }[];

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    server = await harness.serve();
    playground = (await (await fetch(`${server.url}/playground/operations.json`)).json()) as typeof playground;
  });

  afterAll(async () => {
    await server?.close();
    await harness?.close();
  });

  it('runs under the default limits', () => {
    expect(harness.config.limits).toEqual(loadConfig({}).limits);
    expect(documentedExamples().length).toBeGreaterThanOrEqual(playground.length);
    expect(playground.length).toBeGreaterThanOrEqual(10);
  });

  it.each(documentedExamples())('answers %s without errors', async (_where, query) => {
    const { status, body } = await postGraphQL(server.url, { query });
    expect(body?.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body?.data).toBeDefined();
  });

  it('answers every playground tab without errors', async () => {
    for (const { name, query } of playground) {
      const { status, body } = await postGraphQL(server.url, { query });
      expect({ name, status, errors: body?.errors }).toEqual({ name, status: 200, errors: undefined });
    }
  });
});
