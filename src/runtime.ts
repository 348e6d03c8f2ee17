import { randomBytes } from 'node:crypto';

import type { Driver } from 'neo4j-driver';

import type { Config } from './config';
import { createDriver, waitForNeo4j } from './db/driver';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from './db/embedded';
import { migrate } from './db/migrate';
import type { Logger } from './logger';

export interface Database {
  readonly driver: Driver;
  readonly uri: string;
  readonly embedded: EmbeddedNeo4j | null;
  close(): Promise<void>;
}

/**
 * Connects to the Neo4j named by NEO4J_URI, or starts the embedded one, then applies the schema
 * migrations. Shared by the server, the CLI and the test setup.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.neo4j.uri;
  // The embedded server gets a fresh random password each start unless one is configured: it
  // only listens on loopback, and the launcher applies whatever password it is given.
  const password = config.neo4j.password ?? randomBytes(18).toString('base64url');
  if (uri === undefined) {
    embedded = await startEmbeddedNeo4j({
      dataDir: config.embedded.dataDir,
      boltPort: config.embedded.boltPort,
      password,
      heapMb: config.embedded.heapMb,
      pageCacheMb: config.embedded.pageCacheMb,
      startTimeoutMs: config.neo4j.connectTimeoutMs,
      log: (line) => logger.info(line),
    });
    uri = embedded.uri;
  }
  const options = {
    uri,
    user: config.neo4j.user,
    password,
    connectTimeoutMs: config.neo4j.connectTimeoutMs,
    acquisitionTimeoutMs: config.neo4j.acquisitionTimeoutMs,
    maxRetryMs: config.neo4j.maxRetryMs,
  };
  const driver = createDriver(options);
  try {
    await waitForNeo4j(driver, options);
    const applied = await migrate(driver, config.neo4j.database);
    if (applied.length > 0) logger.info(`Applied schema migrations ${applied.join(', ')}`);
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
  return {
    driver,
    uri,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}
