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

  it('gives a returning user the new examples, keeping the tabs they wrote or edited', async () => {
    const examples = loadExampleOperations();
    const names = examples.map((operation) => operation.name);
    const context = await browser.newContext();
    const page = await context.newPage();
    const { errors } = await offline(page, server.url);
    const titles = async (): Promise<string[]> => {
      await page.locator('.graphiql-tab').first().waitFor();
      return (await page.locator('.graphiql-tab .graphiql-tab-button').allInnerTexts()).map((title) => title.trim());
    };
    const store = (tabs: { query: string }[], record?: Record<string, string>) =>
      page.evaluate(
        ({ tabs, record }) => {
          localStorage.setItem(
            'graphiql:tabState',
            JSON.stringify({
              activeTabIndex: tabs.length - 1,
              tabs: tabs.map(({ query }, index) => ({
                id: `stored-${index}`,
                // As GraphiQL titles a tab: its operation name.
                title: /query\s+(\w+)/.exec(query)?.[1] ?? '<untitled>',
                query,
                variables: null,
                headers: null,
                operationName: null,
                response: null,
              })),
            }),
          );
          if (record) {
            localStorage.setItem(
              'ties-graph:playground-examples',
              JSON.stringify({ version: 'older', queries: record }),
            );
          } else {
            localStorage.removeItem('ties-graph:playground-examples');
          }
        },
        { tabs, record },
      );
    await page.goto(`${server.url}/`);
    await titles();

    // Tabs stored by an earlier release, before examples were recorded: its ForumDocuments asked
    // no document name; one tab is the user's own, and one is empty.
    const oldForumDocuments = exampleOperation('ForumDocuments').document.replace(/^ {6}name\n/m, '');
    expect(oldForumDocuments).not.toBe(exampleOperation('ForumDocuments').document);
    const own = 'query MyRegions {\n  regions {\n    nodes {\n      name\n    }\n  }\n}\n';
    await store([{ query: oldForumDocuments }, { query: own }, { query: '' }]);
    await page.reload();
    expect(await titles()).toEqual([...names, 'MyRegions']);
    // The first tab is open and holds the new ForumDocuments, whose documents have names.
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('5 commercial agreements').waitFor();

    // Coming back changes nothing: no duplicate, no empty tab.
    await page.reload();
    expect(await titles()).toEqual([...names, 'MyRegions']);

    // The next release changes TiesBetween: the untouched old text is replaced, an edited example kept.
    const shipped = Object.fromEntries(examples.map((operation) => [operation.name, operation.document]));
    const oldTies = 'query TiesBetween {\n  ties(a: "region:kz", b: "region:cn") {\n    connected\n  }\n}\n';
    const editedPath = exampleOperation('ShortestPath').document.replace('maxHops: $maxHops', 'maxHops: 2');
    await store([{ query: examples[0]!.document }, { query: oldTies }, { query: editedPath }, { query: own }], {
      ...shipped,
      TiesBetween: oldTies,
    });
    await page.reload();
    expect(await titles()).toEqual([...names, 'ShortestPath', 'MyRegions']);

    expect(errors).toEqual([]);
    await context.close();
  });
});
