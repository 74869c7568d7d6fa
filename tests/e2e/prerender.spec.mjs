// Prerendered pages: complete without JavaScript (what share-preview crawlers and search engines
// see), and hydrated in the browser with no warnings, after which everything works as before.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, openPage, distDir } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';
import { ArticlePage } from './pages/article.mjs';
import { Listing } from './pages/listing.mjs';
import { Ticker } from './pages/ticker.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const speechDouble = readFileSync(`${here}speech-double.js`, 'utf8');
const ORIGIN = 'https://meridianledger.example';
const SLUG = 'coalition-talks-stall-over-budget-rules';
const ARTICLE = `/article/${SLUG}`;
const source = JSON.parse(readFileSync(`${distDir}content/articles/${SLUG}.json`, 'utf8'));
const authors = JSON.parse(readFileSync(`${distDir}content/authors.json`, 'utf8')).authors;
const firstParagraph = source.body.find((b) => b.type === 'paragraph');

/** The value of a <meta> or <link> attribute in raw HTML (attribute order as leptos writes it). */
function headTag(html, pattern) {
  const m = html.match(pattern);
  return m ? m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"') : null;
}

test('an article is complete in its HTML, before any script runs', async ({ request }) => {
  const resp = await request.get(ARTICLE);
  expect(resp.status()).toBe(200);
  expect(resp.headers()['content-type']).toContain('text/html');
  const html = await resp.text();
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  // Headline, byline, body, hero image.
  // (`<!>` is a hydration marker.)
  expect(html).toMatch(new RegExp(`<h1 class="article__headline">${esc(source.headline).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(<!>)*</h1>`));
  const author = authors.find((a) => a.slug === source.authors[0].slug);
  expect(html).toContain(`href="/author/${author.slug}"`);
  expect(html).toContain(esc(author.name));
  expect(html).toContain(esc(firstParagraph.text).slice(0, 60));
  expect(html).toMatch(new RegExp(`<img[^>]*src="/content/${source.hero.src}"`));
  expect(html).toMatch(/<img[^>]*width="1200"[^>]*height="675"|<img[^>]*height="675"[^>]*width="1200"/);

  // Everything a share preview reads.
  expect(headTag(html, /<title>([^<]*)<\/title>/)).toBe(`${esc(source.headline)} | The Meridian Ledger`);
  expect(headTag(html, /<meta property="og:title" content="([^"]*)"/)).toBe(source.headline);
  expect(headTag(html, /<meta property="og:description" content="([^"]*)"/)).toBe(source.standfirst);
  expect(headTag(html, /<meta property="og:url" content="([^"]*)"/)).toBe(`${ORIGIN}${ARTICLE}`);
  expect(headTag(html, /<meta property="og:type" content="([^"]*)"/)).toBe('article');
  expect(headTag(html, /<meta property="og:image" content="([^"]*)"/)).toBe(`${ORIGIN}/content/${source.hero.src}`);
  expect(headTag(html, /<meta name="twitter:card" content="([^"]*)"/)).toBe('summary_large_image');
  expect(headTag(html, /<meta name="description" content="([^"]*)"/)).toBe(source.standfirst);
  expect(headTag(html, /<link href="([^"]*)" rel="canonical">/)).toBe(`${ORIGIN}${ARTICLE}`);
  const ld = JSON.parse(headTag(html, /<script type="application\/ld\+json">(.*?)<\/script>/));
  expect(ld['@type']).toBe('NewsArticle');
  expect(ld.headline).toBe(source.headline);
  expect(ld.author[0].name).toBe(author.name);
  // Exactly one title, and the page's language from the content.
  expect(html.match(/<title>/g)).toHaveLength(1);
  expect(html).toMatch(/<html[^>]* lang="en"/);
});

test('with JavaScript off, a reader still gets the article, the menus and the ticker', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  const articlePage = new ArticlePage(page);
  const frame = new Frame(page);
  // No app can start here: a plain page load.
  await page.goto(ARTICLE);
  await expect(articlePage.headline).toHaveText(source.headline);
  await expect(articlePage.article.getByRole('link', { name: 'Sofia Marchetti' })).toHaveAttribute('href', '/author/sofia-marchetti');
  const hero = articlePage.hero.getByRole('img', { name: source.hero.alt });
  await expect(hero).toBeVisible();
  await expect.poll(() => hero.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(articlePage.body.getByRole('paragraph').first()).toHaveText(firstParagraph.text);
  await expect(frame.regionLink('Europe')).toHaveAttribute('href', '/region/europe');
  expect(await frame.ticker.items.count()).toBeGreaterThan(0);
  await context.close();
});

test('the app downloads nothing before the first contentful paint', async ({ page, request }) => {
  // Low priority, so the loader does not count as render-blocking (docs/architecture.md).
  expect(await (await request.get(ARTICLE)).text())
    .toMatch(/<script type="module" fetchpriority="low" src="\/newsfront-loader-[0-9a-f]+\.js">/);
  await openPage(page, ARTICLE);
  const { fcp, app } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    app: performance.getEntriesByType('resource')
      .filter((r) => /\/(newsfront-app-|shared\/)/.test(r.name))
      .map((r) => r.startTime),
  }));
  expect(fcp).toBeGreaterThan(0);
  expect(app.length).toBeGreaterThanOrEqual(2);
  for (const start of app) expect(start).toBeGreaterThanOrEqual(fcp);
});

