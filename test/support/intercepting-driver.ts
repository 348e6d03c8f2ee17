import type { Driver, ManagedTransaction, QueryResult, Session, SessionConfig } from 'neo4j-driver';

/** A read statement as the API sends it, with its query name (from the transaction metadata). */
export interface InterceptedStatement {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
  readonly name: string;
}

/** Runs the statement with the text given (the original, or e.g. prefixed by PROFILE). */
export type RunStatement = (cypher: string) => Promise<QueryResult>;

interface TransactionConfig {
  readonly metadata?: { readonly query?: string };
}

/**
 * A driver whose sessions hand every read statement, auto-commit or in a read transaction, to
 * `intercept`, whose result is the answer. The API under test runs as it does when served, while
 * a test or the benchmark records or PROFILEs what it sends.
 */
export function interceptingDriver(
  driver: Driver,
  intercept: (statement: InterceptedStatement, run: RunStatement) => Promise<QueryResult>,
): Driver {
  const nameOf = (config?: TransactionConfig) => config?.metadata?.query ?? 'unnamed';
  // The API uses only these members of a session; the casts stand for the rest of the interface.
  return {
    session(sessionConfig: SessionConfig) {
      const session = driver.session(sessionConfig);
      return {
        executeRead: <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: TransactionConfig) =>
          session.executeRead(
            (tx) =>
              work({
                run: (cypher: string, params: Record<string, unknown> = {}) =>
                  intercept({ cypher, params, name: nameOf(config) }, async (text) => tx.run(text, params)),
              } as unknown as ManagedTransaction),
            config,
          ),
        run: (cypher: string, params: Record<string, unknown> = {}, config?: TransactionConfig) =>
          intercept({ cypher, params, name: nameOf(config) }, async (text) => session.run(text, params, config)),
        close: () => session.close(),
      } as unknown as Session;
    },
  } as unknown as Driver;
}
