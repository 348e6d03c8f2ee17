import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';

import type { Config } from '../config';
import { BadRequestError, ErrorCode, InternalError, LimitExceededError, RouteNotFoundError } from '../errors';
import { screenDocument } from './limits/screen';
import { sendError } from './respond';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly length?: number;
  readonly received?: number;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError & Error {
  return error instanceof Error && typeof (error as BodyParserError).type === 'string';
}

/** The GraphQL documents a request carries: a GET's `query`, a POST body's, or each of a batch's. */
function documentsOf(request: Request): string[] {
  if (request.method === 'GET') {
    const query: unknown = (request.query as Record<string, unknown>).query;
    return typeof query === 'string' ? [query] : [];
  }
  const body: unknown = request.body;
  const operations: unknown[] = Array.isArray(body) ? body : [body];
  return operations.flatMap((operation) => {
    const query: unknown =
      operation !== null && typeof operation === 'object' ? (operation as { query?: unknown }).query : undefined;
    return typeof query === 'string' ? [query] : [];
  });
}

/**
 * Documents already found within the limits. Clients send the same few documents over and over,
 * and parsing each again to measure it was a few percent of a small request's CPU
 * (docs/benchmarks.md). Bounded in count and size; refused documents are never kept.
 */
class ScreenedDocuments {
  private static readonly MAX_DOCUMENTS = 500;
  private static readonly MAX_LENGTH = 16_384;
  private readonly documents = new Set<string>();

  has(document: string): boolean {
    return this.documents.has(document);
  }

  add(document: string): void {
    if (document.length > ScreenedDocuments.MAX_LENGTH) return;
    // Forget the oldest: a Set iterates in insertion order.
    if (this.documents.size >= ScreenedDocuments.MAX_DOCUMENTS) {
      const oldest = this.documents.values().next();
      if (!oldest.done) this.documents.delete(oldest.value);
    }
    this.documents.add(document);
  }
}

/**
 * What runs before Apollo on /graphql: the JSON body (size-capped), the batch cap, and the
 * document limits (tokens, depth, aliases, root fields). Each refusal is cheap and happens before
 * authentication, validation or any database work; the cost limit needs the schema and the
 * variables and is checked by `costLimitPlugin` once the operation is resolved.
 */
export function graphqlRequestGuards(config: Config): RequestHandler[] {
  const { maxBodyBytes, maxBatchOperations } = config.http;
  const screened = new ScreenedDocuments();
  return [
    express.json({ limit: maxBodyBytes }),
    (request, response, next) => {
      // Express 5 leaves `body` unset when no parser ran (GET, or a text/plain POST). Apollo's
      // middleware takes that for a set-up mistake and answers 500, so mark the body as absent
      // and let Apollo refuse the request itself (CSRF prevention, content type) with a 400.
      if (!('body' in request)) (request as { body?: unknown }).body = undefined;
      const body: unknown = request.body;
      if (Array.isArray(body) && body.length > maxBatchOperations) {
        sendError(
          response,
          new LimitExceededError(ErrorCode.BatchTooLarge, 'Batch size', body.length, maxBatchOperations),
        );
        return;
      }
      for (const document of documentsOf(request)) {
        if (screened.has(document)) continue;
        const refused = screenDocument(document, config.limits);
        if (refused) {
          sendError(response, refused);
          return;
        }
        screened.add(document);
      }
      next();
    },
  ];
}

/** Turns body-parser failures into GraphQL-shaped errors instead of Express's HTML page. */
export const bodyErrors: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  if (!isBodyParserError(error)) {
    next(error);
    return;
  }
  if (error.type === 'entity.too.large') {
    const size = error.length ?? error.received ?? 0;
    const limit = error.limit ?? 0;
    sendError(response, new LimitExceededError(ErrorCode.RequestTooLarge, 'Request body size', size, limit, 413));
  } else if (error.type === 'entity.parse.failed') {
    sendError(response, new BadRequestError('The request body is not valid JSON'));
  } else if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    sendError(response, new BadRequestError('The request body has an unsupported encoding or charset', 415));
  } else if (error.status !== undefined && error.status < 500) {
    sendError(response, new BadRequestError('The request body could not be read', error.status));
  } else {
    next(error);
  }
};

/** The last handler: nothing unexpected reaches a client as a stack trace or an HTML page. */
export function unexpectedErrors(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    log(error);
    sendError(response, new InternalError());
  };
}

/** After every route: a path nothing serves is answered in JSON like every other error. */
export const unknownRoutes: RequestHandler = (request, response) => {
  sendError(response, new RouteNotFoundError(request.method, request.path));
};
