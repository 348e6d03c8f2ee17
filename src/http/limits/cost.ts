import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getVariableValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isCompositeType,
  isEnumType,
  isLeafType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  type SelectionSetNode,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

import type { Limits } from '../../config';
import { ErrorCode, LimitExceededError } from '../../errors';

/** What a list without a page size is assumed to hold (relationship lists such as `documents`). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Lists whose length an argument of the field above them bounds, by that field: `ties(limit)`
 * lists at most `limit` connections of each kind, `path(limit)` at most `limit` paths,
 * `timeline(limit)` at most `limit` forums, figures and new counterparts per period,
 * `neighborhood(limit)` and `egoNetwork(limit)` at most `limit` entities besides the center (and
 * as many ties at least, one reaching each).
 */
const BOUNDED_BY_ARGUMENT: Readonly<
  Record<string, { argument: string; lists: Record<string, (n: number) => number> }>
> = {
  'Query.ties': { argument: 'limit', lists: { 'TieConnectionGroup.connections': (n) => n } },
  'Query.path': { argument: 'limit', lists: { 'Paths.paths': (n) => n } },
  'Query.neighborhood': {
    argument: 'limit',
    lists: { 'Neighborhood.nodes': (n) => n + 1, 'Neighborhood.edges': (n) => n + 1 },
  },
  'Query.timeline': {
    argument: 'limit',
    lists: {
      'TimelinePeriod.forums': (n) => n,
      'TimelinePeriod.figures': (n) => n,
      'TimelinePeriod.newCounterparts': (n) => n,
    },
  },
  'Query.egoNetwork': {
    argument: 'limit',
    lists: { 'EgoNetwork.nodes': (n) => n + 1, 'EgoNetwork.edges': (n) => n + 1 },
  },
};

/** Every list a rule above bounds: reached without that rule's field above it, it is not bounded. */
const BOUNDED_LISTS = new Set(Object.values(BOUNDED_BY_ARGUMENT).flatMap((rule) => Object.keys(rule.lists)));

/** graphql-query-complexity's message when an operation has more selections than it walks. */
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';
/** As many selections as graphql-query-complexity walks (its default): fragments spread many times stop here. */
const MOST_SELECTIONS = 10_000;

/** Lists that hold at most one item per value of an enum: `ties` answers one group per kind. */
const ONE_PER_ENUM_VALUE: Readonly<Record<string, string>> = { 'TieConnections.groups': 'TieConnectionKind' };

/**
 * The length each list field of the operation is known to have at most, where an argument above it
 * or the schema says so. A fragment spread under two fields keeps the larger bound.
 */
export function listBounds(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): Map<FieldNode, number> {
  const bounds = new Map<FieldNode, number>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let visited = 0;
  const record = (node: FieldNode, size: number): void => {
    bounds.set(node, Math.max(bounds.get(node) ?? 0, size));
  };
  const walk = (
    selections: SelectionSetNode | undefined,
    type: GraphQLNamedType | undefined,
    above: ReadonlyMap<string, number>,
    spreading: ReadonlySet<string>,
    values: Record<string, unknown>,
  ): void => {
    if (!selections || !isCompositeType(type)) return;
    for (const selection of selections.selections) {
      visited += 1;
      if (visited >= MOST_SELECTIONS) throw new GraphQLError(TOO_MANY_NODES);
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        walk(selection.selectionSet, condition, above, spreading, values);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // Validation refuses cycles; the guard only keeps this walk finite before it runs.
        if (!fragment || spreading.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, condition, above, new Set([...spreading, fragment.name.value]), values);
      } else if (!isUnionType(type)) {
        const field = type.getFields()[selection.name.value];
        if (!field) continue;
        const key = `${type.name}.${field.name}`;
        const bound = above.get(key);
        if (bound !== undefined) record(selection, bound);
        else if (BOUNDED_LISTS.has(key)) record(selection, ASSUMED_LIST_SIZE);
        const perValue = ONE_PER_ENUM_VALUE[key];
        const enumType = perValue === undefined ? undefined : schema.getType(perValue);
        if (isEnumType(enumType)) record(selection, enumType.getValues().length);
        let below = above;
        const rule = BOUNDED_BY_ARGUMENT[key];
        if (rule) {
          const value: unknown = getArgumentValues(field, selection, values)[rule.argument];
          if (typeof value === 'number') {
            const next = new Map(above);
            for (const [list, size] of Object.entries(rule.lists)) next.set(list, Math.max(size(value), 0));
            below = next;
          }
        }
        walk(selection.selectionSet, getNamedType(field.type), below, spreading, values);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName !== undefined && definition.name?.value !== operationName) continue;
    const root =
      definition.operation === OperationTypeNode.QUERY
        ? schema.getQueryType()
        : definition.operation === OperationTypeNode.MUTATION
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    // Variables as execution will see them: with the operation's defaults for those left out.
    const { coerced, errors } = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
    if (errors?.[0]) throw errors[0];
    walk(definition.selectionSet, root ?? undefined, new Map(), new Set(), coerced ?? {});
  }
  return bounds;
}

