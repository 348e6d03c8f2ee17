import { type Request, Router } from 'express';

import { type Authenticate, type ContextDeps, createContext } from '../context';
import { checkRead } from '../modules/auth/auth.checker';
import { EXPORT_FORMATS, type ExportFilterInput, type ExportFormatName } from '../modules/export/export.service';
import { sendError } from './respond';

/** The export routes under `/export`: the path names the format, the query string the filter. */
const ROUTES: Record<string, { format: ExportFormatName; file: string }> = {
  '/graphml': { format: 'graphml', file: 'graph.graphml' },
  '/json': { format: 'json', file: 'graph.json' },
  '/csv/nodes': { format: 'csv-nodes', file: 'nodes.csv' },
  '/csv/relationships': { format: 'csv-relationships', file: 'relationships.csv' },
};

function queryText(request: Request, name: string): string | undefined {
  const value = request.query[name];
  return typeof value === 'string' ? value : undefined;
}

/** "ties-graph-region-kz-2022-2023-nodes.csv": the filter in the name, so downloads do not clash. */
function fileName(filter: ExportFilterInput, file: string): string {
  const parts = [filter.region, filter.sector, filter.from, filter.to]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map((part) => part.trim().replace(/[^\w.-]+/g, '-'));
  return ['ties-graph', ...parts, file].join('-');
}

/**
 * GraphML, JSON and neo4j-admin CSV exports of the whole graph or of a subgraph
 * (`?region=region:kz&sector=sector:energy&from=2022&to=2023`), streamed page by page.
 */
export function exportRoutes(deps: ContextDeps & { readonly authenticate?: Authenticate }): Router {
  const router = Router();
  for (const [path, { format, file }] of Object.entries(ROUTES)) {
    router.get(path, async (request, response) => {
      const input: ExportFilterInput = {
        region: queryText(request, 'region'),
        sector: queryText(request, 'sector'),
        from: queryText(request, 'from'),
        to: queryText(request, 'to'),
      };
      let context;
      let filter;
      try {
        context = createContext(deps, deps.authenticate ? await deps.authenticate(request) : null);
        checkRead(context);
        filter = await context.services.export.filter(input);
      } catch (error) {
        sendError(response, error);
        return;
      }
      const writer = EXPORT_FORMATS[format]();
      response.setHeader('Content-Type', writer.contentType);
      response.setHeader('Content-Disposition', `attachment; filename="${fileName(input, file)}"`);
      response.setHeader('Cache-Control', 'no-store');
      try {
        await context.services.export.write(writer, filter, response);
        response.end();
      } catch (error) {
        if (!response.headersSent) {
          sendError(response, error);
          return;
        }
        // Part of the file is out already: cut the connection so the client sees a failed download,
        // not a complete-looking truncated file.
        if (!response.destroyed) deps.logger.error(`export ${format} failed after it started`, error);
        response.destroy();
      }
    });
  }
  return router;
}
