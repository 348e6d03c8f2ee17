import { execFile } from 'node:child_process';
import { join } from 'node:path';

import { freePort } from '../support/free-port';
import { Harness } from '../support/harness';

const ROOT = join(__dirname, '..', '..');

/** Runs `npx ts-node examples/client.ts` as the README says, with `env` for its variables. */
function example(env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      [require.resolve('ts-node/dist/bin'), '--transpile-only', join(ROOT, 'examples', 'client.ts')],
      { cwd: ROOT, env: { ...process.env, TIES_GRAPH_URL: undefined, TIES_GRAPH_API_KEY: undefined, ...env } },
      (error, stdout, stderr) =>
        resolveRun({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('examples/client.ts', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('prints the founding forum’s documents and the 2022 figures from a running API', async () => {
    const server = await harness.serve();
    try {
      const run = await example({ TIES_GRAPH_URL: `${server.url}/graphql` });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Second .+ \(2023-03/);
      expect(run.stdout).toContain('COMMERCIAL_AGREEMENT worth');
    } finally {
      await server.close();
    }
  });

  it('names the URL it could not reach and the variable to set, not only "fetch failed"', async () => {
    const url = `http://127.0.0.1:${await freePort()}/graphql`;
    const run = await example({ TIES_GRAPH_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Could not reach the ties-graph API at ${url} (`);
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toContain('set TIES_GRAPH_URL');
  });

  it('says to set TIES_GRAPH_API_KEY when reads need a key', async () => {
    const server = await harness.serve({ REQUIRE_AUTH_FOR_READS: 'true' });
    try {
      const run = await example({ TIES_GRAPH_URL: `${server.url}/graphql` });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('set TIES_GRAPH_API_KEY');
    } finally {
      await server.close();
    }
  });

  it('says when the URL is not a GraphQL endpoint', async () => {
    const server = await harness.serve();
    try {
      const run = await example({ TIES_GRAPH_URL: `${server.url}/explore` });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${server.url}/explore answered`);
      expect(run.stderr).toContain('set TIES_GRAPH_URL');
    } finally {
      await server.close();
    }
  });
});
