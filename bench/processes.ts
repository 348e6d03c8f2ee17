import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

export interface Server {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Compiles the three systems to JavaScript, run with plain `node` as in production: ties-graph's
 * own build (`tsc -p tsconfig.build.json` into dist/, what `npm start` runs) and the peer and floor
 * servers into .bench/build/. ts-node is no option for timing: it installs source-map support,
 * which makes every captured stack trace (neo4j-driver takes one per query) far dearer.
 */
export async function buildSystems(): Promise<{ tiesGraph: string; peer: string; floor: string }> {
  const tsc = require.resolve('typescript/bin/tsc');
  const run = (args: string[]) =>
    new Promise<void>((resolveBuild, rejectBuild) => {
      const child = spawn(process.execPath, [tsc, ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      child.once('error', rejectBuild);
      child.once('exit', (code) =>
        code === 0 ? resolveBuild() : rejectBuild(new Error(`tsc ${args.join(' ')} failed (exit code ${code})`)),
      );
    });
  const outDir = join(ROOT, '.bench', 'build');
  await Promise.all([
    run(['-p', 'tsconfig.build.json']),
    run([
      ...['--outDir', outDir, '--rootDir', join(ROOT, 'bench'), '--module', 'commonjs', '--target', 'ES2022'],
      ...['--moduleResolution', 'node', '--esModuleInterop', '--skipLibCheck', '--strict', '--types', 'node'],
      join(ROOT, 'bench', 'peer-server.ts'),
      join(ROOT, 'bench', 'floor-server.ts'),
    ]),
  ]);
  return {
    tiesGraph: join(ROOT, 'dist', 'main.js'),
    peer: join(outDir, 'peer-server.js'),
    floor: join(outDir, 'floor-server.js'),
  };
}

/**
 * Starts a compiled entry point in its own Node process and waits until `ready` answers. Output is
 * kept for the error message if the process dies during start-up.
 */
export async function startServer(options: {
  name: string;
  entry: string;
  port: number;
  env: Record<string, string>;
  /** Extra Node options, e.g. `--cpu-prof` for a flame graph. */
  nodeArgs?: readonly string[];
  ready: (baseUrl: string) => Promise<boolean>;
  timeoutMs?: number;
}): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry], {
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
  // BENCH_SERVER_OUTPUT=1 shows what the servers log (e.g. the peer's Cypher with DEBUG=@neo4j/graphql:*).
  if (process.env.BENCH_SERVER_OUTPUT === '1') child.stderr?.pipe(process.stderr);
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
