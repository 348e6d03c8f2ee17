import { randomBytes } from 'node:crypto';

import type { Driver } from 'neo4j-driver';

import type { Config } from './config';
import { createDriver, waitForNeo4j } from './db/driver';
import { removeConnectionFile, writeConnectionFile } from './db/connection-file';
import { startEmbeddedNeo4j } from './db/embedded';
import { migrate } from './db/migrate';
import { Neo4jSupervisor, type SupervisedStatus } from './db/supervisor';
import type { Logger } from './logger';

export interface Database {
  readonly driver: Driver;
  readonly uri: string;
  /** The embedded Neo4j's state; null when NEO4J_URI names a server run by someone else. */
  embeddedStatus(): SupervisedStatus | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Called when a crashed embedded Neo4j could not be restarted. The server exits non-zero; a
   * CLI command leaves it unset and fails on its next query like against any unreachable server.
   */
  readonly onGiveUp?: (status: SupervisedStatus) => void;
  /** Write the embedded Neo4j's address and password where CLI commands look (the server does). */
  readonly shareConnection?: boolean;
}

/**
 * Connects to the Neo4j named by NEO4J_URI, or starts the embedded one, then applies the schema
 * migrations. Shared by the server, the CLI and the test setup.
 */
export async function openDatabase(config: Config, logger: Logger, open: OpenOptions = {}): Promise<Database> {
  let embedded: Neo4jSupervisor | null = null;
  let uri = config.neo4j.uri;
  // The embedded server gets a fresh random password each start unless one is configured: it
  // only listens on loopback, and the launcher applies whatever password it is given.
  const password = config.neo4j.password ?? randomBytes(18).toString('base64url');
  if (uri === undefined) {
    const start = () =>
      startEmbeddedNeo4j({
        dataDir: config.embedded.dataDir,
        boltPort: config.embedded.boltPort,
        password,
        heapMb: config.embedded.heapMb,
        pageCacheMb: config.embedded.pageCacheMb,
        startTimeoutMs: config.neo4j.connectTimeoutMs,
        log: (line) => logger.info(line),
      });
    const { onGiveUp } = open;
    embedded = new Neo4jSupervisor(
      await start(),
      start,
      // Without anyone to tell, restarting would only hide the crash from a short CLI command.
      onGiveUp
        ? { attempts: config.embedded.restartAttempts, backoffMs: config.embedded.restartBackoffMs }
        : { attempts: 0, backoffMs: 0 },
      {
        info: (message) => logger.info(message),
        error: (message) => logger.error(message),
        gaveUp: (status) => onGiveUp?.(status),
      },
    );
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
  const { dataDir } = config.embedded;
  const shared = embedded !== null && open.shareConnection === true;
  if (shared) writeConnectionFile(dataDir, { uri, user: config.neo4j.user, password, pid: process.pid });
  return {
    driver,
    uri,
    embeddedStatus: () => embedded?.status() ?? null,
    async close() {
      if (shared) removeConnectionFile(dataDir);
      await driver.close();
      await embedded?.stop();
    },
  };
}
