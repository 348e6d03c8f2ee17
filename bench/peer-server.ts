/**
 * The peer: the Neo4j GraphQL Library serving the same graph, set up the way its documentation
 * shows (Apollo Server, the library's schema, the driver handed to the library). Started by
 * bench/run.ts in a process of its own:
 *
 *   NEO4J_URI=bolt://… NEO4J_PASSWORD=… PORT=… ts-node --transpile-only bench/peer-server.ts
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';

import { PEER_TYPE_DEFS } from './peer-type-defs';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const driver = neo4j.driver(
    required('NEO4J_URI'),
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', required('NEO4J_PASSWORD')),
  );
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();

  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: () => Promise.resolve({}) }),
  );
  const server = app.listen(Number(required('PORT')), '127.0.0.1');
  const stop = (): void => {
    server.close();
    void apollo.stop().then(() => driver.close());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `peer failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
