import { rmSync } from 'node:fs';

import type { EmbeddedNeo4j } from '../../src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __TEST_NEO4J__?: EmbeddedNeo4j }).__TEST_NEO4J__;
  if (!neo4j) return;
  await neo4j.stop();
  const dataDir = process.env.TIES_TEST_NEO4J_DATA;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
