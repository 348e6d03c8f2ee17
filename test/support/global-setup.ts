import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmbeddedNeo4j } from '../../src/db/embedded';
import { freePort } from './free-port';

const TEST_PASSWORD = 'ties-graph-test-password';

/**
 * Starts one embedded Neo4j in a throw-away directory for the whole run, unless NEO4J_URI names
 * a server to use instead. Workers find it through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'ties-graph-test-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: await freePort(),
    password: TEST_PASSWORD,
    heapMb: 1024,
    pageCacheMb: 128,
    startTimeoutMs: 300_000,
    log: (line) => process.stderr.write(`\n[test neo4j] ${line}\n`),
  });
  process.env.NEO4J_URI = neo4j.uri;
  process.env.NEO4J_PASSWORD = TEST_PASSWORD;
  process.env.TIES_TEST_NEO4J_DATA = dataDir;
  (globalThis as { __TEST_NEO4J__?: typeof neo4j }).__TEST_NEO4J__ = neo4j;
}
