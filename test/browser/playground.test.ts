import type { Browser } from 'playwright-core';

import { exampleOperation, loadExampleOperations } from '../../src/http/example-operations';
import { launchBrowser, offline } from '../support/browser';
import { Harness } from '../support/harness';

/** GraphiQL at `/`, served from the app's own bundle, with the README's examples as tabs. */
describe('playground', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  let browser: Browser;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    server = await harness.serve();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await harness?.close();
  });

  it('serves a page whose scripts and styles all come from the app itself', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const assets = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toContain('vendor/graphiql.min.js');
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const served = await fetch(new URL(asset, `${server.url}/`));
      expect(served.status).toBe(200);
    }
    const operations = (await (await fetch(`${server.url}/playground/operations.json`)).json()) as { name: string }[];
    expect(operations.map((operation) => operation.name)).toEqual(loadExampleOperations().map((op) => op.name));
  });

  it('opens the example operations as tabs and runs one, with no request leaving the server', async () => {
    const page = await browser.newPage();
    const { external, errors } = await offline(page, server.url);
    await page.goto(`${server.url}/`);
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    expect(await tabs.count()).toBe(loadExampleOperations().length);

    // The first tab holds the first example; run it and read the answer in the result pane.
    expect(exampleOperation('ForumDocuments').document).toBe(loadExampleOperations()[0]!.document);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('COMMERCIAL_AGREEMENT').waitFor();
    expect(await result.innerText()).toContain('"currency": "USD"');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
