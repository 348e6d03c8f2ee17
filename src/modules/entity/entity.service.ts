import { BadUserInputError, NotFoundError } from '../../errors';
import { decodeCursor, type Page, type PageArgs, toPage } from '../../graphql/pagination';
import { ListOrder } from './entity.input';
import { type EntityListRepository, type ListFilter, NO_FILTER, type SortKey } from './entity.list.repository';
import type { EntityRepository, Provenance } from './entity.repository';
import type { Follow } from './entity.follows';
import { isEmptyPlan, type PrefetchPlan } from './entity.prefetch';
import { type EntityObject, toEntityObject } from './entity.mapper';
import { type EntityType, matchKey, type TieType } from './entity.model';
import { toIsoEnd, toIsoStart } from '../../graphql/partial-date';
import { toTie } from '../tie/tie.mapper';
import type { Tie } from '../tie/tie.type';

/** Reads every entity type shares: by id, provenance and ties in either direction. */
const ORDER: Record<ListOrder, { sort: SortKey; descending: boolean }> = {
  [ListOrder.NAME_ASC]: { sort: 'NAME', descending: false },
  [ListOrder.NAME_DESC]: { sort: 'NAME', descending: true },
  [ListOrder.DATE_ASC]: { sort: 'DATE', descending: false },
  [ListOrder.DATE_DESC]: { sort: 'DATE', descending: true },
  [ListOrder.VALUE_ASC]: { sort: 'VALUE', descending: false },
  [ListOrder.VALUE_DESC]: { sort: 'VALUE', descending: true },
};

/** A filter input as the list resolvers receive it: any subset of the filter fields. */
export type FilterInput = { [K in keyof ListFilter]?: ListFilter[K] | undefined };

export class EntityService {
  constructor(
    private readonly repository: EntityRepository,
    private readonly lists: EntityListRepository,
  ) {}

  /** A keyset page of one entity type; `totalCount` runs its count query only when asked for. */
  async list(
    type: EntityType,
    input: FilterInput | null | undefined,
    order: ListOrder,
    page: PageArgs,
    plan?: PrefetchPlan,
  ): Promise<Page<EntityObject>> {
    const given = Object.fromEntries(
      Object.entries(input ?? {}).filter(([key, value]) => key in NO_FILTER && value !== undefined && value !== null),
    ) as Partial<ListFilter>;
    const filter: ListFilter = {
      ...NO_FILTER,
      ...given,
      text: given.text ? matchKey(given.text) : null,
      // Partial dates compare against stored ISO dates as the first or last day of their period.
      dateFrom: given.dateFrom ? toIsoStart(given.dateFrom) : null,
      dateTo: given.dateTo ? toIsoEnd(given.dateTo) : null,
    };
    const { sort, descending } = ORDER[order];
    const after = decodeCursor(page.after, order);
    if (after && typeof after.value !== (sort === 'VALUE' ? 'number' : 'string')) {
      throw BadUserInputError.forField('after', 'is not a cursor this API issued');
    }
    const rows = await this.lists.page({ type, filter, sort, descending, after, limit: page.first + 1 });
    await this.prefetch(
      rows.slice(0, page.first).map((row) => row.node.id),
      plan,
    );
    return toPage(
      rows.map((row) => ({ entity: toEntityObject(row.node), sortKey: row.sortKey })),
      page.first,
      (row) => ({ value: row.sortKey, id: row.entity.id }),
      () => this.lists.count(type, filter),
      order,
    ).mapNodes((row) => row.entity);
  }

  /** The entity with this id, or null; `plan` says what else the request will read from it. */
  async find(id: string, plan?: PrefetchPlan): Promise<EntityObject | null> {
    await this.prefetch([id], plan);
    // The id of an entity merged into another finds that one.
    const record = await this.repository.byId(id);
    return record ? toEntityObject(record) : null;
  }

  /** The entity of one type with this id, or null (an id of another type is not found either). */
  async findOfType(type: EntityType, id: string, plan?: PrefetchPlan): Promise<EntityObject | null> {
    const entity = await this.find(id, plan);
    return entity?.__typename === type ? entity : null;
  }

  async get(type: EntityType, id: string): Promise<EntityObject> {
    const entity = await this.findOfType(type, id);
    if (!entity) throw new NotFoundError(type, id);
    return entity;
  }

  provenance(id: string): Promise<Provenance[]> {
    return this.repository.provenance(id);
  }

  /** Entities tied to `id` as the relationship field `follow` (from `FOLLOWS`) reaches them. */
  async neighbours(id: string, follow: Follow): Promise<EntityObject[]> {
    const rows = await this.repository.relatedEntities(id, follow.tie, follow.direction);
    return rows
      .filter((row) => follow.only === undefined || row.node.__typename === follow.only)
      .map((row) => toEntityObject(row.node));
  }

  async neighbour(id: string, follow: Follow): Promise<EntityObject | null> {
    const [first] = await this.neighbours(id, follow);
    return first ?? null;
  }

  /** The ties themselves, for ties that carry details (positions, attendance, signatures). */
  async ties(id: string, follow: Follow<TieType>): Promise<Tie[]> {
    const rows = await this.repository.related(id, follow.tie, follow.direction);
    return rows.map((row) => toTie(follow.tie, id, row.node.id, follow.direction, row.tie));
  }

  /**
   * Loads, in one statement, the entities `ids` and everything `plan` says the rest of the
   * request will read from them, so that the field resolvers that follow read from memory.
   */
  private async prefetch(ids: readonly string[], plan: PrefetchPlan | undefined): Promise<void> {
    if (plan && !isEmptyPlan(plan)) await this.repository.prefetch(ids, plan);
  }
}
