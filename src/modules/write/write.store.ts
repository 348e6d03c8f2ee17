import { GraphQLError } from 'graphql';

import type { Executor } from '../../db/executor';
import type { ChangeRecord } from '../history/change.model';
import { ChangeRecorder } from '../history/change.recorder';
import { StateRepository } from './state.repository';
import { WriteRepository } from './write.repository';

/** What one write transaction works with: its statements and the recorder of its change. */
export interface WriteUnit {
  readonly repository: WriteRepository;
  readonly states: StateRepository;
  readonly recorder: ChangeRecorder;
  /** Names the source the write comes with, for its change. */
  statedIn(sourceId: string | null): void;
}

/**
 * Thrown to end a dry run's transaction without committing it; a GraphQLError, so the executor
 * passes it through as it does refusals instead of logging it as a failure.
 */
class RolledBack extends GraphQLError {}

/** Told of every change once its transaction has committed (the live feed). */
export type ChangeListener = (change: ChangeRecord) => void;

/**
 * The one door of writes: each write runs in one transaction with its repository and its change
 * recorder, and the change is appended in that same transaction, so the data and the log commit
 * together. The actor is who the request runs as (`key:<name>`, `jwt:<subject>`, `system`).
 */
export class WriteStore {
  constructor(
    private readonly db: Executor,
    private readonly actor: string,
    private readonly onChange: ChangeListener = () => undefined,
  ) {}

  /**
   * Runs `work` and records its change, in one transaction. `dryRun` does all of it, then rolls
   * it back: the caller gets what the write would do, and the graph is as it was.
   */
  async transaction<T>(
    operation: string,
    work: (unit: WriteUnit) => Promise<T>,
    options: { readonly revertOf?: string | null; readonly dryRun?: boolean } = {},
  ): Promise<{ result: T; change: ChangeRecord | null }> {
    const revertOf = options.revertOf ?? null;
    let preview: { result: T; change: ChangeRecord | null } | undefined;
    const run = this.db.writeTransaction(operation, async (tx) => {
      // A retried transaction starts over, with a new recorder.
      let sourceId: string | null = null;
      const recorder = new ChangeRecorder(tx);
      // The write's statements are counted by the recorder, which then knows what the states the
      // upserts hand it still describe when it records the change.
      const scope = recorder.watch(tx);
      const unit: WriteUnit = {
        repository: new WriteRepository(scope, recorder),
        states: new StateRepository(scope),
        recorder,
        statedIn: (id) => {
          sourceId = id;
        },
      };
      const result = await work(unit);
      const change = await unit.recorder.finish({ operation, actor: this.actor, sourceId, revertOf });
      if (options.dryRun) {
        preview = { result, change };
        throw new RolledBack('dry run');
      }
      return { result, change };
    });
    if (options.dryRun) {
      await run.catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
      if (!preview) throw new Error(`${operation}: the dry run did not finish`);
      return preview;
    }
    const outcome = await run;
    if (outcome.change) this.onChange(outcome.change);
    return outcome;
  }
}