/**
 * The cost of one field: 1, plus what it selects; a list multiplies what it selects by its page
 * size (`first`), by the bound an argument above it or the schema sets (`listBounds`),
 * or by ASSUMED_LIST_SIZE when nothing bounds it. The `nodes` and `edges` of a connection are the
 * page itself, already multiplied by `first` at the connection field. Introspection is answered
 * from memory, so its lists do not multiply: its size is bounded by the depth and token limits
 * instead.
 */
export function fieldCost(bounds: ReadonlyMap<FieldNode, number> = new Map()): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }) => {
    const first: unknown = args.first;
    if (typeof first === 'number') return 1 + Math.max(first, 0) * childComplexity;
    const isList = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
    const inPage = isObjectType(type) && 'pageInfo' in type.getFields();
    if (!isList || inPage || type.name.startsWith('__')) return 1 + childComplexity;
    return 1 + (bounds.get(node) ?? ASSUMED_LIST_SIZE) * childComplexity;
  };
}

/** The estimated cost of the operation and the largest page (`first`) it asks for, literal or variable. */
export function estimate(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): {
  cost: number;
  largestPage: number;
} {
  let largestPage = 0;
  const bounds = listBounds(options.schema, options.query, options.operationName, options.variables ?? {});
  const cost = fieldCost(bounds);
  const total = getComplexity({
    ...options,
    estimators: [
      (field) => {
        const first: unknown = field.args.first;
        if (typeof first === 'number') largestPage = Math.max(largestPage, first);
        return cost(field);
      },
    ],
  });
  return { cost: total, largestPage };
}

/** The limit an estimate breaks (page size, then cost), if any. */
export function overLimit(
  estimated: { cost: number; largestPage: number },
  limits: Pick<Limits, 'maxCost' | 'maxPageSize'>,
): LimitExceededError | undefined {
  if (estimated.largestPage > limits.maxPageSize) {
    return new LimitExceededError(ErrorCode.PageTooLarge, 'Page size', estimated.largestPage, limits.maxPageSize);
  }
  if (estimated.cost > limits.maxCost) {
    return new LimitExceededError(ErrorCode.QueryTooComplex, 'Query cost', estimated.cost, limits.maxCost);
  }
  return undefined;
}

/** How many estimates are kept per parsed document (one per operation name and variables). */
const ESTIMATES_PER_DOCUMENT = 64;
/** Variables longer than this as JSON (large reports to ingest) are estimated every time, not kept. */
const LONGEST_KEPT_KEY = 4096;

/**
 * What an estimate is kept under, besides its document; undefined for variables not worth keeping
 * or too deeply nested to serialise (those are refused by execution later, not here).
 */
function estimateKey(operationName: string | null | undefined, variables: Record<string, unknown>): string | undefined {
  let key: string;
  try {
    key = JSON.stringify([operationName ?? null, variables]);
  } catch {
    return undefined;
  }
  return key.length <= LONGEST_KEPT_KEY ? key : undefined;
}

/**
 * Refuses an operation whose estimated cost, or any page size, is over the limit, before it runs.
 * It runs once the operation is known to be valid and its variables are at hand.
 *
 * Estimates are kept per parsed document: Apollo Server hands every request with the same query
 * text the same parsed document, and walking it again for every request was a noticeable part of
 * a small request's CPU (docs/benchmarks.md).
 */
export function costLimitPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin {
  const estimates = new WeakMap<DocumentNode, Map<string, { cost: number; largestPage: number }>>();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request, operationName }) {
          let estimated: { cost: number; largestPage: number };
          const variables = request.variables ?? {};
          const key = estimateKey(operationName, variables);
          let known = estimates.get(document);
          if (!known) {
            known = new Map();
            estimates.set(document, known);
          }
          try {
            estimated =
              (key === undefined ? undefined : known.get(key)) ??
              estimate({
                schema,
                query: document,
                variables,
                ...(operationName ? { operationName } : {}),
              });
          } catch (error) {
            if (error instanceof GraphQLError && error.message === TOO_MANY_NODES) {
              throw new GraphQLError('The query has too many fields to estimate its cost', {
                extensions: { code: ErrorCode.QueryTooComplex, http: { status: 400 } },
              });
            }
            // The other failure is variables of the wrong type: execution refuses those with
            // BAD_USER_INPUT before any resolver runs, so there is nothing to protect here.
            return Promise.resolve();
          }
          if (key !== undefined) {
            if (known.size >= ESTIMATES_PER_DOCUMENT) known.clear();
            known.set(key, estimated);
          }
          const refused = overLimit(estimated, limits);
          if (refused) throw refused;
          return Promise.resolve();
        },
      });
    },
  };
}
