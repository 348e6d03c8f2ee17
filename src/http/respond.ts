import type { Response } from 'express';
import { GraphQLError } from 'graphql';

import { ErrorCode, InternalError } from '../errors';

/** The HTTP status of an error that carries none of its own (`extensions.http.status`). */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Timeout]: 504,
};

/**
 * Sends an error outside GraphQL (a refused body, a limit, an export's filter, an unknown route)
 * in the shape GraphQL clients know, `{ errors: [{ message, extensions: { code, … } }] }`. Only
 * the errors of `src/errors` say what went wrong; anything else is an internal error, whose
 * details stay in the log.
 */
export function sendError(response: Response, error: unknown): void {
  const known = error instanceof GraphQLError ? error : new InternalError();
  const { http, ...extensions } = known.extensions as { http?: { status?: number } } & Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : ErrorCode.Internal;
  response.status(http?.status ?? STATUS[code] ?? 500).json({
    errors: [{ message: known.message, extensions: { ...extensions, code } }],
  });
}
