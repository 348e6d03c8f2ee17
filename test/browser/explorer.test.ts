import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';

import { launchBrowser, offline } from '../support/browser';
import { EDITOR, Harness } from '../support/harness';

const ARTIFACTS = join(__dirname, '..', '..', '.artifacts');
const SOURCE_NAME = 'Kazakhstan and China sign commercial agreements worth $565m';
const DEAL = 'doc:explorer-test-energy-deal';

/** A 2024 energy agreement binding Kazakhstan, so the period and sector filters have something to hide. */
const EXTRA_REPORT = {
  source: {
    id: 'source:explorer-test',
    name: 'Explorer test source',
    publisher: 'Explorer Test Wire',
    publishedOn: '2024-01-12',
    url: 'https://example.org/explorer-test',
  },
  entities: [
    {
      ref: 'deal',
      locator: '¶2',
      quote: 'a test energy deal of about $120m',
      document: {
        id: DEAL,
        kind: 'COMMERCIAL_AGREEMENT',
        title: 'Explorer test energy deal',
        signedOn: '2024-01-10',
        value: { amount: 120e6, currency: 'USD', qualifier: 'APPROXIMATE' },
      },
    },
  ],
  ties: [
    { type: 'BINDS', from: 'deal', to: 'region:kz', locator: '¶2', quote: 'Kazakhstan is bound by the test deal' },
    { type: 'COVERS', from: 'deal', to: 'sector:energy' },
  ],
};

/** A second source putting another value on the deal: a disputed claim. */
const DISPUTING_REPORT = {
  source: { id: 'source:explorer-test-2', name: 'Explorer second test source', publisher: 'Other Test Desk' },
  entities: [
    {
      ref: 'deal',
      locator: '¶4',
      quote: 'the deal is put at $150m',
      document: { id: DEAL, kind: 'COMMERCIAL_AGREEMENT', value: { amount: 150e6, currency: 'USD' } },
    },
  ],
};

type Point = { x: number; y: number };

declare global {
  interface Window {
    tiesExplorer: {
      cy: Core;
      labelOverlaps: () => [string, string][];
      findPath: (from: string, to: string) => Promise<void>;
    };
  }
}

