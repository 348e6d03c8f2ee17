import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium; `.ci/run` installs it on a fresh machine. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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
