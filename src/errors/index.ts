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

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Conflict } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in: this needs a valid API key or token') {
    super(message, { extensions: { code: ErrorCode.Unauthenticated } });
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

/** A failure during start-up that the user can fix; printed as one message, never a stack. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
