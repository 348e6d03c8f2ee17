import type { Executor } from '../../db/executor';
import type { ChangeRecord } from '../history/change.model';
import { ChangeRecorder } from '../history/change.recorder';
import { RevertRepository } from './revert.repository';
import { WriteRepository } from './write.repository';

/** What one write transaction works with: its statements and the recorder of its change. */
export interface WriteUnit {
  readonly repository: WriteRepository;
  readonly reverts: RevertRepository;
  readonly recorder: ChangeRecorder;
  /** Names the source the write comes with, for its change. */
  statedIn(sourceId: string | null): void;
}

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

  async transaction<T>(
    operation: string,
    work: (unit: WriteUnit) => Promise<T>,
    revertOf: string | null = null,
  ): Promise<{ result: T; change: ChangeRecord | null }> {
    const outcome = await this.db.writeTransaction(operation, async (tx) => {
      // A retried transaction starts over, with a new recorder.
      let sourceId: string | null = null;
      const unit: WriteUnit = {
        repository: new WriteRepository(tx),
        reverts: new RevertRepository(tx),
        recorder: new ChangeRecorder(tx),
        statedIn: (id) => {
          sourceId = id;
        },
      };
      const result = await work(unit);
      const change = await unit.recorder.finish({ operation, actor: this.actor, sourceId, revertOf });
      return { result, change };
    });
    if (outcome.change) this.onChange(outcome.change);
    return outcome;
  }
}
