import { Router } from 'express';

import type { Availability } from '../db/availability';

/**
 * Liveness answers while the process runs, whatever Neo4j does (restarting the API would not
 * bring Neo4j back). Readiness says whether requests can be served now.
 */
export function healthRoutes(availability: Availability): Router {
  const router = Router();
  router.get('/health/live', (_request, response) => {
    response.json({ status: 'live' });
  });
  router.get('/health/ready', async (_request, response) => {
    if (await availability.check()) {
      response.json({ status: 'ready' });
    } else {
      response.status(503).json({ status: 'not ready', reason: 'Neo4j is unreachable' });
    }
  });
  return router;
}
