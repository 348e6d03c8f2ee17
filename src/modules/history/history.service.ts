import { BadUserInputError } from '../../errors';
import { decodeCursor, type Page, type PageArgs, toPage } from '../../graphql/pagination';
import { ENTITY_TYPES, TIE_TYPES, tieKey, type TieType } from '../entity/entity.model';
import type { ChangeFeed } from './change.feed';
import {
  type ChangeRecord,
  type Entry,
  entryAction,
  entryEntityIds,
  entryToken,
  type PropsChange,
  tieToken,
} from './change.model';
import type { ChangeRow, FeedFilter, HistoryRepository } from './history.repository';
import type { ChangeFilter } from './history.input';
import { type Change, ChangeAction, type PropertyChange } from './history.type';

/** The filter's `type` as the log stores it: the API's DOCUMENT is the label Document. */
const STORED_TYPE = new Map<string, string>([
  ...ENTITY_TYPES.map((type) => [type.toUpperCase(), type] as const),
  ...[...TIE_TYPES, 'STATED_IN'].map((type) => [type, type] as const),
]);
const FEED_ORDER = 'CHANGES';

function properties(entry: { before: PropsChange | null; after: PropsChange | null }): PropertyChange[] {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  return [...keys].sort().map((property) => ({
    property,
    before: entry.before?.[property]?.v ?? null,
    after: entry.after?.[property]?.v ?? null,
  }));
}

const ACTION: Record<ReturnType<typeof entryAction>, ChangeAction> = {
  CREATED: ChangeAction.CREATED,
  UPDATED: ChangeAction.UPDATED,
  DELETED: ChangeAction.DELETED,
};

/** A stored change as the API shows it (resolution keys are bookkeeping and stay out of it). */
export function toChange(row: ChangeRow | ChangeRecord): Change & { actorName: string } {
  const entities = row.entries.flatMap((entry: Entry) =>
    entry.kind === 'entity'
      ? [{ id: entry.id, type: entry.type, action: ACTION[entryAction(entry)], properties: properties(entry) }]
      : [],
  );
  const ties = row.entries.flatMap((entry: Entry) =>
    entry.kind === 'tie'
      ? [
          {
            type: entry.type,
            from: entry.from,
            to: entry.to,
            key: entry.disc,
            action: ACTION[entryAction(entry)],
            properties: properties(entry),
          },
        ]
      : [],
  );
  return {
    id: row.id,
    at: row.at,
    actor: null,
    actorName: row.actor,
    operation: row.operation,
    sourceId: row.sourceId,
    revertOf: row.revertOf ?? null,
    entities,
    ties,
  };
}

export type ChangeObject = ReturnType<typeof toChange>;

/** Reads of the change log: one change, the history of an entity or a tie, the feed. */
/** Whether a change passes the filters that need no graph (all but the region). */
function passes(change: ChangeRecord, filter: FeedFilter): boolean {
  if (filter.actor !== null && change.actor !== filter.actor) return false;
  if (filter.since !== null && change.at < filter.since) return false;
  if (filter.until !== null && change.at > filter.until) return false;
  if (filter.type !== null && !change.entries.some((entry) => entry.kind !== 'key' && entry.type === filter.type)) {
    return false;
  }
  if (filter.subjects !== null) {
    const words = new Set(change.entries.flatMap((entry) => [entryToken(entry), ...entryEntityIds(entry)]));
    if (!filter.subjects.some((word) => words.has(word))) return false;
  }
  return true;
}

export class HistoryService {
  constructor(
    private readonly repository: HistoryRepository,
    private readonly feed: ChangeFeed | null = null,
  ) {}

  /** The changes committed from now on that pass the filter, as they come (the `changed` subscription). */
  subscribe(filter: ChangeFilter | null | undefined): AsyncIterableIterator<ChangeRecord> {
    if (!this.feed) throw new BadUserInputError('This process has no live feed of changes');
    const feedFilter = this.feedFilter(filter ?? null);
    return this.feed.subscribe(
      (change) =>
        passes(change, feedFilter) && (feedFilter.region === null || this.repository.matches(change.id, feedFilter)),
    );
  }

  async change(id: string): Promise<ChangeObject | null> {
    const row = await this.repository.byId(id);
    return row ? toChange(row) : null;
  }

  async revertsOf(id: string): Promise<ChangeObject[]> {
    return (await this.repository.revertsOf(id)).map(toChange);
  }

  /** The changes that made an entity what it is (its own properties and its ties), newest first. */
  history(id: string, page: PageArgs): Promise<Page<ChangeObject>> {
    return this.page({ ...this.feedFilter(null), subjects: [id] }, page);
  }

  /** The changes of one tie, newest first; `title` tells apart positions between the same pair. */
  tieHistory(
    type: TieType,
    from: string,
    to: string,
    title: string | null,
    page: PageArgs,
  ): Promise<Page<ChangeObject>> {
    const disc = tieKey(type, { title });
    return this.page({ ...this.feedFilter(null), subjects: [tieToken({ type, from, to, disc })] }, page);
  }

  changes(filter: ChangeFilter | null | undefined, page: PageArgs): Promise<Page<ChangeObject>> {
    return this.page(this.feedFilter(filter ?? null), page);
  }

  private feedFilter(filter: ChangeFilter | null): FeedFilter {
    const type = filter?.type ? STORED_TYPE.get(filter.type) : null;
    if (filter?.type && !type) {
      throw BadUserInputError.forField('filter.type', `"${filter.type}" is neither an entity type nor a tie type`);
    }
    return {
      since: filter?.since?.toISOString() ?? null,
      until: filter?.until?.toISOString() ?? null,
      actor: filter?.actor ?? null,
      type: type ?? null,
      region: filter?.region ?? null,
      subjects: filter?.entity ? [filter.entity] : null,
    };
  }

  private async page(filter: FeedFilter, page: PageArgs): Promise<Page<ChangeObject>> {
    // A change's id is its own sort key (ids are time-ordered).
    const after = decodeCursor(page.after, FEED_ORDER)?.id ?? null;
    const rows = await this.repository.feed(filter, after, page.first + 1);
    return toPage(
      rows.map(toChange),
      page.first,
      (change) => ({ value: change.id, id: change.id }),
      () => this.repository.count(filter),
      FEED_ORDER,
    );
  }
}
