import { Router } from 'express';

import type { Availability } from '../db/availability';
import type { SupervisedStatus } from '../db/supervisor';

/**
 * Liveness answers while the process runs, whatever Neo4j does (restarting the API would not
 * bring Neo4j back). Readiness says whether requests can be served now and, when the API runs
 * its own Neo4j, how that process fares (restarts, the last crash).
 */
export function healthRoutes(availability: Availability, embeddedStatus?: () => SupervisedStatus | null): Router {
  const router = Router();
  router.get('/health/live', (_request, response) => {
    response.json({ status: 'live' });
  });
  router.get('/health/ready', async (_request, response) => {
    const embedded = embeddedStatus?.() ?? null;
    const neo4j = embedded ? { embedded: true, ...embedded } : { embedded: false };
    if (embedded && embedded.state !== 'running') {
      const reason =
        embedded.state === 'restarting'
          ? `the embedded Neo4j is restarting (attempt ${embedded.attempt} of ${embedded.maxAttempts})`
          : `the embedded Neo4j is ${embedded.state}`;
      response.status(503).json({ status: 'not ready', reason, neo4j });
    } else if (await availability.check()) {
      response.json({ status: 'ready', neo4j });
    } else {
      response.status(503).json({ status: 'not ready', reason: 'Neo4j is unreachable', neo4j });
    }
  });
  return router;
}
