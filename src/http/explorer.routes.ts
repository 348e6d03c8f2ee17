import { resolve } from 'node:path';

import { Router } from 'express';
import type { GraphQLSchema } from 'graphql';

import { panelQueries, type PanelQueries } from './explorer.queries';
import { pageRoutes } from './page.routes';

const EXPLORER_DIR = resolve(__dirname, '..', '..', 'public', 'explorer');

/**
 * The graph explorer at `/explore` (`/explore?id=region:kz` opens an entity). The page draws with
 * cytoscape and its layouts from `vendor.routes.ts` and reads through `/graphql`, so it needs no
 * internet. `/explorer/queries.json` holds the property panel's queries, derived from the schema
 * at start-up (the page cannot introspect: production turns introspection off).
 */
export function explorerRoutes(schema: GraphQLSchema): Router {
  const router = Router();
  // Derived on first use: an app built on another schema (tests of the HTTP layer) still starts.
  let queries: PanelQueries | undefined;
  router.get('/explorer/queries.json', (_request, response) => {
    queries ??= panelQueries(schema);
    response.json(queries);
  });
  router.use(pageRoutes('/explore', '/explorer', EXPLORER_DIR));
  return router;
}
