// Prerendered pages: complete without JavaScript (what share-preview crawlers and search engines
// see), and hydrated in the browser with no warnings, after which everything works as before.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const speechDouble = readFileSync(`${here}speech-double.js`, 'utf8');
const ORIGIN = 'https://meridianledger.example';
const SLUG = 'coalition-talks-stall-over-budget-rules';
const ARTICLE = `/article/${SLUG}`;
const source = JSON.parse(readFileSync(`${here}../../dist/content/articles/${SLUG}.json`, 'utf8'));
const authors = JSON.parse(readFileSync(`${here}../../dist/content/authors.json`, 'utf8')).authors;
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
  await page.goto(ARTICLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(source.headline);
  await expect(page.locator('.byline')).toContainText('Sofia Marchetti');
  const hero = page.locator('.article__hero img');
  await expect(hero).toBeVisible();
  await expect.poll(() => hero.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.locator('.article__body p').first()).not.toBeEmpty();
  await expect(page.getByRole('navigation', { name: 'Regions' }).getByRole('link', { name: 'Europe' })).toHaveAttribute('href', '/region/europe');
  expect(await page.locator('.ticker__list:not(.ticker__list--copy) .ticker__item').count()).toBeGreaterThan(0);
  await context.close();
});

test('every kind of page hydrates with no console warning or error', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => {
    // The harness blocks service workers (see playwright.config.mjs) and says so itself.
    if (m.text().includes('blocked by Playwright')) return;
    if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
  });
  for (const path of ['/', '/section/politics', '/region/europe', ARTICLE, '/article/in-pictures-desert-bloom', '/live', '/authors', '/page/about']) {
    const resp = await page.goto(path);
    expect(await resp.text(), `${path} is prerendered`).toContain('id="nf-data"');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Hydrated: the markup's event handlers are attached.
    await page.waitForFunction(() => !!window.wasmBindings);
    const pause = page.locator('.ticker__pause');
    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
  }
  expect(messages).toEqual([]);
});

test('on a prerendered article, menus, Listen, Share and the ticker work, then client navigation', async ({ page, isMobile }) => {
  await page.addInitScript(speechDouble);
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', { value: async (data) => { window.__shared.push(data); }, configurable: true });
  });
  await page.goto(ARTICLE);
  await page.waitForFunction(() => !!window.wasmBindings);
  await page.evaluate(() => { window.__samePage = true; });

  if (isMobile) {
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Site menu' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close menu' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Site menu' })).toBeHidden();
  } else {
    const toggle = page.getByRole('button', { name: 'News submenu' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  }

  const listen = page.locator('.listen');
  await listen.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(listen.getByRole('button', { name: 'Pause' })).toBeVisible();
  await listen.getByRole('button', { name: 'Stop listening' }).click();

  await page.getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  expect(await page.evaluate(() => window.__shared[0].url)).toBe(`${ORIGIN}${ARTICLE}`);

  const pause = page.locator('.ticker__pause');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');

  const next = page.getByRole('region', { name: 'Read Next' }).locator('.panel__link').first();
  const headline = await next.textContent();
  await next.click();
  await expect(page.locator('.article__headline')).toHaveText(headline);
  await expect(page).toHaveTitle(new RegExp(headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  expect(await page.evaluate(() => window.__samePage), 'navigated without a page load').toBe(true);
  await expect(page.getByRole('region', { name: 'Most Read' })).toBeVisible();
});

test('page 2 of a listing renders in the browser from the prerendered page 1 file', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => { if (m.type() === 'error') messages.push(m.text()); });
  await page.goto('/?page=2');
  await expect(page.locator('.pagination__current')).toContainText('2');
  await expect(page.locator('.card').first()).toBeVisible();
  const firstOnPage2 = await page.locator('.card a').first().getAttribute('href');
  await page.goto('/');
  expect(await page.locator('.card a').first().getAttribute('href')).not.toBe(firstOnPage2);
  expect(messages).toEqual([]);
});

test('the 404 page is prerendered for unknown addresses outside the routes', async ({ request }) => {
  const resp = await request.get('/404.html');
  expect(resp.status()).toBe(200);
  expect(await resp.text()).toContain('Page not found');
});
