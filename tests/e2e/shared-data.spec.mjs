// What a prerendered page hydrates from: its own content file by version (the loader fetches
// `<content>/<path>?v=<fingerprint>` after the first paint), site-wide files (site.json, the
// ticker, Most Read) as immutable, content-named copies under /shared/ (docs/prerender.md).
// Hydration must still match the markup; a file that cannot be loaded, or that changed since
// the build, makes the app render the page itself.
import { test, expect, openPage } from './fixtures.mjs';
import { Ticker } from './pages/ticker.mjs';

const ARTICLE = '/article/coalition-talks-stall-over-budget-rules';
const OWN = 'articles/coalition-talks-stall-over-budget-rules.json';

/** The `nf-data` snapshot embedded in a page's HTML. */
function snapshotOf(html) {
  const m = html.match(/<script type="application\/json" id="nf-data">(.*?)<\/script>/s);
  expect(m, 'the page embeds its data').not.toBeNull();
  return JSON.parse(m[1]);
}

test('an article names its own file by version and immutable shared copies of site-wide files', async ({ request }) => {
  const html = await (await request.get(ARTICLE)).text();
  const snapshot = snapshotOf(html);
  // No content text travels in the page's data: the article is in its markup already.
  expect(snapshot.files).toEqual({});
  expect(Object.keys(snapshot.fetched)).toEqual([OWN]);
  expect(snapshot.fetched[OWN]).toMatch(/^[0-9a-f]{16}$/);
  const own = await request.get(`/content/${OWN}?v=${snapshot.fetched[OWN]}`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toBe(await (await request.get(`/content/${OWN}`)).text());
  for (const path of ['site.json', 'breaking.json', 'most-read.json']) {
    const url = snapshot.shared[path];
    expect(url, path).toMatch(new RegExp(`^/shared/${path.replace('.json', '')}\\.[0-9a-f]{16}\\.json$`));
    const copy = await request.get(url);
    expect(copy.status()).toBe(200);
    expect(copy.headers()['cache-control']).toContain('immutable');
    // The copy is the file the page was rendered from (the build has not changed it since).
    expect(await copy.text()).toBe(await (await request.get(`/content/${path}`)).text());
  }
  // Build bookkeeping is not served.
  expect((await request.get('/.prerender.json')).status()).toBe(404);
});

test('the page hydrates from its shared copies, fetched before the app starts', async ({ page }) => {
  const copies = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/shared/')) copies.push(r.url()); });
  await openPage(page, ARTICLE);
  await page.evaluate(() => { window.__samePage = true; });
  expect(copies.length).toBeGreaterThanOrEqual(3);
  // Hydrated, not re-rendered: the prerendered headline element is the live one.
  const pause = page.locator('.ticker__pause');
  await new Ticker(page).ready();
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
});

test('when a shared copy cannot be loaded, the app renders the page itself', async ({ page }) => {
  await page.route('**/shared/site.*.json', (route) => route.fulfill({ status: 503, body: '' }));
  await openPage(page, ARTICLE);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Regions' }).getByRole('link', { name: 'Europe' })).toBeVisible();
  const pause = page.locator('.ticker__pause');
  await new Ticker(page).ready();
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
});

test('when the article changed after the build, the app renders the new version instead of hydrating the old', async ({ page, request }) => {
  const source = await (await request.get(`/content/${OWN}`)).json();
  const edited = { ...source, headline: 'Coalition talks resume after a week of silence' };
  await page.route(`**/content/${OWN}*`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(edited) }));
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  await openPage(page, ARTICLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(edited.headline);
  expect(logs.join('\n')).toContain('is not the version the page was built from');
});
