import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';

import { BadUserInputError } from '../errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item on this page; pass it as `after`.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (a previous `endCursor`).' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string | null;
}

/** The position after which a keyset page starts: the sort value and id of the last row seen. */
export interface Keyset {
  readonly value: string | number;
  readonly id: string;
}

/**
 * `order` names the sort order the cursor belongs to: a keyset only means something in the order
 * that produced it, and "Kazakhstan" from NAME_ASC would silently skip rows under NAME_DESC.
 */
export function encodeCursor(keyset: Keyset, order?: string): string {
  const parts = order === undefined ? [keyset.value, keyset.id] : [keyset.value, keyset.id, order];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Reads a cursor issued for `order` (or for no order); anything else is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string | null | undefined, order?: string): Keyset | null {
  if (cursor === null || cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    Array.isArray(decoded) &&
    (decoded.length === 2 || (decoded.length === 3 && typeof decoded[2] === 'string')) &&
    (typeof decoded[0] === 'string' || typeof decoded[0] === 'number') &&
    typeof decoded[1] === 'string'
  ) {
    if (decoded[2] !== order) {
      throw BadUserInputError.forField('after', `is a cursor of another sort order than ${order ?? 'this list'}`);
    }
    return { value: decoded[0], id: decoded[1] };
  }
  throw BadUserInputError.forField('after', 'is not a cursor this API issued');
}

export interface Page<T> {
  readonly nodes: T[];
  readonly edges: { node: T; cursor: string }[];
  readonly pageInfo: PageInfo;
  /** Counted only when the client asks for it: counting a filtered list is the costly part. */
  readonly totalCount: Promise<number>;
  /** The same page with each node replaced (cursors stay those of the original rows). */
  mapNodes<U>(map: (node: T) => U): Page<U>;
}

function makePage<T>(edges: { node: T; cursor: string }[], pageInfo: PageInfo, count: () => Promise<number>): Page<T> {
  let total: Promise<number> | undefined;
  return {
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo,
    // type-graphql resolves a field by reading the property as it is (a function would reach the
    // client as a function), so a getter is what defers the count query until the field is selected.
    get totalCount() {
      total ??= count();
      return total;
    },
    mapNodes: (map) =>
      makePage(
        edges.map((edge) => ({ node: map(edge.node), cursor: edge.cursor })),
        pageInfo,
        count,
      ),
  };
}

/**
 * Builds a page from rows fetched with `limit = first + 1`: the extra row only says whether a
 * next page exists.
 */
export function toPage<T>(
  rows: T[],
  first: number,
  keysetOf: (row: T) => Keyset,
  totalCount: () => Promise<number>,
  order?: string,
): Page<T> {
  const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(keysetOf(node), order) }));
  return makePage(edges, { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount);
}

/** Declares the `<Name>Connection` and `<Name>Edge` types for one node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;

    @Field({ description: 'Pass as `after` to continue after this item.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items on this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items on this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursor to fetch them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter across all pages.' })
    totalCount!: Promise<number>;
  }
  return ConnectionType;
}
