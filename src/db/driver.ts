import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';

import { StartupError } from '../errors';

export interface DriverOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly connectTimeoutMs: number;
  /** See NEO4J_ACQUISITION_TIMEOUT_MS and NEO4J_MAX_RETRY_MS in .env.example. */
  readonly acquisitionTimeoutMs?: number;
  readonly maxRetryMs?: number;
}

export function createDriver(options: DriverOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    // Counts and values in this graph stay far below 2^53, and plain numbers keep every
    // repository free of Integer conversions.
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 5_000,
    maxTransactionRetryTime: options.maxRetryMs ?? 3_000,
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 100,
    userAgent: 'ties-graph',
  });
}

function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.');
}

/**
 * Waits until the server answers, retrying while it is still starting. Wrong credentials fail at
 * once: retrying them only locks the account.
 */
export async function waitForNeo4j(driver: Driver, options: DriverOptions): Promise<void> {
  const deadline = Date.now() + options.connectTimeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        throw new StartupError(
          `Neo4j at ${options.uri} refused the credentials of user "${options.user}". ` +
            'Check NEO4J_USER and NEO4J_PASSWORD.',
        );
      }
      lastError = error;
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 500));
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new StartupError(
    `Could not reach Neo4j at ${options.uri} within ${options.connectTimeoutMs} ms (last error: ${reason}). ` +
      'Is the server running? Unset NEO4J_URI to use the embedded Neo4j instead.',
  );
}
