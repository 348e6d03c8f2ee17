import { chromium } from 'playwright-core';

import { bundledChromium, chromiumPath } from '../support/browser';

/** The browser tests need nothing but `npm install`: with no chromium on the machine, the packaged one runs. */
describe('the browser the tests drive', () => {
  it('is CHROMIUM_PATH when set, else the system chromium, else the one shipped in node_modules', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' }, '/bin/sh')).toBe('/opt/chrome/chrome');
    expect(chromiumPath({}, '/bin/sh')).toBe('/bin/sh');
    expect(chromiumPath({ CHROMIUM_PATH: '' }, '/nowhere/chromium')).toBe(bundledChromium());
    expect(bundledChromium()).toContain('/node_modules/.cache/chromium/');
  });

  it('runs the packaged Chromium headless and renders a page', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath({}, '/nowhere/chromium'),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="p">rendered</p><script>document.title = String(1 + 1)</script>');
      expect(await page.title()).toBe('2');
      expect(await page.locator('#p').innerText()).toBe('rendered');
    } finally {
      await browser.close();
    }
  });
});
