import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import { freePort } from '../support/free-port';
import { Harness } from '../support/harness';
import { cleanEnv } from '../support/processes';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    }),
  );
}

/** `node dist/main.js` is what production runs; build it when the sources are newer. */
function ensureBuilt(): void {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSource(join(ROOT, 'src'))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
}

/**
 * SIGTERM while a request is in flight: the server stops taking connections, finishes the
 * request (its body is still arriving when the signal comes), then closes the driver and exits 0.
 */
describe('graceful shutdown', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.open();
    await harness.reset();
    await harness.run('mutation { createSector(input: { name: "Energy" }) { id } }');
    ensureBuilt();
  }, 300_000);

  afterAll(async () => {
    await harness.close();
  });

  it('drains an in-flight request on SIGTERM, then exits', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...cleanEnv(),
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        NEO4J_URI: process.env.NEO4J_URI,
        NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
        SEED_ON_START: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const waiters = new Set<() => void>();
    const onOutput = (chunk: Buffer): void => {
      output += chunk.toString();
      for (const waiter of waiters) waiter();
    };
    server.stdout.on('data', onOutput);
    server.stderr.on('data', onOutput);
    const exited = new Promise<number | null>((resolveExit) => server.once('exit', (code) => resolveExit(code)));
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((resolveWait, rejectWait) => {
        const check = (): void => {
          if (pattern.test(output)) {
            waiters.delete(check);
            resolveWait();
          } else if (server.exitCode !== null) {
            waiters.delete(check);
            rejectWait(new Error(`server exited before ${pattern}:\n${output}`));
          }
        };
        waiters.add(check);
        check();
      });

    try {
      await waitFor(/ties-graph is ready/);

      const body = JSON.stringify({ query: '{ sector(id: "sector:energy") { name } }' });
      const socket = connect(port, '127.0.0.1');
      let response = '';
      const responded = new Promise<string>((resolveResponse, rejectResponse) => {
        socket.on('data', (chunk) => {
          response += chunk.toString();
        });
        socket.on('end', () => resolveResponse(response));
        socket.on('error', rejectResponse);
      });
      // "Expect: 100-continue" makes the server confirm it has the headers: from then on the
      // request is in flight, though its body has not been sent.
      socket.write(
        [
          'POST /graphql HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Content-Type: application/json',
          `Content-Length: ${Buffer.byteLength(body)}`,
          'Expect: 100-continue',
          '',
          '',
        ].join('\r\n'),
      );
      await new Promise<void>((resolveContinue) => {
        const check = (): void => {
          if (response.includes('100 Continue')) {
            socket.off('data', check);
            resolveContinue();
          }
        };
        socket.on('data', check);
      });

      server.kill('SIGTERM');
      await waitFor(/SIGTERM received/);
      // New connections are refused while the in-flight request is still waiting for its body.
      await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();

      // write, not end: a half-closed socket would make Node abandon the request.
      socket.write(body);
      const raw = await responded;
      const final = raw.slice(raw.lastIndexOf('HTTP/1.1 '));
      expect(final).toMatch(/^HTTP\/1\.1 200 /);
      expect(JSON.parse(final.slice(final.indexOf('\r\n\r\n') + 4))).toEqual({ data: { sector: { name: 'Energy' } } });

      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGTERM received: draining requests, then stopping[\s\S]*Stopped/);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  });
});
