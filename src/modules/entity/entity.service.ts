import { BadUserInputError, NotFoundError } from '../../errors';
import { decodeCursor, type Page, type PageArgs, toPage } from '../../graphql/pagination';
import { ListOrder } from './entity.input';
import type { EntityListRepository, ListFilter, SortKey } from './entity.list.repository';
import type { Direction, EntityRepository, Provenance, Traversable } from './entity.repository';
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

const NO_FILTER: ListFilter = {
  text: null,
  kinds: null,
  status: null,
  metric: null,
  sector: null,
  forum: null,
  region: null,
  organization: null,
  dateFrom: null,
  dateTo: null,
  valueMin: null,
  valueMax: null,
  currency: null,
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
    return toPage(
      rows.map((row) => ({ entity: toEntityObject(row.node), sortKey: row.sortKey })),
      page.first,
      (row) => ({ value: row.sortKey, id: row.entity.id }),
      () => this.lists.count(type, filter),
      order,
    ).mapNodes((row) => row.entity);
  }

  async find(id: string): Promise<EntityObject | null> {
    const record = await this.repository.byId(id);
    return record ? toEntityObject(record) : null;
  }

  /** The entity of one type with this id, or null (an id of another type is not found either). */
  async findOfType(type: EntityType, id: string): Promise<EntityObject | null> {
    const entity = await this.find(id);
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

  /** Entities tied to `id` by `type`, optionally only those of one entity type. */
  async neighbours(id: string, type: Traversable, direction: Direction, only?: EntityType): Promise<EntityObject[]> {
    const rows = await this.repository.related(id, type, direction);
    return rows
      .filter((row) => only === undefined || row.node.__typename === only)
      .map((row) => toEntityObject(row.node));
  }

  async neighbour(
    id: string,
    type: Traversable,
    direction: Direction,
    only?: EntityType,
  ): Promise<EntityObject | null> {
    const [first] = await this.neighbours(id, type, direction, only);
    return first ?? null;
  }

  /** The ties themselves, for ties that carry details (positions, attendance, signatures). */
  async ties(id: string, type: TieType, direction: Direction): Promise<Tie[]> {
    const rows = await this.repository.related(id, type, direction);
    return rows.map((row) => toTie(type, id, row.node.id, direction, row.tie));
  }
}
