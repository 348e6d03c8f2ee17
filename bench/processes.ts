import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

/** A free loopback port: the benchmark never takes 4000 or 7687 from a developer's `npm start`. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const server = createServer();
    server.once('error', rejectPort);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : rejectPort(new Error('no free port')),
      );
    });
  });
}

export interface Server {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point in its own Node process (ts-node, transpile only, the same for
 * all three systems) and waits until `ready` answers. Output is kept for the error message if the
 * process dies during start-up.
 */
export async function startServer(options: {
  name: string;
  entry: string;
  port: number;
  env: Record<string, string>;
  ready: (baseUrl: string) => Promise<boolean>;
  timeoutMs?: number;
}): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', options.entry], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited during start-up:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not answer within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
    }
    if (await options.ready(baseUrl).catch(() => false)) break;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return {
    name: options.name,
    url: baseUrl,
    pid: child.pid ?? -1,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** POSTs JSON and returns the parsed answer (any status), for readiness and equality checks. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}
