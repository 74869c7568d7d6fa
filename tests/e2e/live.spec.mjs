// The breaking-news ticker and the LIVE page against the real nginx (real ETags and 304s).
// These tests rewrite dist/content/breaking.json, so they run one at a time, desktop only.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { test, expect, clientRendered, openPage, distDir } from './fixtures.mjs';
import { Ticker } from './pages/ticker.mjs';
import { LivePage } from './pages/media.mjs';

const breakingPath = `${distDir}content/breaking.json`;
const FAST = 1; // seconds between polls in these tests (site.json says 30)

test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => isMobile, 'one run is enough: these tests share the served feed file');

/** Serves site.json with a fast ticker interval (to pages rendered in the browser: a
 * prerendered page carries the site.json it was built with). */
async function fastSite(page) {
  await clientRendered(page);
  await page.route('**/content/site.json', async (route) => {
    const resp = await route.fetch();
    const site = await resp.json();
    site.ticker.refresh_seconds = FAST;
    await route.fulfill({ response: resp, json: site });
  });
}

function writeAtomically(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const feedRequests = (page) => {
  const seen = [];
  page.on('response', (r) => { if (r.url().endsWith('/content/breaking.json')) seen.push(r); });
  return seen;
};

test('a new item appears within one interval and is announced once', async ({ page }) => {
  const original = readFileSync(breakingPath, 'utf8');
  try {
    const ticker = new Ticker(page);
    await fastSite(page);
    await openPage(page, '/');
    await ticker.ready();
    await expect(ticker.items.first()).toBeVisible();
    const feed = JSON.parse(original);
    feed.items.unshift({ id: 'e2e-new', time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), text: 'Correspondent: the e2e item has arrived' });
    writeAtomically(breakingPath, JSON.stringify(feed));
    await expect.poll(() => ticker.texts(), { timeout: (FAST + 2) * 1000 }).toContain('Correspondent: the e2e item has arrived');
    await expect(ticker.announcer).toHaveText('Breaking news: Correspondent: the e2e item has arrived');
    await expect(ticker.time(ticker.items.first())).toHaveText('just now');
  } finally {
    writeAtomically(breakingPath, original);
  }
});

test('an unchanged feed is a 304 and changes nothing on the page', async ({ page }) => {
  const ticker = new Ticker(page);
  await fastSite(page);
  const seen = feedRequests(page);
  await openPage(page, '/');
  // Hydrated (relative times follow the reader's clock from then on) and polling.
  await ticker.ready();
  await expect(ticker.items.first()).toBeVisible();
  await ticker.region.evaluate((el) => {
    window.__mutations = 0;
    new MutationObserver((m) => { window.__mutations += m.length; })
      .observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await expect.poll(() => seen.filter((r) => r.status() === 304).length, { timeout: 8000 }).toBeGreaterThanOrEqual(3);
  expect(seen[0].status()).toBe(200);
  expect(await page.evaluate(() => window.__mutations)).toBe(0);

  // What an idle open tab costs: bytes of one 304 exchange, times polls per hour at the default 30 s.
  const last = seen.filter((r) => r.status() === 304).at(-1);
  const s = await last.request().sizes();
  const perPoll = s.requestHeadersSize + s.requestBodySize + s.responseHeadersSize + s.responseBodySize;
  console.log(`MEASURED ticker idle cost: ${perPoll} bytes per 304 poll (headers, HTTP/1.1) -> ${perPoll * 120} bytes/hour at 30 s`);
});

test('a hidden page makes no requests and refreshes once when shown again', async ({ page }) => {
  await page.addInitScript(() => {
    window.__visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { get: () => window.__visibility, configurable: true });
    Object.defineProperty(document, 'hidden', { get: () => window.__visibility === 'hidden', configurable: true });
  });
  await fastSite(page);
  const seen = feedRequests(page);
  await openPage(page, '/');
  await new Ticker(page).ready();
  await expect.poll(() => seen.length).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => { window.__visibility = 'hidden'; document.dispatchEvent(new Event('visibilitychange')); });
  await page.waitForTimeout((FAST + 0.5) * 1000); // let a poll already in flight finish
  const before = seen.length;
  await page.waitForTimeout(4000);
  expect(seen.length, 'no requests while hidden').toBe(before);
  const shownAt = Date.now();
  await page.evaluate(() => { window.__visibility = 'visible'; document.dispatchEvent(new Event('visibilitychange')); });
  await expect.poll(() => seen.length, { timeout: 2000 }).toBe(before + 1);
  expect(Date.now() - shownAt).toBeLessThan(1500);
});

