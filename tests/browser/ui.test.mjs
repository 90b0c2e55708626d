// Browser test of the vigie web page.
//
//   VIGIE_URL=http://127.0.0.1:8765 node tests/browser/ui.test.mjs
//
// Drives Debian's /usr/bin/chromium (override with CHROMIUM=/path) through
// playwright-core; never downloads a browser. Works against `vigie serve`,
// `vigie demo` or tests/browser/mock_server.py. Saves a screenshot to
// tests/browser/output/page.png and prints its path.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'output');
const SHOT = join(OUT, 'page.png');
const BASE = (process.env.VIGIE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.VIGIE_TEST_TIMEOUT || 20000);

const sel = {
  map: '[data-testid="map"]',
  marker: '[data-testid="marker"]',
  timeline: '[data-testid="timeline"]',
  bars: '[data-testid="timeline"] rect.bar',
  typeFilter: '[data-testid="filter-type"]',
  q: '[data-testid="filter-q"]',
  count: '[data-testid="event-count"]',
  item: '[data-testid="event-item"]',
  panel: '[data-testid="event-panel"]',
  evidence: '[data-testid="evidence"]',
  article: '[data-testid="article-view"]',
  articleEvidence: '[data-testid="article-evidence"]',
  banner: '[data-testid="error-banner"]',
};

let browser;
let context;
let page;
let userDataDir;
let shotTaken = false;
const pageErrors = [];

// Wait until the page has no request in flight or scheduled.
async function settle() {
  await page.waitForTimeout(50);
  await page.waitForFunction(() => document.documentElement.dataset.busy === 'false', null, { timeout: TIMEOUT });
}

async function total() {
  const v = await page.locator(sel.count).getAttribute('data-total');
  assert.match(v ?? '', /^\d+$/, `event count has a numeric data-total, got ${v}`);
  return Number(v);
}

async function markerInfo() {
  return page.$$eval(sel.marker, (ns) => ns.map((n) => ({
    kind: n.dataset.kind, type: n.dataset.eventType, count: Number(n.dataset.count || 1), id: n.dataset.eventId || null,
  })));
}

async function bannerText() {
  const b = page.locator(sel.banner);
  return (await b.isVisible()) ? (await b.innerText()).trim() : '';
}

async function assertNoBanner(step) {
  const text = await bannerText();
  assert.equal(text, '', `no error banner after ${step}, got: ${text}`);
}

