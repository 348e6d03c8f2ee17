import { resolve } from 'node:path';

import express, { Router } from 'express';

/**
 * A page of the app's own bundle: `page` serves `index.html` from `dir`, whose scripts and styles
 * are served under `assets` (the page links them relative to itself, e.g. `explorer/explorer.js`).
 * A trailing slash is redirected away, since the page's relative links would miss with it.
 */
export function pageRoutes(page: string, assets: string, dir: string): Router {
  const router = Router();
  const name = page.slice(page.lastIndexOf('/') + 1);
  router.get(page, (request, response) => {
    const [path = '', query] = request.originalUrl.split('?');
    if (path.endsWith('/')) {
      response.redirect(301, `../${name}${query === undefined ? '' : `?${query}`}`);
      return;
    }
    response.sendFile(resolve(dir, 'index.html'));
  });
  router.use(assets, express.static(dir, { index: false }));
  return router;
}
