import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmbeddedNeo4j } from '../../src/db/embedded';
import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { freePort } from '../support/free-port';
import { cleanEnv, runEntry } from '../support/processes';

async function post(
  url: string,
  query: string,
  key?: string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/**
 * `npm start` end to end: the embedded Neo4j starts, the seed loads, the API answers; Ctrl-C
 * stops both; the next start finds every committed write.
 */
describe('starting and stopping the product', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ties-graph-start-'));
  const key = generateKey();

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(seed: boolean) {
    const [boltPort, port] = [await freePort(), await freePort()];
    const server = runEntry('src/main.ts', {
      ...cleanEnv(),
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(boltPort),
      SEED_ON_START: String(seed),
      API_KEYS: `test:editor:${hashKey(key)}`,
    });
    const [, url] = await server.waitFor(/ties-graph is ready: (\S+)/, 240_000);
    return { server, url: url!, boltPort, port };
  }

  it('serves the seed graph, keeps committed writes across a restart, and refuses a second Neo4j on the same store or port', async () => {
    const first = await start(true);
    expect(await post(first.url, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    expect(await post(first.url, '{ region(id: "region:kz") { name iso2 } }')).toEqual({
      data: { region: { name: 'Kazakhstan', iso2: 'KZ' } },
    });
    const created = await post(first.url, 'mutation { createSector(input: { name: "Logistics" }) { id } }', key);
    expect(created).toEqual({ data: { createSector: { id: 'sector:logistics' } } });

    // While it runs, the store is locked and the Bolt port taken: a second launcher says so.
    await expect(
      startEmbeddedNeo4j({
        dataDir,
        boltPort: await freePort(),
        password: 'another-password',
        heapMb: 256,
        pageCacheMb: 16,
        startTimeoutMs: 120_000,
      }),
    ).rejects.toThrow(/is locked by another Neo4j process/);
    const otherDir = mkdtempSync(join(tmpdir(), 'ties-graph-port-'));
    await expect(
      startEmbeddedNeo4j({
        dataDir: otherDir,
        boltPort: first.boltPort,
        password: 'another-password',
        heapMb: 256,
        pageCacheMb: 16,
        startTimeoutMs: 120_000,
      }),
    ).rejects.toThrow(new RegExp(`port ${first.boltPort} on 127.0.0.1 is already in use`));
    rmSync(otherDir, { recursive: true, force: true });

    first.server.child.kill('SIGINT');
    expect(await first.server.exited()).toEqual({ code: 0, signal: null });
    expect(first.server.output()).toMatch(/Stopped/);

    const second = await start(false);
    expect(
      await post(second.url, '{ sector(id: "sector:logistics") { name } region(id: "region:cn-xj") { name } }'),
    ).toEqual({
      data: { sector: { name: 'Logistics' }, region: { name: 'Xinjiang Uygur Autonomous Region' } },
    });
    second.server.child.kill('SIGTERM');
    expect(await second.server.exited()).toEqual({ code: 0, signal: null });
  }, 600_000);
});
