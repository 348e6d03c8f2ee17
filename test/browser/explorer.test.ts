import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';

import { launchBrowser, offline } from '../support/browser';
import { EDITOR, Harness } from '../support/harness';

const ARTIFACTS = join(__dirname, '..', '..', '.artifacts');
const SOURCE_NAME = 'Kazakhstan and China sign commercial agreements worth $565m';

/** A 2024 energy agreement binding Kazakhstan, so the period and sector filters have something to hide. */
const EXTRA_REPORT = {
  source: { id: 'source:explorer-test', name: 'Explorer test source' },
  entities: [
    {
      ref: 'deal',
      document: {
        id: 'doc:explorer-test-energy-deal',
        kind: 'COMMERCIAL_AGREEMENT',
        title: 'Explorer test energy deal',
        signedOn: '2024-01-10',
      },
    },
  ],
  ties: [
    { type: 'BINDS', from: 'deal', to: 'region:kz' },
    { type: 'COVERS', from: 'deal', to: 'sector:energy' },
  ],
};

type Point = { x: number; y: number };

declare global {
  interface Window {
    tiesExplorer: { cy: Core };
  }
}

/** Where an element of the graph is on the page, for a real mouse click. */
async function pagePoint(page: Page, rendered: Point): Promise<Point> {
  const box = await page.locator('#graph').boundingBox();
  return { x: box!.x + rendered.x, y: box!.y + rendered.y };
}

describe('explorer', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  let browser: Browser;

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    const ingested = await harness.run(
      'mutation ($report: ReportInput!) { ingestReport(report: $report) { sourceId } }',
      { report: EXTRA_REPORT },
      EDITOR,
    );
    expect(ingested.errors).toBeUndefined();
    server = await harness.serve();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await harness?.close();
  });

  it('searches, draws by type, expands on click, shows an edge’s sources and filters by period and sector', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { external, errors } = await offline(page, server.url);
    await page.goto(`${server.url}/explore`);

    // Search and open an entity: its neighbourhood is drawn, coloured by type.
    await page.fill('#search', 'Kazakhstan');
    await page.locator('#results button[data-id="region:kz"]').click();
    await page.locator('#status', { hasText: /^Drawn: \d+ entities/ }).waitFor();
    const drawn = () =>
      page.evaluate(() =>
        window.tiesExplorer.cy.nodes().map((node) => ({
          id: node.id(),
          type: node.data('type') as string,
          colour: String(node.style('background-color')),
        })),
      );
    const first = await drawn();
    expect(first.map((node) => node.id)).toEqual(
      expect.arrayContaining(['region:kz', 'forum:kz-xuar-cross-border-dialogue-2', 'doc:explorer-test-energy-deal']),
    );
    const colourByType = new Map<string, Set<string>>();
    for (const node of first) colourByType.set(node.type, (colourByType.get(node.type) ?? new Set()).add(node.colour));
    for (const colours of colourByType.values()) expect(colours.size).toBe(1);
    expect(new Set([...colourByType.values()].map((colours) => [...colours][0])).size).toBe(colourByType.size);
    expect(new URL(page.url()).searchParams.get('id')).toBe('region:kz');

    // Click a node: it expands, bringing in who attended the dialogue.
    const forum = 'forum:kz-xuar-cross-border-dialogue-2';
    const forumAt = await page.evaluate((id) => window.tiesExplorer.cy.getElementById(id).renderedPosition(), forum);
    const click = await pagePoint(page, forumAt);
    await page.mouse.click(click.x, click.y);
    await page.waitForFunction((id) => window.tiesExplorer.cy.getElementById(id).hasClass('expanded'), forum);
    await page.locator('#status', { hasText: /^Drawn:/ }).waitFor();
    const expanded = await drawn();
    expect(expanded.length).toBeGreaterThan(first.length);
    expect(expanded.map((node) => node.id)).toContain('official:serik-zhumangarin');

    // Click an edge (one whose middle no node covers): its sources are listed.
    const edgeAt = await page.evaluate(() => {
      const { cy } = window.tiesExplorer;
      const boxes = cy.nodes().map((node) => node.renderedBoundingBox({ includeLabels: true }));
      const free = cy.edges().filter((edge) => {
        const { x, y } = edge.renderedMidpoint();
        const others = cy
          .edges()
          .filter(
            (other) =>
              other !== edge && Math.hypot(other.renderedMidpoint().x - x, other.renderedMidpoint().y - y) < 12,
          );
        return (
          others.length === 0 &&
          boxes.every((box) => x < box.x1 - 4 || x > box.x2 + 4 || y < box.y1 - 4 || y > box.y2 + 4)
        );
      });
      const edge = free[0]!;
      return { id: edge.id(), type: edge.data('type') as string, point: edge.renderedMidpoint() };
    });
    const edgeClick = await pagePoint(page, edgeAt.point);
    await page.mouse.click(edgeClick.x, edgeClick.y);
    await page.locator('#edge-sources li').first().waitFor();
    expect(await page.evaluate(() => window.tiesExplorer.cy.$('edge:selected').map((edge) => edge.id()))).toEqual([
      edgeAt.id,
    ]);
    expect(await page.locator('#details h2').first().innerText()).toBe(edgeAt.type);
    expect(await page.locator('#edge-sources').innerText()).toMatch(
      new RegExp(`(${SOURCE_NAME.replace(/[$]/g, '\\$')}|Explorer test source)`),
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });

    // Filters: 2023 hides the 2022 figures and the 2024 deal; mining hides the energy-only deal.
    const hidden = () =>
      page.evaluate(() =>
        window.tiesExplorer.cy
          .nodes('.filtered')
          .map((node) => node.id())
          .sort(),
      );
    await page.fill('#from', '2023');
    await page.fill('#to', '2023');
    await page.locator('#to').dispatchEvent('change');
    expect(await hidden()).toEqual(
      expect.arrayContaining([
        'doc:explorer-test-energy-deal',
        'figure:kz-cn-trade-2022',
        'figure:kz-exports-to-cn-2022',
      ]),
    );
    expect(await hidden()).not.toContain('doc:kz-xuar-dialogue-2-commercial');
    await page.fill('#from', '');
    await page.fill('#to', '');
    await page.locator('#sector').selectOption('sector:mining');
    // The dialogue's documents cover mining (a part through its package); the deal does not.
    expect(await hidden()).toEqual(['doc:explorer-test-energy-deal']);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});
