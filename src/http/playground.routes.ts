import { resolve } from 'node:path';

import express, { type RequestHandler, Router } from 'express';

import { loadExampleOperations } from './example-operations';

const PLAYGROUND_DIR = resolve(__dirname, '..', '..', 'public', 'playground');

/**
 * GraphiQL at `/`, booted against `/graphql` with the README's example operations as tabs. The
 * page loads nothing from the internet: its scripts come from `vendor.routes.ts`.
 */
export function playgroundRoutes(): Router {
  const router = Router();
  // Read once at start-up: the examples ship with the app and change only with a release.
  const operations = loadExampleOperations().map(({ name, description, document }) => ({
    name,
    description,
    query: document,
  }));
  router.get('/', (_request, response) => {
    response.sendFile(resolve(PLAYGROUND_DIR, 'index.html'));
  });
  router.get('/playground/operations.json', (_request, response) => {
    response.json(operations);
  });
  router.use('/playground', express.static(PLAYGROUND_DIR, { index: false }));
  return router;
}

/**
 * A person who opens `/graphql` in a browser wants to try queries: send them to the playground
 * rather than to Apollo's landing page, which needs the internet. Requests that carry a query
 * (GET with `?query=`, any POST) and clients that do not ask for HTML go on to GraphQL.
 */
export const graphqlInBrowser: RequestHandler = (request, response, next) => {
  const wantsPage = request.method === 'GET' && request.accepts(['application/json', 'text/html']) === 'text/html';
  if (wantsPage && request.query.query === undefined) response.redirect(302, '/');
  else next();
};
