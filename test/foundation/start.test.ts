import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
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

  async function start(seed: boolean, env: NodeJS.ProcessEnv = {}) {
    const [boltPort, port] = [await freePort(), await freePort()];
    const server = runEntry('src/main.ts', {
      ...cleanEnv(),
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(boltPort),
      SEED_ON_START: String(seed),
      API_KEYS: `test:editor:${hashKey(key)}`,
    });
    const [, url] = await server.waitFor(/ties-graph is ready: (\S+)/, 240_000);
    return { server, url: url!, base: `http://127.0.0.1:${port}`, boltPort, port };
  }

  it('serves the seed graph, keeps committed writes across a restart, refuses a second Neo4j on the same store or port, and lets the CLI use its Neo4j', async () => {
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

    // The ready line lists every page, and a browser opening /graphql is sent to the playground.
    for (const page of ['/', '/explore', '/review', '/export/graphml', '/health/ready']) {
      expect(second.server.output()).toContain(`${second.base}${page}`);
    }
    const browser = await fetch(`${second.base}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect([browser.status, browser.headers.get('location')]).toEqual([302, '/']);
    const client = await fetch(`${second.base}/graphql?query=%7B__typename%7D`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await client.json()).toEqual({ data: { __typename: 'Query' } });

    // A CLI command beside it uses its Neo4j (the store is locked, the password random).
    const connectionFile = join(dataDir, 'connection.json');
    expect(statSync(connectionFile).mode & 0o777).toBe(0o600);
    const stats = runEntry('src/cli/index.ts', { ...cleanEnv(), NEO4J_DATA_DIR: dataDir }, ['stats', '--json']);
    expect(await stats.exited()).toEqual({ code: 0, signal: null });
    expect(JSON.parse(stats.output().slice(stats.output().indexOf('{')))).toMatchObject({
      nodes: { Region: expect.any(Number) as number },
    });

    second.server.child.kill('SIGTERM');
    expect(await second.server.exited()).toEqual({ code: 0, signal: null });
    expect(existsSync(connectionFile)).toBe(false);
  }, 600_000);

  it('restarts a Neo4j that dies, says so in /health/ready, and exits 3 once it cannot', async () => {
    const { server, base, boltPort } = await start(false, {
      NEO4J_RESTART_ATTEMPTS: '1',
      NEO4J_RESTART_BACKOFF_MS: '1500',
    });
    const ready = async () => {
      const response = await fetch(`${base}/health/ready`);
      return { status: response.status, body: (await response.json()) as { neo4j: Record<string, unknown> } };
    };
    expect((await ready()).body.neo4j).toMatchObject({ embedded: true, state: 'running', restarts: 0, lastExit: null });
    const created = await post(`${base}/graphql`, 'mutation { createSector(input: { name: "Shipping" }) { id } }', key);
    expect(created).toEqual({ data: { createSector: { id: 'sector:shipping' } } });

    process.kill(jvmOf(server.child.pid!), 'SIGKILL');
    await server.waitFor(/embedded Neo4j stopped unexpectedly \(killed by SIGKILL\)/);
    await server.waitFor(/embedded Neo4j is running again \(restart 1\)/, 240_000);
    // The availability probe notices the driver can connect again; no timing is asserted.
    let health = await ready();
    while (health.status !== 200) {
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
      health = await ready();
    }
    expect(health.body.neo4j).toMatchObject({
      state: 'running',
      restarts: 1,
      lastExit: { reason: 'killed by SIGKILL' },
    });
    expect(await post(`${base}/graphql`, '{ sector(id: "sector:shipping") { name } }')).toEqual({
      data: { sector: { name: 'Shipping' } },
    });

    // Killed again while its port is taken: the one attempt allowed fails, and the API gives up.
    const jvm = jvmOf(server.child.pid!);
    process.kill(jvm, 'SIGKILL');
    await server.waitFor(/stopped unexpectedly[\s\S]*stopped unexpectedly/);
    const squatter = createServer();
    await new Promise<void>((resolveListen, rejectListen) => {
      squatter.once('error', rejectListen);
      squatter.listen(boltPort, '127.0.0.1', resolveListen);
    });
    try {
      expect(await server.exited()).toEqual({ code: 3, signal: null });
    } finally {
      squatter.close();
    }
    expect(server.output()).toMatch(/Restart attempt 1 failed/);
    expect(server.output()).toMatch(/Giving up on the embedded Neo4j after 1 failed restart attempt/);
  }, 600_000);
});

/** The Neo4j JVM the server started: its only child process. */
function jvmOf(serverPid: number): number {
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(serverPid)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  expect(children).toHaveLength(1);
  return children[0]!;
}
