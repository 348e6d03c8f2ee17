import { GraphQLError } from 'graphql';

import type { Logger } from '../logger';
import { createErrorFormatter } from './format';
import { BadUserInputError, ErrorCode, LimitExceededError } from './index';

describe('error formatting', () => {
  const logged: string[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: () => undefined,
    error: (message) => logged.push(message),
  };
  const leak = new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n) WHERE n.id = $id DETACH DELETE n');

  it('in production, replaces an unexpected error with a generic one and logs it', () => {
    const format = createErrorFormatter(true, logger);
    const formatted = format(
      {
        message: leak.message,
        path: ['forum'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: [leak.stack ?? ''] },
      },
      new GraphQLError(leak.message, { originalError: leak }),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['forum'],
      extensions: { code: ErrorCode.Internal },
    });
    expect(logged.at(-1)).toMatch(/unexpected error at forum/);
  });

  it('keeps the messages written for clients', () => {
    const format = createErrorFormatter(true, logger);
    const input = BadUserInputError.forField('first', 'must not be greater than 100');
    const limit = new LimitExceededError(ErrorCode.QueryTooDeep, 'Query depth', 14, 12);
    for (const error of [input, limit]) {
      const formatted = { message: error.message, extensions: error.extensions };
      expect(format(formatted, error)).toBe(formatted);
    }
    const syntax = { message: 'Syntax Error: Expected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(format(syntax, new GraphQLError(syntax.message))).toBe(syntax);
  });

  it('outside production, keeps the details but still gives every error a code', () => {
    const format = createErrorFormatter(false, logger);
    expect(format({ message: 'boom' }, new Error('boom'))).toEqual({
      message: 'boom',
      extensions: { code: ErrorCode.Internal },
    });
  });
});
