import 'reflect-metadata';

import { createApp, listen } from './app';
import { ConfigError, loadConfig } from './config';
import { loadDotEnv } from './config/dotenv';
import { createContext } from './context';
import { StartupError } from './errors';
import { createSchema } from './schema/schema';
import { createLogger } from './logger';
import { authenticateRequest } from './modules/auth/auth.http';
import { openDatabase } from './runtime';
import { SYSTEM_USER } from './modules/auth/auth.roles';
import { loadSeed } from './seed';

/** The exit code when the embedded Neo4j could not be kept running; the CLI's "unavailable" code. */
const EXIT_NEO4J_LOST = 3;

/** The first line stays `ties-graph is ready: <GraphQL URL>` for scripts that wait for it. */
function readyMessage(host: string, port: number): string {
  const base = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const pages: [string, string][] = [
    ['playground', `${base}/`],
    ['explorer  ', `${base}/explore`],
    ['review    ', `${base}/review  (draft a report from an article, review it, ingest it)`],
    ['exports   ', `${base}/export/graphml  (also /export/json, /export/csv/nodes, /export/csv/relationships)`],
    ['health    ', `${base}/health/ready`],
  ];
  return `ties-graph is ready: ${base}/graphql\n${pages.map(([name, url]) => `  ${name} ${url}\n`).join('')}`;
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger();
  const database = await openDatabase(config, logger, {
    // Exit so that whatever supervises this process (systemd, Docker, Kubernetes) notices.
    onGiveUp: () => process.exit(EXIT_NEO4J_LOST),
    shareConnection: true,
  });
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: draining requests, then stopping`);
    await app?.stop().catch((error: unknown) => logger.error('stopping the API failed', error));
    await database.close();
    logger.info('Stopped');
    process.exit(0);
  };
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const schema = await createSchema();
    const deps = { config, driver: database.driver, logger, schema };
    if (config.seedOnStart) {
      const summaries = await loadSeed(schema, () => createContext(deps, SYSTEM_USER));
      for (const summary of summaries) {
        logger.info(
          `Seed ${summary.file}: ${summary.entitiesCreated} entities and ${summary.tiesCreated} ties created`,
        );
      }
    }
    app = await createApp({
      ...deps,
      authenticate: authenticateRequest(config),
      embeddedStatus: () => database.embeddedStatus(),
    });
    await listen(app.httpServer, config.http.host, config.http.port);
  } catch (error) {
    await database.close();
    throw error;
  }
  process.stdout.write(readyMessage(config.http.host, config.http.port));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`ties-graph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
