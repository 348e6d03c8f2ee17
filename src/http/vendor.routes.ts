import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Router } from 'express';

/**
 * Browser libraries served from the app's own node_modules, so the playground and the explorer
 * work without internet access. Only these files are exposed, never the package folders.
 */
const VENDOR_FILES: Record<string, readonly [pkg: string, file: string]> = {
  'react.production.min.js': ['react', 'umd/react.production.min.js'],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.min.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css'],
  'cytoscape.min.js': ['cytoscape', 'dist/cytoscape.min.js'],
  // fcose and its layout engine, in the order the page loads them (each UMD bundle finds the one before).
  'layout-base.js': ['layout-base', 'layout-base.js'],
  'cose-base.js': ['cose-base', 'cose-base.js'],
  'cytoscape-fcose.js': ['cytoscape-fcose', 'cytoscape-fcose.js'],
  'cola.min.js': ['webcola', 'WebCola/cola.min.js'],
  'cytoscape-cola.js': ['cytoscape-cola', 'cytoscape-cola.js'],
  'cytoscape-svg.js': ['cytoscape-svg', 'cytoscape-svg.js'],
};

/**
 * A file inside an installed package. `require.resolve` cannot be used: packages with an
 * `exports` map (react, cytoscape) do not export their UMD bundles.
 */
function packageFile(pkg: string, file: string): string {
  for (const base of require.resolve.paths(pkg) ?? []) {
    const candidate = join(base, pkg, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${pkg}/${file} is missing: run "npm install"`);
}

export function vendorRoutes(): Router {
  const router = Router();
  for (const [name, [pkg, file]] of Object.entries(VENDOR_FILES)) {
    const path = packageFile(pkg, file);
    router.get(`/vendor/${name}`, (_request, response) => {
      response.sendFile(path, { maxAge: '1h' });
    });
  }
  return router;
}
