import 'reflect-metadata';

import type { GraphQLSchema } from 'graphql';

import { type Config, loadConfig } from '../config';
import { readConnectionFile } from '../db/connection-file';
import { loadDotEnv } from '../config/dotenv';
import { createContext } from '../context';
import type { Context } from '../modules/request/request.context';
import { createSchema } from '../schema/schema';
import { createLogger, type Logger } from '../logger';
import { type Database, openDatabase } from '../runtime';
import { SYSTEM_USER } from '../modules/auth/auth.roles';

/** What a CLI command works with: the database, the schema and system contexts. */
export interface GraphSession {
  readonly config: Config;
  readonly database: Database;
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  /** A fresh context acting as the system user (admin). */
  context(): Context;
}

/**
 * Without NEO4J_URI the CLI would start its own embedded Neo4j, which cannot open a store that
 * `npm start` holds: use that server's Neo4j instead, as its connection file says.
 */
function besideRunningServer(config: Config, logger: Logger): Config {
  if (config.neo4j.uri !== undefined) return config;
  const running = readConnectionFile(config.embedded.dataDir);
  if (!running) return config;
  logger.info(`Using the Neo4j of the server running on ${config.embedded.dataDir} (process ${running.pid})`);
  return { ...config, neo4j: { ...config.neo4j, uri: running.uri, user: running.user, password: running.password } };
}

/** Opens the database (starting the embedded Neo4j when NEO4J_URI is unset), runs `work`, closes. */
export async function withGraph<T>(work: (session: GraphSession) => Promise<T>): Promise<T> {
  loadDotEnv();
  const logger = createLogger(process.env.TIES_CLI_VERBOSE !== '1');
  const config = besideRunningServer(loadConfig(), logger);
  const database = await openDatabase(config, logger);
  try {
    const schema = await createSchema();
    const deps = { config, driver: database.driver, logger };
    return await work({ config, database, schema, logger, context: () => createContext(deps, SYSTEM_USER) });
  } finally {
    await database.close();
  }
}
