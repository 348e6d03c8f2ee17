import 'reflect-metadata';

import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { GraphQLSchema } from 'graphql';

import { type App, createApp, listen } from '../../src/app';
import { loadConfig } from '../../src/config';
import { type ContextOptions, createContext } from '../../src/context';
import type { User } from '../../src/modules/auth/auth.user';
import type { Context } from '../../src/modules/request/request.context';
import { createSchema } from '../../src/schema/schema';
import { createLogger } from '../../src/logger';
import { authenticateRequest } from '../../src/modules/auth/auth.http';
import { Role } from '../../src/modules/auth/auth.roles';
import { type Database, openDatabase } from '../../src/runtime';
import { SYSTEM_USER } from '../../src/modules/auth/auth.roles';
import { loadSeed } from '../../src/seed';
import { ingest, SIGNING_REPORT } from './signing-report';

export const EDITOR: User = { id: 'test-editor', roles: [Role.Editor] };
export const READER: User = { id: 'test-reader', roles: [Role.Reader] };

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; problems?: { field: string; message: string }[] } }[];
}

/**
 * One test file's view of the real Neo4j started by the global setup: the driver, the schema,
 * and helpers to run operations as a given user. `reset()` empties the graph (keeping the schema)
 * so every file starts from a known state whatever ran before it.
 */
export class Harness {
  private constructor(
    readonly database: Database,
    readonly schema: GraphQLSchema,
    readonly config = loadConfig(),
    readonly logger = createLogger(process.env.TIES_TEST_LOG !== '1'),
  ) {}

  static async open(): Promise<Harness> {
    const config = loadConfig();
    const database = await openDatabase(config, createLogger(true));
    return new Harness(database, await createSchema(), config);
  }

  /** A harness on an emptied graph holding the seed graph and, with `signings`, the signing report too. */
  static async openSeeded(options: { signings?: boolean } = {}): Promise<Harness> {
    const harness = await Harness.open();
    await harness.reset();
    await harness.seed();
    if (options.signings) await ingest(harness, SIGNING_REPORT);
    return harness;
  }

  get driver() {
    return this.database.driver;
  }

  context(user: User | null = null, options: ContextOptions = {}): Context {
    return createContext({ config: this.config, driver: this.driver, logger: this.logger }, user, options);
  }

  async reset(): Promise<void> {
    const session = this.driver.session({ database: this.config.neo4j.database });
    try {
      await session.run(
        'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS',
      );
    } finally {
      await session.close();
    }
  }

  async seed(): Promise<void> {
    await loadSeed(this.schema, () => this.context(SYSTEM_USER));
  }

  /** Runs an operation in-process, with a fresh context as `user`; returns the context too. */
  async run<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    user: User | null = EDITOR,
    options: ContextOptions = {},
  ): Promise<GraphQLResponse<T> & { context: Context }> {
    const { graphql } = await import('graphql');
    const context = this.context(user, options);
    const result = await graphql({
      schema: this.schema,
      source: query,
      variableValues: variables,
      contextValue: context,
    });
    return {
      data: result.data as T | null | undefined,
      errors: result.errors?.map((error) => ({ message: error.message, extensions: error.extensions as never })),
      context,
    };
  }

  /** Runs Cypher directly, for assertions that must not trust the API under test. */
  async cypher<T = Record<string, unknown>>(statement: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.config.neo4j.database });
    try {
      const result = await session.run(statement, params);
      return result.records.map((record) => record.toObject() as T);
    } finally {
      await session.close();
    }
  }

  /**
   * Counts and a checksum of the whole graph but its change log, to prove a failed write left
   * nothing behind and a revert restored exactly what was there.
   */
  async fingerprint(): Promise<{ nodes: number; relationships: number; checksum: string }> {
    const nodes = await this.cypher(
      `MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Change
       RETURN labels(n) AS labels, properties(n) AS props ORDER BY coalesce(n.id, n.key)`,
    );
    const relationships = await this.cypher(
      `MATCH (a)-[r]->(b)
       RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
       ORDER BY from, type, to, r.key`,
    );
    const checksum = createHash('sha256')
      .update(JSON.stringify([nodes, relationships]))
      .digest('hex');
    return { nodes: nodes.length, relationships: relationships.length, checksum };
  }

  /** The number of changes in the log. */
  async changeCount(): Promise<number> {
    const [row] = await this.cypher<{ changes: unknown }>('MATCH (c:Change) RETURN count(c) AS changes');
    return Number(row?.changes ?? 0);
  }

  /**
   * Starts the real HTTP server on a free port. `env` overrides the environment the server's
   * configuration is read from (e.g. `{ NODE_ENV: 'production', MAX_QUERY_DEPTH: '3' }`).
   */
  async serve(env: NodeJS.ProcessEnv = {}): Promise<{ url: string; app: App; close(): Promise<void> }> {
    const config = Object.keys(env).length === 0 ? this.config : loadConfig({ ...process.env, ...env });
    const app = await createApp({
      config,
      driver: this.driver,
      logger: this.logger,
      schema: this.schema,
      authenticate: authenticateRequest(config),
    });
    await listen(app.httpServer, '127.0.0.1', 0);
    const { port } = app.httpServer.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      app,
      close: async () => {
        await app.stop();
      },
    };
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}