describe('explorer', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  let browser: Browser;
  // One page for the whole file, each test going on from where the last one left the view.
  let page: Page;
  let watched: { external: string[]; errors: string[] };

  /** Where an element of the graph is on the page, for a real mouse click. */
  async function pagePoint(rendered: Point): Promise<Point> {
    const box = await page.locator('#graph').boundingBox();
    return { x: box!.x + rendered.x, y: box!.y + rendered.y };
  }

  async function clickNode(id: string, options: { shift?: boolean; double?: boolean } = {}) {
    const at = await page.evaluate((nodeId) => {
      const { cy } = window.tiesExplorer;
      const node = cy.getElementById(nodeId);
      const { x, y } = node.renderedPosition();
      // Bring it into view first, as a person would.
      if (x < 20 || y < 20 || x > cy.width() - 20 || y > cy.height() - 20) cy.center(node);
      return node.renderedPosition();
    }, id);
    const point = await pagePoint(at);
    if (options.shift) await page.keyboard.down('Shift');
    if (options.double) await page.mouse.dblclick(point.x, point.y);
    else await page.mouse.click(point.x, point.y);
    if (options.shift) await page.keyboard.up('Shift');
  }

  /** Waits until no read or layout is under way. */
  async function settled() {
    await page.waitForFunction(() => document.body.dataset.busy === '0');
  }

  async function panelReady() {
    await page.waitForFunction(() => document.getElementById('details')?.dataset.state === 'ready');
  }

  const drawnIds = () =>
    page.evaluate(() =>
      window.tiesExplorer.cy
        .nodes()
        .map((node) => node.id())
        .sort(),
    );

  function screenshot(name: string) {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: join(ARTIFACTS, `explorer-${name}.png`) });
  }

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    for (const report of [EXTRA_REPORT, DISPUTING_REPORT]) {
      const ingested = await harness.run(
        'mutation ($report: ReportInput!) { ingestReport(report: $report) { sourceId } }',
        { report },
        EDITOR,
      );
      expect(ingested.errors).toBeUndefined();
    }
    server = await harness.serve();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watched = await offline(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await harness?.close();
  });

  afterEach(() => {
    expect(watched.errors).toEqual([]);
    expect(watched.external).toEqual([]);
  });

  it('searches, draws by type, expands on double-click, and shows an edge’s sources', async () => {
    await page.goto(`${server.url}/explore`);
    await page.fill('#search', 'Kazakhstan');
    await page.locator('#results button[data-id="region:kz"]').click();
    await page.locator('#status', { hasText: /^Drawn: \d+ entities/ }).waitFor();
    await settled();
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
      expect.arrayContaining(['region:kz', 'forum:kz-xuar-cross-border-dialogue-2', DEAL]),
    );
    const colourByType = new Map<string, Set<string>>();
    for (const node of first) colourByType.set(node.type, (colourByType.get(node.type) ?? new Set()).add(node.colour));
    for (const colours of colourByType.values()) expect(colours.size).toBe(1);
    expect(new Set([...colourByType.values()].map((colours) => [...colours][0])).size).toBe(colourByType.size);
    expect(new URL(page.url()).searchParams.get('id')).toBe('region:kz');

    // A click selects and shows the panel; a double-click expands, bringing in who attended.
    const forum = 'forum:kz-xuar-cross-border-dialogue-2';
    await clickNode(forum);
    await panelReady();
    expect(await page.locator('#details h2').first().innerText()).toMatch(/^Second friendly dialogue/);
    expect((await drawn()).length).toBe(first.length);
    await clickNode(forum, { double: true });
    await page.waitForFunction((id) => window.tiesExplorer.cy.getElementById(id).hasClass('expanded'), forum);
    await settled();
    const expanded = await drawn();
    expect(expanded.length).toBeGreaterThan(first.length);
    expect(expanded.map((node) => node.id)).toContain('official:serik-zhumangarin');
    await screenshot('expanded');
  });

  it('shows every field of the selected entity, its sources, disputed claims and history, and links its query', async () => {
    await clickNode(DEAL);
    await panelReady();
    const details = page.locator('#details');
    expect(await details.locator('h2').first().innerText()).toBe('Explorer test energy deal');
    const field = (name: string) => details.locator(`dd[data-field="${name}"]`).innerText();
    // The value as first stated, with its qualifier; the date with its precision.
    expect(await field('value')).toBe('about 120,000,000 USD');
    expect(await field('signedOn')).toBe('2024-01-10 (day)');
    expect(await field('count')).toBe('1');
    expect(await field('kind')).toBe('commercial agreement');
    expect(await field('parties')).toContain('Kazakhstan');
    expect(await field('sectors')).toContain('Energy');
    expect(await details.innerText()).toMatch(/Not stated: .*in force on/);

    const sources = await details.locator('#panel-sources').innerText();
    expect(sources).toContain('Explorer test source');
    expect(sources).toContain('Explorer Test Wire · published 2024-01-12 · at ¶2');
    expect(sources).toContain('a test energy deal of about $120m');
    expect(sources).toContain('Explorer second test source');
    expect(sources).toContain('the deal is put at $150m');
    expect(await details.locator('#panel-sources a').first().getAttribute('href')).toBe(
      'https://example.org/explorer-test',
    );

    const claims = await details.locator('#panel-claims').innerText();
    expect(claims).toMatch(/Value: sources disagree/);
    expect(claims).toContain('valueAmount: 120,000,000');
    expect(claims).toContain('valueAmount: 150,000,000');
    expect(await details.locator('#panel-claims li.shown').innerText()).toContain('120,000,000');

    const history = await details.locator('#panel-history').innerText();
    expect(history).toMatch(/History \(2\)/);
    expect(history).toContain('ingestReport');
    expect(history).toContain('from “Explorer second test source”');
    expect(history).toMatch(/valueAmount: 120000000 → 150000000|valueAmount: 120000000/);
    // A reader is not told who made a change.
    expect(history).not.toMatch(/\bby (key|jwt|test-editor)/);
    await screenshot('panel');

    // The link opens the panel's own query in the playground, in a tab of its own, and it answers.
    const href = await details.locator('#open-in-playground').getAttribute('href');
    const link = new URL(href!);
    expect(link.pathname).toBe('/');
    expect(link.searchParams.get('query')).toMatch(/query DocumentDetails\(\$id: ID!\)/);
    expect(JSON.parse(link.searchParams.get('variables')!)).toEqual({ id: DEAL });
    const playground = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const playgroundWatch = await offline(playground, server.url);
    await playground.goto(href!);
    await playground.locator('.graphiql-tab-active', { hasText: 'DocumentDetails' }).waitFor();
    expect(await playground.locator('.graphiql-tab').count()).toBeGreaterThan(1);
    await playground.locator('.graphiql-execute-button').click();
    await playground.locator('.result-window').getByText('Explorer test energy deal').first().waitFor();
    await playground.screenshot({ path: join(ARTIFACTS, 'explorer-playground-link.png') });
    expect(playgroundWatch.errors).toEqual([]);
    expect(playgroundWatch.external).toEqual([]);
    await playground.close();
  });

  it('shows a tie: what it means, its sources with their words, its history and what else joins its ends', async () => {
    // A real click on the middle of a tie that no node, label or other tie comes near.
    const edgeAt = await page.evaluate(() => {
      const { cy } = window.tiesExplorer;
      const boxes = cy.nodes().map((node) => node.renderedBoundingBox({ includeLabels: true }));
      const distanceToSegment = (p: Point, a: Point, b: Point) => {
        const length = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
        const t =
          length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length));
        return Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y)));
      };
      const free = cy.edges().filter((edge) => {
        if (edge.parallelEdges().length > 1) return false;
        const middle = edge.renderedMidpoint();
        const clear = cy
          .edges()
          .toArray()
          .every(
            (other: EdgeSingular) =>
              other.id() === edge.id() ||
              distanceToSegment(middle, other.source().renderedPosition(), other.target().renderedPosition()) > 12,
          );
        return (
          clear &&
          boxes.every(
            (box) => middle.x < box.x1 - 6 || middle.x > box.x2 + 6 || middle.y < box.y1 - 6 || middle.y > box.y2 + 6,
          )
        );
      });
      const edge = free[0]!;
      return { id: edge.id(), type: edge.data('type') as string, point: edge.renderedMidpoint() };
    });
    const click = await pagePoint(edgeAt.point);
    await page.mouse.click(click.x, click.y);
    await panelReady();
    expect(await page.evaluate(() => window.tiesExplorer.cy.$('edge:selected').map((edge) => edge.id()))).toEqual([
      edgeAt.id,
    ]);
    expect(await page.locator('#details h2').first().innerText()).toBe(edgeAt.type);
    expect(await page.locator('#panel-sources').innerText()).toMatch(
      new RegExp(`(${SOURCE_NAME.replace(/[$]/g, '\\$')}|Explorer test source)`),
    );

    // The deal binding Kazakhstan: its quote, its history, the other ways the two are joined.
    await page.evaluate((deal) => {
      const { cy } = window.tiesExplorer;
      const edge = cy.edges().filter((each) => each.data('type') === 'BINDS' && each.source().id() === deal)[0]!;
      cy.elements().unselect();
      edge.select();
      edge.emit('tap');
    }, DEAL);
    await panelReady();
    const details = await page.locator('#details').innerText();
    expect(details).toContain('A party bound by a document');
    expect(details).toContain('Explorer test energy deal → Kazakhstan');
    expect(details).toContain('Kazakhstan is bound by the test deal');
    expect(details).toContain('Explorer Test Wire · published 2024-01-12 · at ¶2');
    expect(details).toMatch(/History \(1\)/);
    expect(await page.locator('#panel-connections').innerText()).toMatch(/shared sector|Also joining them \(0\)/);
    const href = await page.locator('#open-in-playground').getAttribute('href');
    expect(JSON.parse(new URL(href!).searchParams.get('variables')!)).toEqual({
      type: 'BINDS',
      from: DEAL,
      to: 'region:kz',
      title: null,
    });
    await screenshot('edge');
  });

  it('offers a choice of layouts, each leaving no label over another node or label', async () => {
    const layouts = await page
      .locator('#layout option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(layouts).toEqual(['fcose', 'cola', 'concentric', 'breadthfirst', 'circle', 'grid', 'cose']);
    for (const layout of [...layouts.slice(1), 'fcose']) {
      await page.selectOption('#layout', layout);
      await settled();
      expect((await page.locator('#status').getAttribute('class')) ?? '').not.toContain('error');
      expect(await page.evaluate(() => window.tiesExplorer.labelOverlaps())).toEqual([]);
      await screenshot(`layout-${layout}`);
    }
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('layout') === 'fcose');
    // Tie types show close up only, where they have room.
    const labelled = () =>
      page.evaluate(
        () =>
          window.tiesExplorer.cy
            .edges()
            .not(':selected')
            .filter((edge) => edge.style('label') !== '').length,
      );
    await page.mouse.move(5, 5);
    expect(await labelled()).toBe(0);
    await page.evaluate(() => {
      window.tiesExplorer.cy.zoom({ level: 2, renderedPosition: { x: 350, y: 350 } });
    });
    expect(await labelled()).toBeGreaterThan(0);
    await screenshot('close-up');
    await page.click('#fit');
  });

  it('finds and highlights the shortest paths between two selected entities, drawing what they pass through', async () => {
    const zhumangarin = 'official:serik-zhumangarin';
    await page.evaluate(() => {
      window.tiesExplorer.cy.elements().unselect();
    });
    await clickNode(zhumangarin);
    await clickNode(DEAL, { shift: true });
    expect(await page.locator('#find-path').isEnabled()).toBe(true);
    await page.click('#find-path');
    await settled();
    const details = page.locator('#details');
    expect(await details.locator('h2').innerText()).toBe('Path: Serik Zhumangarin → Explorer test energy deal');
    const onPath = () =>
      page.evaluate(() => {
        const { cy } = window.tiesExplorer;
        return {
          nodes: cy.nodes('.path').map((node) => node.id()),
          edges: cy.edges('.path').length,
          faded: cy.elements('.faded').length,
          drawnEdgesOnPath: cy
            .edges('.path')
            .toArray()
            .every((edge: EdgeSingular) => edge.source().hasClass('path') && edge.target().hasClass('path')),
        };
      });
    const path = await onPath();
    expect(path.nodes).toEqual(expect.arrayContaining([zhumangarin, DEAL, 'region:kz']));
    expect(path.edges).toBeGreaterThanOrEqual(2);
    expect(path.drawnEdgesOnPath).toBe(true);
    expect(path.faded).toBeGreaterThan(0);
    expect(await details.locator('ol.paths li').count()).toBeGreaterThan(0);
    await screenshot('path');
    await page.click('#clear-path');
    expect((await onPath()).nodes).toEqual([]);

    // A path to an entity not drawn brings in the entities and ties it runs through.
    const before = (await drawnIds()).length;
    await page.evaluate(() => window.tiesExplorer.findPath('region:kz', 'org:ccp-politburo'));
    await settled();
    const far = await onPath();
    expect(far.nodes).toEqual(expect.arrayContaining(['region:kz', 'org:ccp-politburo']));
    expect(far.drawnEdgesOnPath).toBe(true);
    expect((await drawnIds()).length).toBeGreaterThan(before);
    expect(await page.evaluate(() => window.tiesExplorer.labelOverlaps())).toEqual([]);
    await screenshot('path-far');
    // Undo takes the path and what it drew away again.
    await page.click('#undo');
    expect((await drawnIds()).length).toBe(before);
    expect((await onPath()).nodes).toEqual([]);
  });

  it('hides, pins and collapses entities, and undoes each', async () => {
    const count = async () => {
      const text = await page.locator('#status').innerText();
      const match = /^Drawn: (\d+) entities, (\d+) ties/.exec(text);
      return { entities: Number(match?.[1]), ties: Number(match?.[2]) };
    };
    const start = await count();

    // Hide.
    await page.evaluate(() => {
      window.tiesExplorer.cy.elements().unselect();
    });
    await clickNode(DEAL);
    await page.click('#hide');
    expect(await page.evaluate((id) => window.tiesExplorer.cy.getElementById(id).hasClass('hidden'), DEAL)).toBe(true);
    expect((await count()).entities).toBe(start.entities - 1);
    expect(await page.locator('#show-hidden').innerText()).toBe('Show hidden (1)');
    await page.click('#undo');
    expect(await page.evaluate((id) => window.tiesExplorer.cy.getElementById(id).hasClass('hidden'), DEAL)).toBe(false);
    expect(await count()).toEqual(start);

    // Pin: a pinned entity stays where it is when the drawing is laid out again.
    await clickNode('region:kz');
    await page.click('#pin');
    expect(await page.locator('#pin').innerText()).toBe('Unpin');
    const where = () =>
      page.evaluate(() => {
        const { x, y } = window.tiesExplorer.cy.getElementById('region:kz').position();
        return { x: Math.round(x), y: Math.round(y) };
      });
    const pinnedAt = await where();
    await page.click('#relayout');
    await settled();
    expect(await where()).toEqual(pinnedAt);
    expect(await page.evaluate(() => window.tiesExplorer.labelOverlaps())).toEqual([]);
    await screenshot('pinned');

    // Collapse the forum: the entities only it brought in go; undo brings them back.
    const forum = 'forum:kz-xuar-cross-border-dialogue-2';
    const leaves = await page.evaluate((id) => {
      const node = window.tiesExplorer.cy.getElementById(id);
      return node
        .neighborhood()
        .nodes()
        .toArray()
        .filter(
          (other: NodeSingular) =>
            !other.hasClass('expanded') &&
            !other.locked() &&
            other
              .connectedEdges()
              .connectedNodes()
              .toArray()
              .every((end: NodeSingular) => end.id() === id || end.id() === other.id()),
        )
        .map((other) => other.id())
        .sort();
    }, forum);
    expect(leaves.length).toBeGreaterThan(0);
    const beforeCollapse = await drawnIds();
    await page.evaluate(() => {
      window.tiesExplorer.cy.elements().unselect();
    });
    await clickNode(forum);
    await page.click('#collapse');
    const collapsed = await drawnIds();
    expect(beforeCollapse.filter((id) => !collapsed.includes(id))).toEqual(leaves);
    expect(await page.evaluate((id) => window.tiesExplorer.cy.getElementById(id).hasClass('expanded'), forum)).toBe(
      false,
    );
    // Ctrl+Z undoes as the button does.
    await page.locator('#graph').focus();
    await page.keyboard.press('Control+z');
    expect(await drawnIds()).toEqual(beforeCollapse);
    expect(await page.evaluate((id) => window.tiesExplorer.cy.getElementById(id).hasClass('expanded'), forum)).toBe(
      true,
    );
    expect(await count()).toEqual(start);
  });

  it('filters by a period typed or set on the timeline, refusing dates that are not dates, and counts what is drawn', async () => {
    const hidden = () =>
      page.evaluate(() =>
        window.tiesExplorer.cy
          .nodes('.filtered')
          .map((node) => node.id())
          .sort(),
      );
    /** The status line's counts, and what is on screen counted from the graph itself. */
    const counts = async () => {
      const text = await page.locator('#status').innerText();
      const match = /^Drawn: (\d+) entities, (\d+) ties/.exec(text);
      const visible = await page.evaluate(() => {
        const { cy } = window.tiesExplorer;
        const nodes = cy.nodes().filter((node) => node.visible());
        return {
          entities: nodes.length,
          ties: cy.edges().filter((edge) => nodes.contains(edge.source()) && nodes.contains(edge.target())).length,
        };
      });
      return { status: { entities: Number(match?.[1]), ties: Number(match?.[2]) }, visible };
    };
    /** The status line counts what is on screen once the frame is drawn; waits a few frames for it. */
    const drawnAsCounted = async () => {
      let seen = await counts();
      for (let frame = 0; frame < 20 && JSON.stringify(seen.status) !== JSON.stringify(seen.visible); frame += 1) {
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        seen = await counts();
      }
      expect(seen.status).toEqual(seen.visible);
      return seen;
    };
    const type = async (id: string, text: string) => {
      await page.fill(id, text);
      await page.locator(id).press('Enter');
    };
    const error = page.locator('#period-error');

    // Not dates: refused, with a message saying why, and nothing filtered.
    await type('#from', '2022-13');
    await error.waitFor();
    expect(await error.innerText()).toBe(
      'From: “2022-13” is not a date: the month must be 01 to 12. No period filter is applied.',
    );
    expect(await page.locator('#from').getAttribute('aria-invalid')).toBe('true');
    expect(await hidden()).toEqual([]);
    await screenshot('date-refused');
    await type('#from', '2023-02-30');
    expect(await error.innerText()).toContain('“2023-02-30” is not a date: 2023-02 has 28 days.');
    await type('#from', 'spring');
    expect(await error.innerText()).toContain('write 2022, 2022-03 or 2022-03-28');
    expect(await hidden()).toEqual([]);

    // 2023 hides the 2022 figures and the 2024 deal; the status line counts only what is left.
    await type('#from', '2023');
    await type('#to', '2023');
    expect(await error.isVisible()).toBe(false);
    expect(await page.locator('#from').getAttribute('aria-invalid')).toBe('false');
    expect(await hidden()).toEqual(
      expect.arrayContaining([DEAL, 'figure:kz-cn-trade-2022', 'figure:kz-exports-to-cn-2022']),
    );
    expect(await hidden()).not.toContain('doc:kz-xuar-dialogue-2-commercial');
    const filtered = await drawnAsCounted();
    expect(await page.locator('#status').innerText()).toMatch(/\(\d+ outside the filters\.\)$/);
    // The timeline's handles stand at the period typed.
    expect(await page.locator('#time-label').innerText()).toBe('2023-01 – 2023-12');

    // A bad bound keeps the last good period.
    await type('#to', '2023-00');
    expect(await error.innerText()).toContain('the month must be 01 to 12. Still showing 2023-01-01 to 2023-12-31.');
    expect((await drawnAsCounted()).status).toEqual(filtered.status);
    await type('#to', '2023');

    // The timeline: the handles move the date boxes with them.
    await page.locator('#time-to').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#to').inputValue()).toBe('2023-11');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#to').inputValue()).toBe('2023-12');
    // January 2024, the last month drawn: the handle at the end leaves the period open there.
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#to').inputValue()).toBe('');
    expect(await page.locator('#time-label').innerText()).toBe('2023-01 – 2024-01');
    // The deal (January 2024) is back.
    expect(await hidden()).not.toContain(DEAL);
    const moved = await drawnAsCounted();
    expect(moved.status.entities).toBeGreaterThan(filtered.status.entities);
    await screenshot('timeline');
    // Back to the start: the start handle at its end leaves the box empty, so no lower bound.
    await page.locator('#time-from').focus();
    for (let step = 0; step < 12; step += 1) await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#from').inputValue()).toBe('');

    // Sectors: the dialogue's documents cover mining (a part through its package); the deal does not.
    await page.fill('#from', '');
    await type('#to', '');
    await page.locator('#sector').selectOption('sector:mining');
    expect(await hidden()).toEqual([DEAL]);
    await drawnAsCounted();
    await page.locator('#sector').selectOption('');
    expect(await hidden()).toEqual([]);
  });

  it('saves what is drawn as PNG, SVG, GraphML and JSON, and shares a link that reopens the same view', async () => {
    /** What is on screen: entities neither hidden nor filtered, ties between two of them. */
    const shown = () =>
      page.evaluate(() => {
        const { cy } = window.tiesExplorer;
        const nodes = cy.nodes().filter((node) => !node.hasClass('hidden') && !node.hasClass('filtered'));
        return {
          nodes: nodes.map((node) => node.id()).sort(),
          edges: nodes
            .edgesWith(nodes)
            .map((edge) => edge.id())
            .sort(),
        };
      });
    const save = async (button: string) => {
      if (!(await page.locator('#save-menu').evaluate((menu) => (menu as HTMLDetailsElement).open))) {
        await page.click('#save-menu summary');
      }
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const path = await file.path();
      return { name: file.suggestedFilename(), bytes: readFileSync(path) };
    };

    // Hide the deal and filter to 2023: neither the deal nor the 2022 figures may be saved.
    await page.evaluate(() => {
      window.tiesExplorer.cy.elements().unselect();
    });
    await clickNode(DEAL);
    await page.click('#hide');
    await page.fill('#from', '2023');
    await page.locator('#from').press('Enter');
    await page.fill('#to', '2023');
    await page.locator('#to').press('Enter');
    await clickNode('region:kz');
    await settled();
    const onScreen = await shown();
    const drawnCount = (await drawnIds()).length;
    expect(onScreen.nodes).not.toContain(DEAL);
    expect(onScreen.nodes).not.toContain('figure:kz-cn-trade-2022');
    expect(onScreen.nodes.length).toBeLessThan(drawnCount);

    const json = await save('#save-json');
    expect(json.name).toMatch(/^ties-graph-.+\.json$/);
    const saved = JSON.parse(json.bytes.toString('utf8')) as {
      view: string;
      nodes: { id: string; label: string; type: string; x: number; y: number }[];
      edges: { id: string; source: string; target: string; type: string }[];
    };
    expect(saved.nodes.map((node) => node.id).sort()).toEqual(onScreen.nodes);
    expect(saved.edges.map((edge) => edge.id).sort()).toEqual(onScreen.edges);
    const kz = saved.nodes.find((node) => node.id === 'region:kz');
    expect(kz).toMatchObject({ label: 'Kazakhstan', type: 'Region' });
    for (const edge of saved.edges) {
      expect(onScreen.nodes).toContain(edge.source);
      expect(onScreen.nodes).toContain(edge.target);
    }

    const graphml = await save('#save-graphml');
    expect(graphml.name).toMatch(/\.graphml$/);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['node', 'edge', 'data', 'key'].includes(name),
    }).parse(graphml.bytes.toString('utf8')) as {
      graphml: {
        key: { '@_id': string; '@_attr.name': string }[];
        graph: {
          node: { '@_id': string; data: { '@_key': string; '#text': string | number }[] }[];
          edge: { '@_id': string; '@_source': string; '@_target': string }[];
        };
      };
    };
    const graph = parsed.graphml.graph;
    expect(graph.node.map((node) => node['@_id']).sort()).toEqual(onScreen.nodes);
    expect(graph.edge.map((edge) => edge['@_id']).sort()).toEqual(onScreen.edges);
    const kzNode = graph.node.find((node) => node['@_id'] === 'region:kz');
    expect(kzNode?.data.find((data) => data['@_key'] === 'n_label')?.['#text']).toBe('Kazakhstan');
    // Every data key a node or edge uses is declared, as Gephi and yEd require.
    const declared = new Set(parsed.graphml.key.map((key) => key['@_id']));
    for (const node of graph.node) for (const data of node.data) expect(declared).toContain(data['@_key']);

    const svg = await save('#save-svg');
    expect(svg.name).toMatch(/\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/<svg[\s>]/);
    expect(svgText).toContain('Kazakhstan');
    expect(svgText).not.toContain('Explorer test energy deal');

    const png = await save('#save-png');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the signature and chunk header.
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(200);
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(200);

    // Share: the link reopens the same view in a new tab.
    const view = () =>
      page.evaluate(() => {
        const { cy } = window.tiesExplorer;
        const ids = (selector: string) =>
          cy
            .nodes(selector)
            .map((node) => node.id())
            .sort();
        return {
          drawn: ids(''),
          hidden: ids('.hidden'),
          filtered: ids('.filtered'),
          selected: ids(':selected'),
          path: ids('.path'),
          positions: cy
            .nodes()
            .map((node) => [node.id(), Math.round(node.position('x')), Math.round(node.position('y'))])
            .sort(),
          // The link keeps the zoom to three decimals.
          zoom: Math.round(cy.zoom() * 100),
          from: (document.getElementById('from') as HTMLInputElement).value,
          to: (document.getElementById('to') as HTMLInputElement).value,
          layout: (document.getElementById('layout') as HTMLSelectElement).value,
        };
      });
    /** Shares the view, opens the link in a new tab, and expects the same view there. */
    const reopened = async () => {
      const before = await view();
      // Sharing is asynchronous (the view is compressed into the link): empty the box, then wait
      // for the new link in it.
      await page.evaluate(() => {
        (document.getElementById('share-url') as HTMLInputElement).value = '';
      });
      await page.click('#share');
      await page.waitForFunction(() => (document.getElementById('share-url') as HTMLInputElement).value !== '');
      const link = await page.locator('#share-url').inputValue();
      expect(link).toContain(`${server.url}/explore`);
      expect(new URL(link).searchParams.get('from')).toBe('2023');
      expect(new URL(link).hash).toMatch(/^#view=[A-Za-z0-9_-]+$/);
      const original = page;
      const opened = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const openedWatch = await offline(opened, server.url);
      try {
        page = opened;
        await page.goto(link);
        await page.waitForFunction(() => window.tiesExplorer?.cy.nodes().length > 0);
        await settled();
        const after = await view();
        expect({ ...after, zoom: 0 }).toEqual({ ...before, zoom: 0 });
        expect(Math.abs(after.zoom - before.zoom)).toBeLessThanOrEqual(1);
        await screenshot(before.path.length > 0 ? 'shared-path' : 'shared-view');
        expect(openedWatch.errors).toEqual([]);
        expect(openedWatch.external).toEqual([]);
      } finally {
        page = original;
        await opened.close();
      }
    };
    await reopened();
    // A path highlighted when the link is made is highlighted when it is opened.
    await page.evaluate(() => window.tiesExplorer.findPath('region:kz', 'region:cn-xj'));
    await settled();
    expect((await view()).path).toEqual(expect.arrayContaining(['region:kz', 'region:cn-xj']));
    await reopened();
  });
});
