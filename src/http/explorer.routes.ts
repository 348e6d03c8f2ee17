import { resolve } from 'node:path';

import express, { Router } from 'express';

const EXPLORER_DIR = resolve(__dirname, '..', '..', 'public', 'explorer');

/**
 * The graph explorer at `/explore` (`/explore?id=region:kz` opens an entity). The page draws with
 * cytoscape from `vendor.routes.ts` and reads through `/graphql`, so it needs no internet.
 */
export function explorerRoutes(): Router {
  const router = Router();
  router.get('/explore', (request, response) => {
    // The page's links are relative to `/explore`; with a trailing slash they would miss.
    const [path = '', query] = request.originalUrl.split('?');
    if (path.endsWith('/')) {
      response.redirect(301, `../explore${query === undefined ? '' : `?${query}`}`);
      return;
    }
    response.sendFile(resolve(EXPLORER_DIR, 'index.html'));
  });
  router.use('/explorer', express.static(EXPLORER_DIR, { index: false }));
  return router;
}