test('every kind of page hydrates with no console warning or error', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => {
    // The harness blocks service workers (see playwright.config.mjs): the browser says so, and
    // the app's registration (leptos-use) reports the refusal. pwa.spec.mjs tests the worker.
    if (/blocked by Playwright|ServiceWorker registration failed/.test(m.text())) return;
    if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
  });
  for (const path of ['/', '/section/politics', '/region/europe', ARTICLE, '/article/in-pictures-desert-bloom', '/live', '/authors', '/page/about',
    // The other editions: right to left, an Arabic slug, a Spanish one with an accent.
    '/ar/', `/ar/article/${encodeURIComponent('المصرف-الاحتياطي-القاري-يثبت-الفائدة-ويتريث-في-الخفض')}`, '/ar/live',
    '/es/section/politics', `/es/article/${encodeURIComponent('valmora-aplaza-al-menos-un-año-la-ampliación-del-puerto')}`]) {
    const resp = await openPage(page, path);
    expect(await resp.text(), `${path} is prerendered`).toContain('id="nf-data"');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Hydrated: the markup's event handlers are attached (found by class: the names are in
    // the edition's language). The ticker is hydrated last, once the page is idle.
    await new Ticker(page).ready();
    const pause = page.locator('section.ticker button.ticker__pause');
    await expect(pause).toHaveAttribute('aria-pressed', 'false');
    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
  }
  expect(messages).toEqual([]);
});

test('a long page hydrates in slices that give the main thread back, and every part of it works', async ({ page, context }) => {
  // A phone's CPU (six times slower): the long article's hydration takes several slices
  // (platform::idle::SLICE_MS), each a task of its own, with a `nf:yield` mark between two.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const messages = [];
  page.on('console', (m) => {
    if (/blocked by Playwright|ServiceWorker registration failed/.test(m.text())) return;
    if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
  });
  await openPage(page, '/article/delta-farmers-switch-to-floating-gardens');
  await page.waitForFunction(() => performance.getEntriesByName('nf:effects', 'mark').length > 0);
  // (One yield is always there: the start-up work before hydration ends its task.)
  const yields = await page.evaluate(() => performance.getEntriesByName('nf:yield', 'mark').length);
  expect(yields).toBeGreaterThan(3);
  // What hydrated after the yields works: the article's tools and the panels' links.
  const save = page.locator('.article__tools button.save');
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // The router handles a panel's link (client navigation: the document stays).
  await page.evaluate(() => { window.__samePage = true; });
  await page.locator('#read-next-title ~ * a.panel__link').first().click();
  await expect(page).not.toHaveURL(/delta-farmers/);
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  expect(messages).toEqual([]);
});

test('on a prerendered article, menus, Listen, Share and the ticker work, then client navigation', async ({ page, isMobile }) => {
  await page.addInitScript(speechDouble);
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', { value: async (data) => { window.__shared.push(data); }, configurable: true });
  });
  const frame = new Frame(page);
  const articlePage = new ArticlePage(page);
  await openPage(page, ARTICLE);
  await page.evaluate(() => { window.__samePage = true; });

  if (isMobile) {
    await frame.menuButton.click();
    await expect(frame.drawer).toBeVisible();
    await expect(frame.closeMenuButton).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(frame.drawer).toBeHidden();
  } else {
    const toggle = frame.submenuToggle('News');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  }

  const { listen } = articlePage;
  await listen.startButton.click();
  await expect(listen.pauseButton).toBeVisible();
  await listen.stopButton.click();
  await expect(listen.startButton).toBeVisible();

  await articlePage.share.button.click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  expect(await page.evaluate(() => window.__shared[0].url)).toBe(`${ORIGIN}${ARTICLE}`);

  await frame.ticker.ready();
  await frame.ticker.pauseButton.click();
  await expect(frame.ticker.playButton).toHaveAttribute('aria-pressed', 'true');

  const next = articlePage.readNext.storyLinks.first();
  const headline = await next.textContent();
  await next.click();
  await expect(articlePage.headline).toHaveText(headline);
  await expect(page).toHaveTitle(new RegExp(headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  expect(await page.evaluate(() => window.__samePage), 'navigated without a page load').toBe(true);
  await expect(articlePage.mostRead.region).toBeVisible();
});

test('page 2 of a listing renders in the browser from the prerendered page 1 file', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => { if (m.type() === 'error') messages.push(m.text()); });
  const listing = new Listing(page);
  await openPage(page, '/?page=2');
  await expect(listing.currentPage).toHaveText('2');
  await expect(listing.cards.first()).toBeVisible();
  const firstOnPage2 = await listing.storyLinks.first().getAttribute('href');
  await openPage(page, '/');
  await expect(listing.cards.first()).toBeVisible();
  expect(await listing.storyLinks.first().getAttribute('href')).not.toBe(firstOnPage2);
  expect(messages).toEqual([]);
});

test('the 404 page is prerendered for unknown addresses outside the routes', async ({ request }) => {
  const resp = await request.get('/404.html');
  expect(resp.status()).toBe(200);
  expect(await resp.text()).toContain('Page not found');
});
