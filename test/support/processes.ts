import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface Started {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr, or rejects on exit/timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript entry point of the project as its own process, like `npm start` does. */
export function runEntry(entry: string, env: NodeJS.ProcessEnv, args: string[] = []): Started {
  const child = spawn(
    process.execPath,
    ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, entry), ...args],
    {
      // Outside the project, so a developer's own .env cannot change what a test starts.
      cwd: tmpdir(),
      env: { TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => {
      resolveExit({ code, signal });
      for (const listener of listeners) listener();
    });
  });
  return {
    child,
    output: () => output,
    exited: () => exit,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolveMatch, rejectMatch) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          rejectMatch(new Error(`timed out waiting for ${pattern}; output:\n${output}`));
        }, timeoutMs);
        const check = (): void => {
          const match = pattern.exec(output);
          if (match) {
            clearTimeout(timer);
            listeners.delete(check);
            resolveMatch(match);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            listeners.delete(check);
            rejectMatch(new Error(`process exited before ${pattern}; output:\n${output}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** The environment of the test process minus everything the app reads, so each test sets its own. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(NEO4J_|PORT$|HOST$|API_KEYS$|SEED_ON_START$|NODE_ENV$)/.test(key)) delete env[key];
  }
  return env;
}
