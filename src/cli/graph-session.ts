import 'reflect-metadata';

import type { GraphQLSchema } from 'graphql';

import { type Config, loadConfig } from '../config';
import { loadDotEnv } from '../config/dotenv';
import { type Context, createContext } from '../context';
import { createSchema } from '../graphql/schema';
import { createLogger, type Logger } from '../logger';
import { type Database, openDatabase } from '../runtime';
import { SYSTEM_USER } from '../seed';

/** What a CLI command works with: the database, the schema and system contexts. */
export interface GraphSession {
  readonly config: Config;
  readonly database: Database;
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  /** A fresh context acting as the system user (admin). */
  context(): Context;
}

/** Opens the database (starting the embedded Neo4j when NEO4J_URI is unset), runs `work`, closes. */
export async function withGraph<T>(work: (session: GraphSession) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(process.env.TIES_CLI_VERBOSE !== '1');
  const database = await openDatabase(config, logger);
  try {
    const schema = await createSchema();
    const deps = { config, driver: database.driver, logger };
    return await work({ config, database, schema, logger, context: () => createContext(deps, SYSTEM_USER) });
  } finally {
    await database.close();
  }
}
