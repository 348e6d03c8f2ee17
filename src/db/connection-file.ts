import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { z } from 'zod';

/**
 * While `npm start` runs, its embedded Neo4j holds the store lock and has a password made up at
 * start. It writes where and how to reach it into the data directory, readable by its owner only,
 * so a CLI command run beside it (same user, same NEO4J_DATA_DIR) connects to that Neo4j instead
 * of failing on the lock.
 */
const FILE_NAME = 'connection.json';

const connection = z.object({
  uri: z.string(),
  user: z.string(),
  password: z.string(),
  pid: z.number().int(),
});

export type Connection = z.infer<typeof connection>;

function pathIn(dataDir: string): string {
  return join(resolve(dataDir), FILE_NAME);
}

export function writeConnectionFile(dataDir: string, value: Connection): void {
  const path = pathIn(dataDir);
  // Created owner-only, and set again in case an older file had wider permissions.
  writeFileSync(path, `${JSON.stringify(value)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export function removeConnectionFile(dataDir: string, pid = process.pid): void {
  // Only its writer removes it: a second server refused on the lock must not delete the first's.
  if (readConnectionFile(dataDir, () => true)?.pid === pid) rmSync(pathIn(dataDir), { force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running server's connection, or undefined when there is none (a stale file is ignored). */
export function readConnectionFile(dataDir: string, isAlive = processIsAlive): Connection | undefined {
  let text: string;
  try {
    text = readFileSync(pathIn(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = connection.safeParse(parsed);
  return result.success && isAlive(result.data.pid) ? result.data : undefined;
}
