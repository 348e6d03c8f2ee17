import type { ChangeFeed } from './change.feed';
import { newChangeId } from './change.model';
import type { HistoryRepository } from './history.repository';

export interface TailOptions {
  /** How often the log is read while someone subscribes. */
  readonly intervalMs: number;
  /**
   * How far back each read looks. A change's id carries its transaction's start time, so a slow
   * transaction commits behind changes with later ids; looking back catches it.
   */
  readonly lookBackMs: number;
  readonly batch?: number;
}

/**
 * Brings changes written through other API instances to this instance's subscribers: while the
 * feed has subscribers, the change log is read every `intervalMs` for changes of the last
 * `lookBackMs`, and each is offered to the feed (which ignores those it already had, such as the
 * changes this instance wrote). Reading stops when the last subscriber leaves; when the first
 * arrives, changes from before it subscribed are taken as seen.
 */
export class ChangeLogTail {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly repository: HistoryRepository,
    private readonly feed: ChangeFeed,
    private readonly options: TailOptions,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), this.options.intervalMs);
    // A pending read must not keep a stopping process alive.
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      const since = this.feed.activeSince;
      if (since !== null) await this.read(newChangeId(new Date(since), ''));
      this.failing = false;
    } catch (error) {
      // Told once per outage, not every interval.
      if (!this.failing) this.onError(error);
      this.failing = true;
    } finally {
      this.schedule();
    }
  }

  /** Offers the changes of the look-back window from `from` on. */
  private async read(from: string): Promise<void> {
    const batch = this.options.batch ?? 500;
    let after = newChangeId(new Date(Date.now() - this.options.lookBackMs), '');
    for (;;) {
      const rows = await this.repository.after(after, batch);
      // The feed offers each change once, so those this instance wrote, or read before, go no further.
      for (const row of rows) if (row.id >= from) this.feed.publish(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < batch) break;
      after = last.id;
    }
  }
}
