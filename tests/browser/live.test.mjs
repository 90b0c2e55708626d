// Live test of the monitor: the page, open on a database that `vigie watch`
// fills, shows an article dropped into the watched folder without a reload.
//
//   VIGIE_URL=http://127.0.0.1:18081 VIGIE_DROP_DIR=/tmp/inbox \
//   VIGIE_DROP_FILE=some-article.txt node tests/browser/live.test.mjs
//
// Prints the time from the file landing to its event being served by the
// API, and to its being shown on the page.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.VIGIE_URL || 'http://127.0.0.1:18081').replace(/\/+$/, '');
const DROP_DIR = process.env.VIGIE_DROP_DIR;
const DROP_FILE = process.env.VIGIE_DROP_FILE;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.VIGIE_TEST_TIMEOUT || 30000);

let context;
let page;
let userDataDir;

async function apiTotal() {
  const r = await fetch(`${BASE}/api/events?limit=1`);
  const j = await r.json();
  return Number(j.total);
}

async function pageTotal() {
  const v = await page.locator('[data-testid="event-count"]').getAttribute('data-total');
  return /^\d+$/.test(v ?? '') ? Number(v) : -1;
}

describe('live monitor', { concurrency: false }, () => {
  before(async () => {
    assert.ok(DROP_DIR && existsSync(DROP_DIR), 'VIGIE_DROP_DIR names the watched folder');
    assert.ok(DROP_FILE && existsSync(DROP_FILE), 'VIGIE_DROP_FILE names an article to drop');
    userDataDir = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
      viewport: { width: 1280, height: 800 },
    });
    page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
  });

  after(async () => {
    if (context) await context.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('shows an article dropped into the watched folder without a reload', async () => {
    // All events, not only those in the map view.
    const res = await page.goto(`${BASE}/?inview=0`, { waitUntil: 'domcontentloaded' });
    assert.ok(res && res.ok());
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="event-count"]')?.dataset.total ?? ''));
    const before = await pageTotal();
    assert.equal(before, await apiTotal(), 'the page starts with what the API serves');
    // A mark that a reload would wipe.
    await page.evaluate(() => { window.__notReloaded = true; });

    const landed = Date.now();
    copyFileSync(DROP_FILE, join(DROP_DIR, basename(DROP_FILE)));
    let served = null;
    while (Date.now() - landed < TIMEOUT) {
      if ((await apiTotal()) > before) { served = Date.now(); break; }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(served, `no new event served within ${TIMEOUT} ms of the file landing`);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="event-count"]')?.dataset.total) > n, before);
    const shown = Date.now();
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'the page was not reloaded');
    assert.ok((await pageTotal()) > before);
    assert.ok(await page.locator('[data-testid="event-item"]').count() > 0);
    console.log(`file landed -> event served by the API: ${((served - landed) / 1000).toFixed(2)} s`);
    console.log(`file landed -> event shown on the open page: ${((shown - landed) / 1000).toFixed(2)} s`);
  });
});
