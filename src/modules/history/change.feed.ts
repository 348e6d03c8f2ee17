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
 * `maxQueued` waiting changes its subscription ends with an error. Several API instances each
 * have their own feed; see docs/deployment.md for how they would share changes.
 */
export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly maxQueued = 100) {}

  get size(): number {
    return this.subscribers.size;
  }

  publish(change: ChangeRecord): void {
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