const norm = (s) => String(s || '').replace(/[“”"«»]/g, '').replace(/\s+/g, ' ').trim();

describe('vigie web page', { concurrency: false }, () => {
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(OUT, { recursive: true });
    userDataDir = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    browser = context.browser();
    page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (e) => pageErrors.push(String(e && e.stack ? e.stack : e)));
  });

  after(async () => {
    try {
      if (page && !shotTaken) {
        await page.screenshot({ path: join(OUT, 'failure.png') });
        console.log(`screenshot (failure): ${join(OUT, 'failure.png')}`);
      }
    } catch { /* best effort */ }
    if (context) await context.close();
    if (browser) await browser.close().catch(() => {});
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  let chosenType = null;

  it('opens the page and shows markers', async () => {
    const res = await page.goto(`${BASE}/`, { waitUntil: 'domcontentloaded' });
    assert.ok(res && res.ok(), `GET ${BASE}/ answered ${res && res.status()}`);
    await page.locator(sel.map).waitFor({ state: 'visible' });
    await page.locator(sel.marker).first().waitFor({ state: 'visible' });
    await settle();
    const markers = await markerInfo();
    assert.ok(markers.length > 0, 'at least one marker');
    // Country borders drawn on the canvas basemap.
    assert.ok(await page.locator(`${sel.map} canvas`).count() > 0, 'basemap canvas present');
    await assertNoBanner('loading the page');
  });

  it('shows a timeline with bars', async () => {
    await page.locator(sel.bars).first().waitFor({ state: 'attached' });
    const n = await page.locator(sel.bars).count();
    assert.ok(n > 0, 'timeline has bars');
    const h = await page.locator(sel.bars).first().getAttribute('height');
    assert.ok(Number(h) > 0, 'bars have a height');
  });

  it('filters by event type', async () => {
    const before = await markerInfo();
    const total0 = await total();
    assert.ok(total0 > 0, 'events listed before filtering');
    // Keep the most frequent type among the markers.
    const weight = new Map();
    for (const m of before) weight.set(m.type, (weight.get(m.type) || 0) + m.count);
    chosenType = [...weight.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const distinctTypes = weight.size;
    const boxes = page.locator(`${sel.typeFilter} input[type="checkbox"]`);
    const n = await boxes.count();
    assert.equal(n, 6, 'six event type checkboxes');
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i);
      const value = await box.getAttribute('value');
      if (value === chosenType) {
        if (!(await box.isChecked())) await box.check();
      } else if (await box.isChecked()) {
        await box.uncheck();
      }
    }
    await settle();
    assert.ok(page.url().includes('event_type='), `filter is in the URL: ${page.url()}`);
    const after = await markerInfo();
    const total1 = await total();
    assert.ok(after.length > 0, `markers remain for ${chosenType}`);
    for (const m of after) assert.equal(m.type, chosenType, 'every marker has the kept type');
    assert.ok(total1 > 0, 'events remain');
    assert.ok(total1 <= total0, `count does not grow (${total0} → ${total1})`);
    if (distinctTypes > 1) assert.ok(total1 < total0, `count drops (${total0} → ${total1})`);
    const dots = await page.$$eval(`${sel.item} .dot`, (ns) => ns.map((n) => getComputedStyle(n).backgroundColor));
    assert.equal(new Set(dots).size, 1, 'list items all have the colour of the kept type');
    await assertNoBanner('filtering by type');
    console.log(`# type filter: ${chosenType}, events ${total0} → ${total1}, markers ${before.length} → ${after.length}`);
  });

  it('brushes the timeline to select dates, then clears', async () => {
    const total1 = await total();
    const box = await page.locator(`${sel.timeline} svg`).boundingBox();
    assert.ok(box, 'timeline svg has a box');
    const y = box.y + box.height * 0.5;
    await page.mouse.move(box.x + box.width * 0.05, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await page.mouse.up();
    await settle();
    const from = await page.locator('#f-from').inputValue();
    const to = await page.locator('#f-to').inputValue();
    assert.match(from, /^\d{4}-\d{2}-\d{2}$/, 'brush set from');
    assert.match(to, /^\d{4}-\d{2}-\d{2}$/, 'brush set to');
    assert.ok(from <= to, `from ${from} <= to ${to}`);
    assert.ok(page.url().includes(`from=${from}`), 'dates are in the URL');
    const total2 = await total();
    assert.ok(total2 <= total1, `date range narrows the count (${total1} → ${total2})`);
    await page.getByTestId('timeline-clear').click();
    await settle();
    assert.equal(await page.locator('#f-from').inputValue(), '');
    assert.equal(await total(), total1, 'clear restores the count');
    await assertNoBanner('brushing');
    console.log(`# brush: ${from} .. ${to}, events ${total1} → ${total2} → ${total1}`);
  });

  let quote = null;

  it('opens an event with evidence in the event panel', async () => {
    const panel = page.locator(sel.panel);
    const tryOpened = async () => {
      await panel.waitFor({ state: 'visible' });
      await page.waitForFunction(() => !document.querySelector('[data-testid="event-panel"]').hasAttribute('aria-busy'));
      await settle();
      return page.locator(`${sel.panel} ${sel.evidence}`).count();
    };
    let found = 0;
    let via = 'marker';
    // First a single-event marker, as a person would.
    const eventMarkers = page.locator(`${sel.marker}[data-kind="event"]`);
    const nm = await eventMarkers.count();
    for (let i = 0; i < Math.min(nm, 5) && !found; i++) {
      const m = eventMarkers.nth(i);
      try {
        await m.click({ timeout: 3000 });
      } catch {
        await m.dispatchEvent('click');
      }
      found = await tryOpened();
      if (!found) {
        await page.locator('#event-back').click();
        await settle();
      }
    }
    // Else (clusters only, or no evidence): items of the event list.
    const items = page.locator(sel.item);
    const ni = await items.count();
    for (let i = 0; i < Math.min(ni, 15) && !found; i++) {
      via = 'event list';
      await items.nth(i).click();
      found = await tryOpened();
      if (!found) {
        await page.locator('#event-back').click();
        await settle();
      }
    }
    assert.ok(found > 0, 'an event panel shows at least one evidence quote');
    const text = await panel.innerText();
    for (const label of ['Date', 'Actor 1', 'Location', 'Fatalities', 'Sources']) {
      assert.ok(text.includes(label), `event panel shows ${label}`);
    }
    assert.ok(page.url().includes('event='), 'open event is in the URL');
    quote = norm(await page.locator(`${sel.panel} ${sel.evidence}`).first().innerText());
    assert.ok(quote.length > 0, 'evidence quote has text');
    console.log(`# opened ${new URL(page.url()).searchParams.get('event')} via the ${via}, ${found} evidence quote(s)`);
    await assertNoBanner('opening an event');
  });

  it('opens the article at the highlighted evidence', async () => {
    await page.locator(`${sel.panel} ${sel.evidence}`).first().click();
    const view = page.locator(sel.article);
    await view.waitFor({ state: 'visible' });
    const hl = page.locator(`${sel.article} ${sel.articleEvidence}`);
    await hl.first().waitFor({ state: 'visible' });
    await settle();
    assert.equal(await hl.count(), 1, 'one highlighted evidence span');
    const hlText = norm(await hl.innerText());
    assert.ok(hlText.length > 0, 'highlighted evidence has text');
    assert.ok(hlText === quote || hlText.includes(quote) || quote.includes(hlText),
      `highlight matches the quote:\n  highlight: ${hlText}\n  quote:     ${quote}`);
    // Scrolled into the visible part of the article text.
    const inView = await hl.evaluate((n) => {
      const box = n.getBoundingClientRect();
      const sc = n.closest('.article-text').getBoundingClientRect();
      return box.bottom > sc.top && box.top < sc.bottom;
    });
    assert.ok(inView, 'evidence is scrolled into view');
    const title = await page.locator('#article-title').innerText();
    assert.ok(title.trim().length > 0, 'article has a title');
    await assertNoBanner('opening the article');
    await page.screenshot({ path: SHOT });
    shotTaken = true;
    console.log(`screenshot: ${SHOT}`);
  });

  it('shows API errors in a banner', async () => {
    const url = `${BASE}/?from=2017-13-45`;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator(sel.banner).waitFor({ state: 'visible' });
    const text = await bannerText();
    assert.match(text, /400/, `banner reports the HTTP 400: ${text}`);
  });

  it('raised no uncaught page error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
