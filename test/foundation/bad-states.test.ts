import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../support/free-port';
import { cleanEnv, runEntry } from '../support/processes';

/** Each bad state ends with one clear line and a non-zero exit, never a stack trace. */
describe('start-up in bad states', () => {
  async function failure(env: NodeJS.ProcessEnv): Promise<string> {
    const server = runEntry('src/main.ts', { ...cleanEnv(), HOST: '127.0.0.1', ...env });
    const { code } = await server.exited();
    expect(code).toBe(1);
    expect(server.output()).not.toMatch(/\n\s+at /);
    return server.output();
  }

  it('names the address it tried when Neo4j is unreachable', async () => {
    const port = await freePort();
    const output = await failure({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_PASSWORD: 'some-password',
      NEO4J_CONNECT_TIMEOUT_MS: '1500',
      PORT: String(await freePort()),
    });
    expect(output).toMatch(new RegExp(`Could not reach Neo4j at bolt://127.0.0.1:${port} within 1500 ms`));
  });

  it('says the credentials were refused', async () => {
    const output = await failure({
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_PASSWORD: 'not-the-password',
      PORT: String(await freePort()),
    });
    expect(output).toMatch(/refused the credentials of user "neo4j"/);
  });

  it('says the port is taken', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolveListen) => blocker.listen(port, '127.0.0.1', resolveListen));
    try {
      const output = await failure({
        NEO4J_URI: process.env.NEO4J_URI,
        NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
        SEED_ON_START: 'false',
        PORT: String(port),
      });
      expect(output).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('lists every configuration problem at once', async () => {
    const output = await failure({ PORT: 'eighty', NEO4J_URI: 'http://nope', SEED_ON_START: 'perhaps' });
    expect(output).toMatch(/Invalid configuration/);
    expect(output).toMatch(/PORT/);
    expect(output).toMatch(/NEO4J_URI/);
    expect(output).toMatch(/SEED_ON_START/);
  });

  describe('without a usable Java', () => {
    const bin = mkdtempSync(join(tmpdir(), 'ties-graph-path-'));
    beforeAll(() => {
      symlinkSync(process.execPath, join(bin, 'node'));
    });
    afterAll(() => {
      rmSync(bin, { recursive: true, force: true });
    });

    it('says Java is missing', async () => {
      const output = await failure({ PATH: bin, NEO4J_DATA_DIR: join(bin, 'data'), PORT: String(await freePort()) });
      expect(output).toMatch(/Java was not found on PATH/);
    });

    it('says Java is too old', async () => {
      const java = join(bin, 'java');
      writeFileSync(java, '#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\n');
      chmodSync(java, 0o755);
      const output = await failure({
        PATH: `${bin}:/bin:/usr/bin`.replace(/:\/usr\/bin$/, ''),
        NEO4J_DATA_DIR: join(bin, 'data'),
        PORT: String(await freePort()),
      });
      expect(output).toMatch(/needs Java 17 or newer, but "java -version" reports 11/);
      rmSync(java);
    });
  });
});
