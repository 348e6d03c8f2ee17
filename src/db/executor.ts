import { GraphQLError } from 'graphql';
import neo4j, {
  type Driver,
  isRetryableError,
  type ManagedTransaction,
  Neo4jError,
  type Record as Neo4jRecord,
  type Session,
  type SessionMode,
} from 'neo4j-driver';

import { ConflictError, InternalError, ServiceUnavailableError, TimeoutError } from '../errors';
import type { AvailabilityGate } from './availability';
import type { Params, Query } from './query';
import { toPlain } from './values';

export interface ExecutorOptions {
  readonly database: string;
  readonly txTimeoutMs: number;
  /** Receives driver errors that clients only see as a generic code. */
  readonly onInternalError?: (error: unknown, queryName: string) => void;
  /** When given, queries are refused at once while Neo4j is known to be down. */
  readonly availability?: AvailabilityGate;
  /** How long a read is retried after transient errors (NEO4J_MAX_RETRY_MS); absent or 0: never. */
  readonly maxRetryMs?: number;
}

// The retry schedule of the driver's managed transactions: 1 s, then twice as long each time, ±20%.
const FIRST_RETRY_DELAY_MS = 1_000;
const RETRY_JITTER = 0.2;

/** How one read may differ from the executor's defaults. */
export interface ReadOptions {
  /** A shorter transaction timeout than NEO4J_TX_TIMEOUT_MS, for work with a budget of its own. */
  readonly timeoutMs?: number;
}

/** The statements that can run inside one write transaction. */
export interface WriteScope {
  run<Row>(query: Query<Row>, params?: Params): Promise<Row[]>;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Whether the error says Neo4j could not be reached at all (rather than refusing one query). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code);
}

/** The one place driver errors become client-facing GraphQL errors. */
export function mapDriverError(error: unknown, txTimeoutMs: number): GraphQLError | undefined {
  if (error instanceof GraphQLError) return error;
  if (!(error instanceof Neo4jError)) return undefined;
  if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError();
  // Every pooled connection stayed busy: the driver gives this no code of its own, only the message.
  if (error.message.startsWith('Connection acquisition timed out')) {
    return new ServiceUnavailableError('The graph database is busy; try again shortly');
  }
  if (error.code.includes('TransactionTimedOut')) return new TimeoutError(txTimeoutMs);
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The change conflicts with an existing entity (a unique id or name is already taken)');
  }
  return undefined;
}

/**
 * Runs named queries for one request. Reads go through read transactions so that a cluster can
 * route them to followers; every session is closed however the work ends. `queryCount` lets
 * tests prove that a request's query count is bounded by its depth.
 */
export class Executor {
  queryCount = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  /**
   * A read is one statement, so it runs as an auto-commit transaction in a read session (routed
   * to a reader in a cluster, like `executeRead`): one round trip, where a managed transaction
   * takes three (BEGIN, then RUN and PULL, then COMMIT) and costs Neo4j and the driver about
   * twice the CPU per statement (bench/: see docs/benchmarks.md). Transient failures are retried
   * on the schedule `executeRead` would use.
   */
  async read<Row>(query: Query<Row>, params: Params = {}, options: ReadOptions = {}): Promise<Row[]> {
    const timeoutMs = options.timeoutMs ?? this.options.txTimeoutMs;
    return this.withSession(
      query.name,
      neo4j.session.READ,
      (session) =>
        this.retrying(async () => {
          this.queryCount += 1;
          const result = await session.run(
            query.cypher,
            { ...params, ...query.fixedParams },
            this.txConfig(query.name, timeoutMs),
          );
          return this.rowsOf(query, result.records);
        }),
      timeoutMs,
    );
  }

  async readOne<Row>(query: Query<Row>, params: Params = {}): Promise<Row | undefined> {
    const rows = await this.read(query, params);
    return rows[0];
  }

  async write<Row>(query: Query<Row>, params: Params = {}): Promise<Row[]> {
    return this.withSession(query.name, neo4j.session.WRITE, (session) =>
      session.executeWrite((tx) => this.runIn(tx, query, params), this.txConfig(query.name)),
    );
  }

  /** Runs several statements in one write transaction: all of them commit, or none. */
  async writeTransaction<T>(name: string, work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return this.withSession(name, neo4j.session.WRITE, (session) =>
      session.executeWrite(
        (tx) => work({ run: (query, params = {}) => this.runIn(tx, query, params) }),
        this.txConfig(name),
      ),
    );
  }

  private txConfig(
    name: string,
    timeoutMs = this.options.txTimeoutMs,
  ): { timeout: number; metadata: Record<string, string> } {
    return { timeout: timeoutMs, metadata: { app: 'ties-graph', query: name } };
  }

  private async runIn<Row>(tx: ManagedTransaction, query: Query<Row>, params: Params): Promise<Row[]> {
    this.queryCount += 1;
    const result = await tx.run(query.cypher, { ...params, ...query.fixedParams });
    return this.rowsOf(query, result.records);
  }

  private rowsOf<Row>(query: Query<Row>, records: Neo4jRecord[]): Row[] {
    return records.map((record, index) => {
      const parsed = query.row.safeParse(toPlain(record.toObject()));
      if (!parsed.success) {
        // A row that does not match its schema is a bug in the query, never the client's fault.
        throw new InternalError(`Query ${query.name} returned an unexpected row ${index}: ${parsed.error.message}`);
      }
      return parsed.data;
    });
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let delay = FIRST_RETRY_DELAY_MS; ; delay *= 2) {
      try {
        return await work();
      } catch (error) {
        if (!isRetryableError(error) || Date.now() - started > (this.options.maxRetryMs ?? 0)) throw error;
        const jitter = 1 + RETRY_JITTER * (2 * Math.random() - 1);
        await new Promise((resolveDelay) => setTimeout(resolveDelay, delay * jitter));
      }
    }
  }

  private async withSession<T>(
    name: string,
    accessMode: SessionMode,
    work: (session: Session) => Promise<T>,
    timeoutMs = this.options.txTimeoutMs,
  ): Promise<T> {
    this.options.availability?.assertUp();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: accessMode });
    try {
      return await work(session);
    } catch (error) {
      if (isUnreachable(error)) this.options.availability?.reportUnreachable();
      const mapped = mapDriverError(error, timeoutMs);
      if (mapped) throw mapped;
      this.options.onInternalError?.(error, name);
      throw new InternalError();
    } finally {
      await session.close();
    }
  }
}
