import { resolve } from 'node:path';

import type { Router } from 'express';

import { pageRoutes } from './page.routes';

const REVIEW_DIR = resolve(__dirname, '..', '..', 'public', 'review');

/**
 * The review page at `/review`: paste an article, draft a report from it (`extractReport`), accept,
 * edit or reject each statement, and ingest what was accepted with an editor key. Everything it
 * loads comes from the app (the entity colours from the explorer's folder).
 */
export function reviewRoutes(): Router {
  return pageRoutes('/review', '/review', REVIEW_DIR);
}
