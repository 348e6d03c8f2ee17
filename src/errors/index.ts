import { GraphQLError } from 'graphql';

/**
 * Stable `extensions.code` values. Clients switch on these, so a code once published is never
 * renamed.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Timeout: 'TIMEOUT',
  Internal: 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself is malformed (e.g. its body is not JSON). */
  BadRequest: 'BAD_REQUEST',
  RequestTooLarge: 'REQUEST_TOO_LARGE',
  BatchTooLarge: 'BATCH_TOO_LARGE',
  QueryTooLarge: 'QUERY_TOO_LARGE',
  QueryTooDeep: 'QUERY_TOO_DEEP',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  TooManyAliases: 'TOO_MANY_ALIASES',
  TooManyRootFields: 'TOO_MANY_ROOT_FIELDS',
  PageTooLarge: 'PAGE_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with one input field, named by its path in the request (e.g. `input.name`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class BadUserInputError extends GraphQLError {
  constructor(
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message, { extensions: { code: ErrorCode.BadUserInput, problems } });
  }

  static forField(field: string, message: string): BadUserInputError {
    return new BadUserInputError(`${field}: ${message}`, [{ field, message }]);
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} "${id}" was not found`, { extensions: { code: ErrorCode.NotFound, id } });
  }
}

/** A path and method the HTTP server has no route for. */
export class RouteNotFoundError extends GraphQLError {
  constructor(method: string, path: string) {
    super(
      `No route for ${method} ${path}: the API serves /graphql, /export/…, /health/live, /health/ready, / (the ` +
        'playground) and /explore',
      { extensions: { code: ErrorCode.NotFound, http: { status: 404 } } },
    );
  }
}

/** The HTTP request itself is malformed (a body that is not JSON, an unsupported charset). */
export class BadRequestError extends GraphQLError {
  constructor(message: string, httpStatus = 400) {
    super(message, { extensions: { code: ErrorCode.BadRequest, http: { status: httpStatus } } });
  }
}

export class ConflictError extends GraphQLError {
  /** `changes` names the recorded changes the write conflicts with, when there are some. */
  constructor(message: string, changes?: readonly string[]) {
    super(message, { extensions: { code: ErrorCode.Conflict, ...(changes ? { changes } : {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  /** `httpStatus` is for refusals of the whole request (a bad credential), not of one field. */
  constructor(message = 'Sign in: this needs a valid API key or token', httpStatus?: number) {
    super(message, {
      extensions: { code: ErrorCode.Unauthenticated, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Forbidden } });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message = 'The graph database is unavailable; try again shortly') {
    super(message, { extensions: { code: ErrorCode.ServiceUnavailable } });
  }
}

export class TimeoutError extends GraphQLError {
  constructor(limitMs: number) {
    super(`The query ran longer than the ${limitMs} ms transaction limit and was stopped`, {
      extensions: { code: ErrorCode.Timeout, limitMs },
    });
  }
}

export class InternalError extends GraphQLError {
  constructor(message = 'Internal server error') {
    super(message, { extensions: { code: ErrorCode.Internal } });
  }
}

/**
 * Work a field would do beyond a bound of its own, found while it runs (the subgraph a network
 * measure needs is larger than configured): the field fails, the rest of the answer stands.
 * `details` says which bound and by how much, so a client can narrow its request.
 */
export class TooComplexError extends GraphQLError {
  constructor(message: string, details: { readonly bound: string; readonly limit: number; readonly actual?: number }) {
    super(message, { extensions: { code: ErrorCode.QueryTooComplex, ...details } });
  }
}

export type LimitCode =
  | typeof ErrorCode.RequestTooLarge
  | typeof ErrorCode.BatchTooLarge
  | typeof ErrorCode.QueryTooLarge
  | typeof ErrorCode.QueryTooDeep
  | typeof ErrorCode.QueryTooComplex
  | typeof ErrorCode.TooManyAliases
  | typeof ErrorCode.TooManyRootFields
  | typeof ErrorCode.PageTooLarge;

/**
 * A request over one of the configured limits. The message and the extensions say which limit
 * and by how much ("depth 14 exceeds the limit of 12"), so a client can fix its request.
 */
export class LimitExceededError extends GraphQLError {
  constructor(
    readonly code: LimitCode,
    what: string,
    readonly actual: number,
    readonly limit: number,
    readonly httpStatus = 400,
  ) {
    super(`${what} ${actual} exceeds the limit of ${limit}`, {
      extensions: { code, limit, actual, http: { status: httpStatus } },
    });
  }
}

/** A failure during start-up that the user can fix; printed as one message, never a stack. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
