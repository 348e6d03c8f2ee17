import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { generateKey, hashKey } from '../../src/modules/auth/auth.keys';
import { launchBrowser, offline } from '../support/browser';
import { Harness } from '../support/harness';

const ARTIFACTS = join(__dirname, '..', '..', '.artifacts');
const SOURCE = 'Review test: Kazakhstan and Uzbekistan agree on gas';

/** A short text written for this test: a forum, a group of agreements, an official and a city. */
const TEXT = `Kazakhstan and Uzbekistan agree on gas supplies

Astana, 12 March 2024 - Kazakhstan and Uzbekistan signed three agreements worth $50 million on gas supplies at the Central Asia Energy Forum.

Minister of Energy of Kazakhstan Almasadam Satkaliyev welcomed the agreements.
`;

interface Stated {
  type: string;
  from: string;
  to: string;
}

/** /review: paste → draft → review (keyboard and mouse) → ingest with an editor key → the explorer. */
describe('review page', () => {
  let harness: Harness;
  let server: Awaited<ReturnType<Harness['serve']>>;
  let browser: Browser;
  let page: Page;
  let watched: { external: string[]; errors: string[] };
  const editorKey = generateKey();

  const current = () => page.locator('#items li.current').getAttribute('data-key');
  /** Moves along the list with the keyboard (j down, k up) until the statement with this key is current. */
  async function goTo(key: string) {
    const order = await page
      .locator('#items li')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.key));
    await page.locator('#items li.current').focus();
    for (let step = 0; step < 40 && (await current()) !== key; step += 1) {
      const here = order.indexOf((await current()) ?? undefined);
      await page.keyboard.press(order.indexOf(key) > here ? 'j' : 'k');
    }
    expect(await current()).toBe(key);
  }
  const item = (key: string) => page.locator(`#items li[data-key="${key}"]`);

  beforeAll(async () => {
    harness = await Harness.openSeeded();
    server = await harness.serve({ API_KEYS: `review-editor:editor:${hashKey(editorKey)}` });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watched = await offline(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await harness?.close();
  });

  it('drafts a pasted text, reviews it, and ingests exactly the statements accepted', async () => {
    await page.goto(`${server.url}/review`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');

    // An empty text is refused before anything is asked of the server.
    await page.click('#draft');
    expect(await page.locator('#compose-error').innerText()).toBe(
      'The text is empty: paste an article or open a file.',
    );

    await page.fill('#source-name', SOURCE);
    await page.fill('#source-publisher', 'Review Test Wire');
    await page.fill('#source-published', '2024-03-13');
    await page.fill('#text', TEXT);
    await page.click('#draft');
    await page.locator('#review').waitFor();

    // Every drafted entity is highlighted in the text, in its type's colour.
    const marks = await page.locator('#highlighted mark[data-type]').evaluateAll((nodes) =>
      nodes.map((node) => ({
        text: node.textContent?.trim(),
        type: (node as HTMLElement).dataset.type,
        colour: getComputedStyle(node).borderBottomColor,
      })),
    );
    expect(marks).toEqual(
      expect.arrayContaining([
        { text: 'Uzbekistan', type: 'Region', colour: 'rgb(47, 126, 216)' },
        { text: 'Central Asia Energy Forum', type: 'Forum', colour: 'rgb(22, 160, 133)' },
        { text: 'Almasadam Satkaliyev', type: 'Official', colour: 'rgb(230, 126, 34)' },
      ]),
    );
    // Kazakhstan is matched to the stored region; Uzbekistan, not in the graph, stays new.
    expect(await item('entity:kazakhstan').locator('select.candidate').inputValue()).toBe('region:kz');
    expect(await item('entity:uzbekistan').locator('select.candidate').inputValue()).toBe('');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'review-drafted.png') });

    // Keyboard: reject the city, accept the forum (a decision moves on to the next undecided).
    await goTo('entity:astana');
    await page.keyboard.press('r');
    expect(await item('entity:astana').getAttribute('data-status')).toBe('rejected');
    expect(await current()).not.toBe('entity:astana');
    await goTo('entity:central-asia-energy-forum');
    await page.keyboard.press('a');
    expect(await item('entity:central-asia-energy-forum').getAttribute('data-status')).toBe('accepted');
    // Reject the official: the HOLDS tie from the official is dropped with it.
    await item('entity:almasadam-satkaliyev').locator('button.decide-rejected').click();

    // Edit: the ministry gets its full name (an edit accepts the statement as corrected).
    const ministry = 'entity:ministry-of-energy-of-kazakhstan';
    await goTo(ministry);
    await page.keyboard.press('e');
    const nameBox = item(ministry).locator('input[name="name"]');
    await nameBox.fill('Ministry of Energy of the Republic of Kazakhstan');
    await item(ministry).locator('button[type="submit"]').click();
    expect(await item(ministry).getAttribute('data-status')).toBe('accepted');
    expect(await item(ministry).locator('.what').innerText()).toBe(
      'Organization: Ministry of Energy of the Republic of Kazakhstan',
    );

    // A bad edit is refused with a message, and the statement keeps its value.
    const forum = 'entity:central-asia-energy-forum';
    await item(forum).locator('button.edit').click();
    await item(forum).locator('textarea').fill('["not", "an object"]');
    await item(forum).locator('button[type="submit"]').click();
    expect(await item(forum).locator('.editor .error').innerText()).toContain('must be a JSON object');
    await item(forum).locator('.editor button', { hasText: 'Cancel' }).click();

    // Everything else is accepted; the BASED_IN tie is then rejected by hand.
    await page.click('#accept-all');
    const ties = await page.locator('#items li[data-key^="tie:"]').evaluateAll((nodes) =>
      nodes.map((node) => ({
        key: (node as HTMLElement).dataset.key!,
        what: node.querySelector('.what')!.textContent,
        status: (node as HTMLElement).dataset.status!,
      })),
    );
    const basedIn = ties.find((tie) => / BASED_IN /.test(tie.what));
    expect(basedIn).toBeDefined();
    await item(basedIn!.key).locator('button.decide-rejected').click();
    const holdsTie = ties.find((tie) => / HOLDS /.test(tie.what));
    expect(holdsTie?.status).toBe('dropped');
    await page.screenshot({ path: join(ARTIFACTS, 'review-decided.png') });

    // Without a key nothing is written.
    const before = await harness.fingerprint();
    await page.click('#ingest');
    expect(await page.locator('#ingest-error').innerText()).toContain('enter an API key with the editor role');
    await page.fill('#api-key', generateKey());
    await page.click('#ingest');
    await page.locator('#ingest-error').getByText('Nothing was written').waitFor();
    expect(await harness.fingerprint()).toEqual(before);

    await page.fill('#api-key', editorKey);
    await page.click('#ingest');
    await page.locator('#result-summary').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'review-ingested.png') });

    // The graph holds exactly what was accepted: these entities and ties, stated by the new source.
    const [source] = await harness.cypher<{ id: string }>('MATCH (s:Source {name: $name}) RETURN s.id AS id', {
      name: SOURCE,
    });
    expect(source).toBeDefined();
    const entities = await harness.cypher<{ id: string; name: string; quotes: string[] }>(
      `MATCH (n:Entity)-[p:STATED_IN]->(:Source {id: $id})
       RETURN n.id AS id, n.name AS name, p.quotes AS quotes ORDER BY id`,
      { id: source!.id },
    );
    const names = entities.map((entity) => entity.name).sort();
    expect(names).toEqual(
      [
        'Central Asia Energy Forum',
        'Kazakhstan',
        'Ministry of Energy of the Republic of Kazakhstan',
        'Uzbekistan',
        'three agreements',
      ].sort(),
    );
    expect(entities.find((entity) => entity.id === 'region:kz')?.quotes).toEqual(['Kazakhstan']);
    expect(
      await harness.cypher('MATCH (n:Entity) WHERE n.name IN ["Astana", "Almasadam Satkaliyev"] RETURN n'),
    ).toEqual([]);
    const stated = await harness.cypher<Stated>(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE $id IN r.sourceIds
       RETURN type(r) AS type, a.name AS from, b.name AS to ORDER BY type, from, to`,
      { id: source!.id },
    );
    expect(stated).toEqual([
      { type: 'BINDS', from: 'three agreements', to: 'Kazakhstan' },
      { type: 'BINDS', from: 'three agreements', to: 'Uzbekistan' },
      { type: 'SIGNED_AT', from: 'three agreements', to: 'Central Asia Energy Forum' },
    ]);
    expect(await page.locator('#result-summary').innerText()).toMatch(
      /^Ingested from source:[^:]+: 5 entities \(4 new, 1 already in the graph\), 3 new ties, 0 ties already known\. Change /,
    );

    // The result opens in the explorer, on the agreements.
    await page.click('#open-explorer');
    await page.waitForURL(/\/explore\?id=doc/);
    await page.waitForFunction(() => document.body.dataset.busy === '0');
    expect(await page.evaluate(() => document.querySelector('#details h2')?.textContent)).toBe('three agreements');
    expect(watched.errors).toEqual([]);
    expect(watched.external).toEqual([]);
  });

  it('opens a text file into the page, its headline as the source name, and refuses a file that is not text', async () => {
    await page.goto(`${server.url}/review`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');

    await page.setInputFiles('#file', {
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x00]),
    });
    await page.locator('#compose-error', { hasText: 'scan.pdf is not a text file' }).waitFor();
    expect(await page.inputValue('#text')).toBe('');

    await page.setInputFiles('#file', { name: 'gas.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) });
    await page.waitForFunction(() => (document.getElementById('text') as HTMLTextAreaElement).value.length > 0);
    expect(await page.inputValue('#text')).toBe(TEXT);
    expect(await page.inputValue('#source-name')).toBe('Kazakhstan and Uzbekistan agree on gas supplies');
    expect(await page.locator('#compose-error').innerText()).toBe('');

    await page.click('#draft');
    await page.locator('#review').waitFor();
    expect(await item('entity:uzbekistan').count()).toBe(1);
    expect(await item('entity:central-asia-energy-forum').count()).toBe(1);
    expect(watched.external).toEqual([]);
  });
});
