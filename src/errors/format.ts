import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

import type { Logger } from '../logger';
import { ErrorCode } from './index';

/**
 * Codes whose messages are written for clients: ours, and the GraphQL pipeline's own for
 * requests it could not parse, validate or coerce. Anything else is unexpected.
 */
const CLIENT_FACING = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Apollo's `formatError`. Every error leaves with an `extensions.code`. An unexpected error (a
 * bug, a driver failure mapDriverError does not know) is logged whole; in production the client
 * sees only `INTERNAL_SERVER_ERROR` and a generic message, never a stack, Cypher or driver text.
 */
export function createErrorFormatter(production: boolean, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_FACING.has(code)) return formatted;
    logger.error(
      `unexpected error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}`,
      unwrapResolverError(error),
    );
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.Internal } };
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.Internal },
    };
  };
}
