// Builds the TypeScript sources into dist/ on a fresh clone and again whenever a source file is
// newer than the build (e.g. after a pull), so nothing runs stale code and an unchanged tree
// starts without waiting for the compiler.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Returns the path of `relative` (e.g. "cli/index.js") inside dist/, built when needed. */
module.exports = function ensureBuilt(relative) {
  const entry = join(root, 'dist', relative);
  const config = join(root, 'tsconfig.build.json');
  const newest = Math.max(newestSource(join(root, 'src')), statSync(config).mtimeMs);
  if (!existsSync(entry) || statSync(entry).mtimeMs < newest) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { stdio: 'inherit' });
  }
  return entry;
};
