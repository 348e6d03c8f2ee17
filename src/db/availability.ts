import type { Driver } from 'neo4j-driver';

import { ServiceUnavailableError } from '../errors';

/** What an executor needs to know about Neo4j being reachable. */
export interface AvailabilityGate {
  /** Throws SERVICE_UNAVAILABLE at once while Neo4j is known to be down. */
  assertUp(): void;
  /** A query could not reach Neo4j. */
  reportUnreachable(): void;
}

/**
 * Whether Neo4j is reachable, as the last queries found it. Once a query fails to reach it, every
 * request is refused at once (no waiting on connection attempts and retries) while a background
 * probe asks Neo4j every `probeIntervalMs`; the first answer brings the API back, no restart
 * needed. The probe runs only while Neo4j is down.
 */
export class Availability implements AvailabilityGate {
  private down = false;
  private stopped = false;
  private probe: NodeJS.Timeout | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly probeIntervalMs = 1_000,
  ) {}

  get isUp(): boolean {
    return !this.down;
  }

  assertUp(): void {
    if (this.down) throw new ServiceUnavailableError();
  }

  reportUnreachable(): void {
    if (this.down || this.stopped) return;
    this.down = true;
    this.scheduleProbe();
  }

  /** For the readiness probe: false at once while known down, else asks Neo4j. */
  async check(): Promise<boolean> {
    if (this.down) return false;
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      return true;
    } catch {
      this.reportUnreachable();
      return false;
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.probe);
  }

  private scheduleProbe(): void {
    if (this.stopped) return;
    this.probe = setTimeout(() => void this.runProbe(), this.probeIntervalMs);
    // A pending probe must not keep a stopping process alive.
    this.probe.unref();
  }

  private async runProbe(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      this.down = false;
    } catch {
      this.scheduleProbe();
    }
  }
}