test('a failing or malformed feed keeps the last items, backs off and recovers', async ({ page }) => {
  test.setTimeout(60_000);
  await fastSite(page);
  // After the switch: two 500s, one malformed body, then the real feed again.
  let failing = false;
  const times = [];
  await page.route('**/content/breaking.json', async (route) => {
    if (!failing) return route.fallback();
    times.push(Date.now());
    if (times.length <= 2) return route.fulfill({ status: 500, body: 'upstream down' });
    if (times.length === 3) return route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [{"id": 1' });
    return route.fallback();
  });
  const ticker = new Ticker(page);
  await openPage(page, '/');
  await ticker.ready();
  await expect(ticker.items.first()).toBeVisible();
  const before = await ticker.texts();
  expect(before.length).toBeGreaterThan(0);
  const label = await ticker.label.textContent();
  failing = true;
  await expect.poll(() => times.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  expect(await ticker.texts(), 'last good items stay on screen').toEqual(before);
  // Each wait after a failure is longer than the one before (1 s, 2 s, 4 s ... capped).
  expect(times[2] - times[1]).toBeGreaterThan((times[1] - times[0]) * 1.5);
  await expect.poll(() => times.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  await expect.poll(() => ticker.texts()).toEqual(before);
  await expect(ticker.label).toHaveText(label);
});

test('a stale feed is labelled Latest, not presented as live', async ({ page }) => {
  await page.route('**/content/breaking.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json',
    body: JSON.stringify({ items: [{ id: 'old', time: '2020-01-01T00:00:00Z', text: 'An old wire item' }] }),
  }));
  const ticker = new Ticker(page);
  await openPage(page, '/');
  await ticker.ready();
  await expect(ticker.label).toHaveText('Latest');
  await expect(ticker.region).toHaveClass(ticker.staleClass);
});

test('with reduced motion the ticker does not move and steps one item at a time', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const ticker = new Ticker(page);
  await openPage(page, '/');
  await ticker.ready();
  await expect(ticker.items.first()).toBeVisible();
  expect((await ticker.animation()).name).toBe('none');
  await expect(ticker.onScreenItems).toHaveCount(1);
  const shown = ticker.text(ticker.onScreenItems);
  const first = await shown.textContent();
  await ticker.nextButton.click();
  await expect(shown).not.toHaveText(first);
  await ticker.previousButton.click();
  await expect(shown).toHaveText(first);
});

test('with motion the ticker scrolls, and pauses by button, hover and focus', async ({ page }) => {
  const ticker = new Ticker(page);
  await openPage(page, '/');
  await ticker.ready();
  await expect(ticker.items.first()).toBeVisible();
  const state = async () => (await ticker.animation()).state;
  expect((await ticker.animation()).name).toBe('ticker-scroll');
  await page.mouse.move(5, 800);
  expect(await state()).toBe('running');
  await ticker.pauseButton.click();
  await expect(ticker.playButton).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(5, 800);
  await ticker.label.evaluate((el) => el.blur());
  await page.evaluate(() => document.activeElement.blur());
  expect(await state()).toBe('paused');
  await ticker.playButton.click();
  await expect(ticker.pauseButton).toHaveAttribute('aria-pressed', 'false');
  await page.evaluate(() => document.activeElement.blur());
  await page.mouse.move(5, 800);
  expect(await state()).toBe('running');
  await ticker.viewport.hover();
  expect(await state()).toBe('paused');
});

test('the LIVE page shows the player and holds new updates behind a button', async ({ page }) => {
  await fastSite(page);
  let extra = false;
  await page.route('**/content/live.json', async (route) => {
    const headers = { ...route.request().headers() };
    delete headers['if-none-match'];
    delete headers['if-modified-since'];
    const resp = await route.fetch({ headers });
    const feed = await resp.json();
    if (extra) feed.items.unshift({ id: 'e2e-live', time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), text: 'Studio: an update from the e2e test' });
    await route.fulfill({ response: resp, json: feed });
  });
  const live = new LivePage(page);
  await openPage(page, '/live');
  await expect(live.heading).toHaveText('Meridian Ledger Live');
  const { video, items } = live;
  await expect(video).toHaveAttribute('preload', 'none');
  await expect(video).toHaveAttribute('poster', /studio\.svg$/);
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  const firstText = await live.text(items.first()).textContent();
  extra = true;
  const more = live.newUpdatesButton(1);
  await expect(more).toBeVisible({ timeout: 5000 });
  await expect(items).toHaveCount(count);
  await expect(live.text(items.first())).toHaveText(firstText);
  await more.click();
  await expect(items).toHaveCount(count + 1);
  await expect(live.text(items.first())).toHaveText('Studio: an update from the e2e test');
  await expect(more).toBeHidden();
  // Nothing is downloaded before play; then the stream (the demo's WebM fallback) loads and plays.
  const streamRequests = [];
  page.on('request', (r) => { if (r.url().includes('/content/media/')) streamRequests.push(r.url()); });
  await page.waitForTimeout(300);
  expect(streamRequests).toEqual([]);
  await video.evaluate((v) => { v.muted = true; return v.play(); });
  await expect.poll(() => streamRequests.length).toBeGreaterThan(0);
  await expect.poll(() => video.evaluate((v) => !v.paused)).toBe(true);
  await expect(live.problem).toHaveCount(0);
});

test('when the stream cannot be loaded the LIVE page says so clearly', async ({ page }) => {
  await page.route('**/content/media/**', (route) => route.fulfill({ status: 404, body: '' }));
  const live = new LivePage(page);
  await openPage(page, '/live');
  const { video } = live;
  await expect(video).toBeVisible();
  await video.evaluate((v) => { v.muted = true; return v.play().catch(() => {}); });
  await expect(live.problem).toContainText('not available right now');
  await expect(live.items.first()).toBeVisible();
});
