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

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.value, keyset.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): Keyset | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === 'string' || typeof decoded[0] === 'number') &&
      typeof decoded[1] === 'string'
    ) {
      return { value: decoded[0], id: decoded[1] };
    }
  } catch {
    // Falls through to the error below: a cursor that is not ours is the client's mistake.
  }
  throw BadUserInputError.forField('after', 'is not a cursor this API issued');
}

export interface Page<T> {
  readonly nodes: T[];
  readonly edges: { node: T; cursor: string }[];
  readonly pageInfo: PageInfo;
  /** Resolved only when the client asks for it: counting a filtered list is the costly part. */
  readonly totalCount: () => Promise<number>;
  /** The same page with each node replaced (cursors stay those of the original rows). */
  mapNodes<U>(map: (node: T) => U): Page<U>;
}

function makePage<T>(
  edges: { node: T; cursor: string }[],
  pageInfo: PageInfo,
  totalCount: () => Promise<number>,
): Page<T> {
  return {
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo,
    totalCount,
    mapNodes: (map) =>
      makePage(
        edges.map((edge) => ({ node: map(edge.node), cursor: edge.cursor })),
        pageInfo,
        totalCount,
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
): Page<T> {
  const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(keysetOf(node)) }));
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

    // graphql-js calls function-valued properties, so the count query runs only when selected.
    @Field(() => Int, { description: 'How many items match the filter across all pages.' })
    totalCount!: () => Promise<number>;
  }
  return ConnectionType;
}
