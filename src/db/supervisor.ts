import { describeExit, type EmbeddedNeo4j, type ProcessExit } from './embedded';

export interface RestartPolicy {
  /** Restarts tried in a row after one crash before giving up (0: give up at once). */
  readonly attempts: number;
  /** Wait before the first restart; each further attempt waits twice as long. */
  readonly backoffMs: number;
}

export type SupervisedState = 'running' | 'restarting' | 'stopped' | 'failed';

/** What `/health/ready` tells about the embedded Neo4j. */
export interface SupervisedStatus {
  readonly state: SupervisedState;
  /** Successful restarts since the API started. */
  readonly restarts: number;
  /** The attempt under way while restarting (1-based), else 0. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly lastExit: { readonly reason: string; readonly at: string } | null;
}

export interface SupervisorEvents {
  info(message: string): void;
  error(message: string): void;
  /** Every restart attempt failed: the process should end non-zero so its own supervisor notices. */
  gaveUp(status: SupervisedStatus): void;
}

/**
 * Keeps the embedded Neo4j running: a JVM that ends unasked is logged at once, then started again
 * on the same store and port with growing back-off, so the driver (and the API's availability
 * probe) reconnect on their own. After `attempts` failed starts in a row it gives up.
 */
export class Neo4jSupervisor {
  private current: EmbeddedNeo4j;
  private state: SupervisedState = 'running';
  private restarts = 0;
  private attempt = 0;
  private lastExit: SupervisedStatus['lastExit'] = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    first: EmbeddedNeo4j,
    private readonly start: () => Promise<EmbeddedNeo4j>,
    private readonly policy: RestartPolicy,
    private readonly events: SupervisorEvents,
  ) {
    this.current = first;
    this.watch(first);
  }

  get uri(): string {
    return this.current.uri;
  }

  status(): SupervisedStatus {
    return {
      state: this.state,
      restarts: this.restarts,
      attempt: this.attempt,
      maxAttempts: this.policy.attempts,
      lastExit: this.lastExit,
    };
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.timer);
    await this.current.stop();
  }

  private watch(neo4j: EmbeddedNeo4j): void {
    neo4j.onUnexpectedExit((exit) => this.crashed(exit));
  }

  private crashed(exit: ProcessExit): void {
    if (this.state === 'stopped') return;
    this.lastExit = { reason: describeExit(exit), at: new Date().toISOString() };
    this.events.error(`The embedded Neo4j stopped unexpectedly (${this.lastExit.reason})`);
    this.attempt = 0;
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.attempt >= this.policy.attempts) {
      this.state = 'failed';
      this.events.error(
        `Giving up on the embedded Neo4j after ${this.policy.attempts} failed restart attempt(s) ` +
          '(NEO4J_RESTART_ATTEMPTS); its data is intact on disk.',
      );
      this.events.gaveUp(this.status());
      return;
    }
    this.attempt += 1;
    this.state = 'restarting';
    const delay = this.policy.backoffMs * 2 ** (this.attempt - 1);
    this.events.info(
      `Restarting the embedded Neo4j in ${delay} ms (attempt ${this.attempt} of ${this.policy.attempts})`,
    );
    this.timer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    try {
      const next = await this.start();
      if (this.state === 'stopped') {
        await next.stop();
        return;
      }
      this.current = next;
      this.watch(next);
      this.restarts += 1;
      this.attempt = 0;
      this.state = 'running';
      this.events.info(`The embedded Neo4j is running again (restart ${this.restarts})`);
    } catch (error) {
      if (this.state === 'stopped') return;
      this.events.error(
        `Restart attempt ${this.attempt} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
      this.scheduleRestart();
    }
  }
}
