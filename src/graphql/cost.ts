import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isObjectType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

import type { Limits } from '../config';
import { ErrorCode, LimitExceededError } from '../errors';

/** What a list without a page size is assumed to hold (relationship lists such as `documents`). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * The cost of one field: 1, plus what it selects; a list multiplies what it selects by its page
 * size (`first`), or by ASSUMED_LIST_SIZE when it has none. The `nodes` and `edges` of a
 * connection are the page itself, already multiplied by `first` at the connection field.
 * Introspection is answered from memory, so its lists do not multiply: its size is bounded by
 * the depth and token limits instead.
 */
export const fieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const first: unknown = args.first;
  if (typeof first === 'number') return 1 + Math.max(first, 0) * childComplexity;
  const isList = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
  const inPage = isObjectType(type) && 'pageInfo' in type.getFields();
  if (!isList || inPage || type.name.startsWith('__')) return 1 + childComplexity;
  return 1 + ASSUMED_LIST_SIZE * childComplexity;
};

const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

/** The estimated cost of the operation and the largest page (`first`) it asks for, literal or variable. */
export function estimate(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): {
  cost: number;
  largestPage: number;
} {
  let largestPage = 0;
  const cost = getComplexity({
    ...options,
    estimators: [
      (field) => {
        const first: unknown = field.args.first;
        if (typeof first === 'number') largestPage = Math.max(largestPage, first);
        return fieldCost(field);
      },
    ],
  });
  return { cost, largestPage };
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
          if (estimated.largestPage > limits.maxPageSize) {
            throw new LimitExceededError(
              ErrorCode.PageTooLarge,
              'Page size',
              estimated.largestPage,
              limits.maxPageSize,
            );
          }
          if (estimated.cost > limits.maxCost) {
            throw new LimitExceededError(ErrorCode.QueryTooComplex, 'Query cost', estimated.cost, limits.maxCost);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
