import type { ChangeRecord } from './change.model';

/** A subscriber's condition on changes; evaluated for each change after its commit. */
export type ChangeMatcher = (change: ChangeRecord) => Promise<boolean> | boolean;

/** Ends a subscription whose client reads too slowly for the changes it asked for. */
export class SubscriberTooSlowError extends Error {
  constructor(limit: number) {
    super(`More than ${limit} changes waited for this subscriber; it was disconnected. Subscribe again.`);
    this.name = 'SubscriberTooSlowError';
  }
}

interface Subscriber {
  readonly matches: ChangeMatcher;
  readonly queue: ChangeRecord[];
  /** Changes offered but not yet matched: matched one after another, so they arrive in order. */
  pending: number;
  chain: Promise<void>;
  wake: (() => void) | null;
  failure: Error | null;
  done: boolean;
}

/**
 * The live feed within one process: every committed change is offered to every subscriber, whose
 * queue is bounded, so a client that does not read cannot grow the server's memory: past
 * `maxQueued` waiting changes its subscription ends with an error. Changes written through
 * other API instances reach it from the change log (`ChangeLogTail`).
 */
export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  /** Ids offered lately, oldest first: a change reaches the feed from its own write and from the log tail. */
  private readonly offered = new Map<string, number>();

  constructor(
    private readonly maxQueued = 100,
    /** How long an offered id is remembered; longer than the log tail looks back. */
    private readonly rememberMs = 60_000,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** When the feed last went from no subscribers to one (ms since the epoch), or null while it has none. */
  get activeSince(): number | null {
    return this.subscribers.size === 0 ? null : this.firstSubscribedAt;
  }

  private firstSubscribedAt = 0;

  /** Offers a committed change to every subscriber, once: a change offered before is ignored. */
  publish(change: ChangeRecord): void {
    const now = Date.now();
    for (const [id, at] of this.offered) {
      if (at > now - this.rememberMs) break;
      this.offered.delete(id);
    }
    if (this.offered.has(change.id)) return;
    this.offered.set(change.id, now);
    for (const subscriber of this.subscribers) {
      if (subscriber.done || subscriber.failure) continue;
      if (subscriber.queue.length + subscriber.pending >= this.maxQueued) {
        subscriber.failure = new SubscriberTooSlowError(this.maxQueued);
        subscriber.queue.length = 0;
        subscriber.wake?.();
        continue;
      }
      subscriber.pending += 1;
      subscriber.chain = subscriber.chain
        .then(() => subscriber.matches(change))
        .then(
          (matched) => {
            if (matched && !subscriber.done) subscriber.queue.push(change);
          },
          (error: unknown) => {
            subscriber.failure = error instanceof Error ? error : new Error(String(error));
          },
        )
        .finally(() => {
          subscriber.pending -= 1;
          subscriber.wake?.();
        });
    }
  }

  /** The changes that match, as they come, until the iterator is returned (the client leaves). */
  subscribe(matches: ChangeMatcher): AsyncIterableIterator<ChangeRecord> {
    const subscriber: Subscriber = {
      matches,
      queue: [],
      pending: 0,
      chain: Promise.resolve(),
      wake: null,
      failure: null,
      done: false,
    };
    if (this.subscribers.size === 0) this.firstSubscribedAt = Date.now();
    this.subscribers.add(subscriber);
    const finish = (): IteratorResult<ChangeRecord> => {
      subscriber.done = true;
      this.subscribers.delete(subscriber);
      return { value: undefined, done: true };
    };
    const iterator: AsyncIterableIterator<ChangeRecord> = {
      next: async () => {
        for (;;) {
          if (subscriber.done) return { value: undefined, done: true };
          const failure = subscriber.failure;
          if (failure) {
            finish();
            throw failure;
          }
          const change = subscriber.queue.shift();
          if (change) return { value: change, done: false };
          await new Promise<void>((resolve) => {
            subscriber.wake = resolve;
          });
          subscriber.wake = null;
        }
      },
      return: () => {
        const result = finish();
        subscriber.wake?.();
        return Promise.resolve(result);
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Ends every subscription (shutdown). */
  close(): void {
    for (const subscriber of this.subscribers) {
      subscriber.done = true;
      subscriber.wake?.();
    }
    this.subscribers.clear();
  }
}
