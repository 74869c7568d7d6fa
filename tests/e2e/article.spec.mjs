// The article page: anatomy, every block kind, Listen, Share, and head metadata.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, clientRendered } from './fixtures.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const speechDouble = readFileSync(`${here}speech-double.js`, 'utf8');
const everyBlock = readFileSync(`${here}../fixtures/article-every-block.json`, 'utf8');
const ORIGIN = 'https://meridianledger.example';
const ARTICLE = '/article/coalition-talks-stall-over-budget-rules';

const spoken = (page) => page.evaluate(() => window.__speech.spoken.map((s) => s.text));

test('the article page has the full anatomy and side panels', async ({ page }) => {
  await page.goto(ARTICLE);
  const article = page.locator('article.article');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Coalition');
  await expect(article.locator('.article__kicker')).toHaveAttribute('href', '/section/politics');
  await expect(article.locator('.article__standfirst')).not.toBeEmpty();
  await expect(article.getByRole('link', { name: 'Sofia Marchetti' })).toHaveAttribute('href', '/author/sofia-marchetti');
  await expect(article.locator('.byline__source')).toContainText('Source:');
  await expect(article.locator('.byline time').first()).toHaveAttribute('datetime', /^2026-11-\d\dT/);
  await expect(article.locator('.byline__meta')).toContainText('min read');
  await expect(article.locator('.article__hero img')).toHaveAttribute('width', '1200');
  await expect(article.locator('.article__hero img')).toHaveAttribute('loading', 'eager');
  await expect(article.locator('.article__caption')).not.toBeEmpty();
  expect(await article.locator('.tags a').count()).toBeGreaterThanOrEqual(3);
  await expect(article.locator('.tags a').first()).toHaveAttribute('href', /^\/tag\//);

  const mostRead = page.getByRole('region', { name: 'Most Read' });
  await expect(mostRead.locator('ol > li')).toHaveCount(4);
  const readNext = page.getByRole('region', { name: 'Read Next' });
  await expect(readNext.locator('li')).toHaveCount(4);
  const most = await mostRead.locator('.panel__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const next = await readNext.locator('.panel__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(next).not.toContain(ARTICLE);
  for (const href of next) expect(most).not.toContain(href);
  await expect(readNext.locator('.panel__section').first()).not.toBeEmpty();
});

test('every block kind renders from the fixture article', async ({ page }) => {
  await page.route('**/content/articles/fixture-every-block.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: everyBlock }));
  await page.goto('/article/fixture-every-block');
  const body = page.locator('.article__body');
  await expect(body.locator('p').first()).toBeVisible();
  await expect(body.locator('h2.article__subheading').first()).toBeVisible();
  await expect(body.locator('.read-more').first()).toContainText('Read more:');
  await expect(body.locator('.related li a')).toHaveCount(2);
  await expect(body.locator('blockquote').first()).toBeVisible();
  await expect(body.locator('figure.figure img')).toHaveAttribute('height', '675');
  await expect(body.locator('ol.list li')).toHaveCount(2);
  await expect(body.locator('video')).toHaveAttribute('preload', 'none');
  await expect(body.locator('video')).toHaveAttribute('poster', /studio\.svg$/);
  await expect(body.locator('.embed-card a')).toHaveAttribute('href', 'https://example.org/report.pdf');
  await expect(body.locator('iframe, script')).toHaveCount(0);
  await expect(body.locator('em')).toHaveText('careful');
  await expect(body).toContainText('this trap');
  expect(await body.locator('a[href^="javascript"]').count()).toBe(0);
});

test('Listen reads paragraph by paragraph, pauses, resumes, skips, remembers speed, stops on navigation', async ({ page }) => {
  await page.addInitScript(speechDouble);
  await page.goto(ARTICLE);
  const headline = await page.locator('.article__headline').textContent();
  const listen = page.locator('.listen');
  await listen.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(() => spoken(page)).toEqual([headline]);
  const first = await page.evaluate(() => window.__speech.spoken[0]);
  expect(first.lang).toBe('en');
  expect(first.rate).toBe(1);

  await page.evaluate(() => window.__speech.finish());
  await page.evaluate(() => window.__speech.finish());
  await expect.poll(async () => (await spoken(page)).length).toBe(3);
  const para0 = (await page.locator('.article__body [data-block="0"]').textContent()).trim();
  const third = (await spoken(page))[2];
  expect(para0.startsWith(third.split(' ').slice(0, 6).join(' '))).toBe(true);
  expect(third.split(/\s+/).length).toBeLessThanOrEqual(35);
  await expect(page.locator('.article__body [data-block="0"]')).toHaveClass(/is-reading/);
  await expect(listen.getByRole('status')).toHaveText(/paragraph 3 of \d+/);

  // Pause cancels; resume speaks the same utterance again (no reliance on speechSynthesis.pause()).
  const cancelsBefore = await page.evaluate(() => window.__speech.cancels);
  await listen.getByRole('button', { name: 'Pause' }).click();
  await expect(listen.getByRole('status')).toHaveText('Paused');
  expect(await page.evaluate(() => window.__speech.cancels)).toBeGreaterThan(cancelsBefore);
  await listen.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(async () => (await spoken(page)).at(-1)).toBe(third);

  // Next paragraph, then previous.
  await listen.getByRole('button', { name: 'Next paragraph' }).click();
  const para1 = (await page.locator('.article__body [data-block="1"]').textContent()).trim();
  await expect.poll(async () => para1.startsWith((await spoken(page)).at(-1).split(' ').slice(0, 6).join(' '))).toBe(true);
  await listen.getByRole('button', { name: 'Previous paragraph' }).click();
  await expect.poll(async () => (await spoken(page)).at(-1)).toBe(third);

  // Speed applies at once and is remembered across visits.
  await listen.locator('select').selectOption('1.5');
  await expect.poll(() => page.evaluate(() => window.__speech.spoken.at(-1).rate)).toBe(1.5);
  const captions = await page.locator('figcaption').allTextContents();
  for (const text of await spoken(page)) for (const c of captions) if (c.trim()) expect(text).not.toContain(c.trim());

  // Navigating away cancels speech.
  const cancels = await page.evaluate(() => window.__speech.cancels);
  await page.getByRole('region', { name: 'Read Next' }).locator('.panel__link').first().click();
  await expect(page).not.toHaveURL(new RegExp(`${ARTICLE}$`));
  await expect.poll(() => page.evaluate(() => window.__speech.cancels)).toBeGreaterThan(cancels);
  await page.reload();
  await expect(page.locator('.listen select')).toHaveValue('1.5');
});

test('Listen reads a whole short article in order, in short utterances', async ({ page }) => {
  await page.addInitScript(speechDouble);
  await page.addInitScript(() => { window.__speech.autoMs = 5; });
  await page.goto('/article/city-allows-rooftop-beehives');
  await page.locator('.listen').getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(page.locator('.listen').getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.locator('.listen').getByRole('button', { name: 'Listen', exact: true })).toBeVisible({ timeout: 15_000 });
  const texts = await spoken(page);
  // What a listener should hear: paragraphs, subheadings, quotes (with attribution) and lists,
  // in page order; never captions, credits or links to other articles.
  const body = await page.evaluate(() => [...document.querySelectorAll('.article__body [data-block]')].map((el) => {
    if (el.matches('p:not(.read-more):not(.embed-card), h2')) return el.textContent;
    if (el.matches('blockquote')) return `${el.querySelector('p').textContent} (${el.querySelector('footer').textContent})`;
    if (el.matches('ul, ol')) return [...el.querySelectorAll('li')].map((li) => li.textContent).join(' ');
    return '';
  }).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim());
  const read = texts.slice(2).join(' ').replace(/\s+/g, ' ').trim();
  expect(read).toBe(body);
  for (const t of texts) expect(t.split(/\s+/).length).toBeLessThanOrEqual(35);
});

test('Listen is hidden where speech synthesis is unavailable', async ({ page }) => {
  await page.addInitScript(() => { delete window.speechSynthesis; Object.defineProperty(window, 'speechSynthesis', { value: undefined }); });
  await page.goto(ARTICLE);
  await expect(page.locator('.article__headline')).toBeVisible();
  await expect(page.locator('.listen')).toBeHidden();
});

test('Share uses the system share sheet with the canonical URL', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', { value: async (data) => { window.__shared.push(data); }, configurable: true });
  });
  await page.goto(`${ARTICLE}?utm_source=newsletter#section-2`);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  const shared = await page.evaluate(() => window.__shared[0]);
  expect(shared.url).toBe(`${ORIGIN}${ARTICLE}`);
  expect(shared.title).toBe(await page.locator('.article__headline').textContent());
  await expect(page.locator('.share__menu')).toBeHidden();
});

test('without Web Share, the menu offers networks and Copy link copies the canonical URL', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await page.goto(`${ARTICLE}?utm_campaign=x`);
  const toggle = page.getByRole('button', { name: 'Share' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const menu = page.locator('#share-menu');
  await expect(menu).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const names = await menu.locator('.share__link').allTextContents();
  expect(names).toEqual(['X', 'Facebook', 'WhatsApp', 'Telegram', 'LinkedIn', 'Email']);
  const encoded = encodeURIComponent(`${ORIGIN}${ARTICLE}`);
  await expect(menu.getByRole('link', { name: 'X' })).toHaveAttribute('href', new RegExp(`url=${encoded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await menu.getByRole('button', { name: 'Copy link' }).click();
  await expect(menu.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}${ARTICLE}`);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});

test('head metadata and JSON-LD follow client-side navigation', async ({ page }) => {
  const check = async () => {
    const path = new URL(page.url()).pathname;
    const headline = (await page.locator('.article__headline').textContent()).trim();
    const standfirst = (await page.locator('.article__standfirst').textContent()).trim();
    await expect(page).toHaveTitle(`${headline} | The Meridian Ledger`);
    await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${ORIGIN}${path}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', standfirst);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', headline);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`^${ORIGIN}/content/images/`));
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', /^\d+$/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const ld = page.locator('script[type="application/ld+json"]');
    await expect(ld).toHaveCount(1);
    const data = JSON.parse(await ld.textContent());
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(headline);
    expect(data.url).toBe(`${ORIGIN}${path}`);
    expect(data.author.length).toBeGreaterThan(0);
    expect(data.publisher.name).toBe('The Meridian Ledger');
    expect(data.datePublished).toMatch(/^2026-/);
  };
  await page.goto(ARTICLE);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  await check();
  const before = await page.locator('.article__headline').textContent();
  const link = page.getByRole('region', { name: 'Read Next' }).locator('.panel__link').first();
  const nextHeadline = await link.textContent();
  expect(nextHeadline).not.toBe(before);
  await link.click();
  await expect(page.locator('.article__headline')).toHaveText(nextHeadline);
  await check();
  await page.getByRole('navigation', { name: 'Regions' }).getByRole('link', { name: 'Africa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Africa');
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${ORIGIN}/region/africa`);
});

test('a speech engine error stops Listen and says so', async ({ page }) => {
  await page.addInitScript(speechDouble);
  await page.goto(ARTICLE);
  const listen = page.locator('.listen');
  await listen.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(async () => (await spoken(page)).length).toBe(1);
  await page.evaluate(() => { const u = window.__speech.current; window.__speech.current = null; u.onerror(new Event('error')); });
  await expect(listen.getByRole('status')).toContainText('could not speak');
  await expect(listen.getByRole('button', { name: 'Listen', exact: true })).toBeVisible();
  expect((await spoken(page)).length).toBe(1);
});

test('leaving the page (pagehide) stops Listen', async ({ page }) => {
  await page.addInitScript(speechDouble);
  await page.goto(ARTICLE);
  const listen = page.locator('.listen');
  await listen.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(listen.getByRole('button', { name: 'Pause' })).toBeVisible();
  const cancels = await page.evaluate(() => window.__speech.cancels);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await expect(listen.getByRole('button', { name: 'Listen', exact: true })).toBeVisible();
  expect(await page.evaluate(() => window.__speech.cancels)).toBeGreaterThan(cancels);
});

/** Opens ARTICLE, then `hops` Read Next links, checking Most Read on each; returns the
 * most-read.json requests seen. */
async function mostReadRequests(page, hops) {
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('/content/most-read.json')) fetched.push(r.url()); });
  await page.goto(ARTICLE);
  await expect(page.getByRole('region', { name: 'Most Read' })).toBeVisible();
  for (let i = 0; i < hops; i++) {
    const link = page.getByRole('region', { name: 'Read Next' }).locator('.panel__link').first();
    const headline = await link.textContent();
    await link.click();
    await expect(page.locator('.article__headline')).toHaveText(headline);
    await expect(page.getByRole('region', { name: 'Most Read' })).toBeVisible();
  }
  return fetched;
}

test('Most Read is fetched once per visit, not once per article', async ({ page }) => {
  const fetched = await mostReadRequests(page, 2);
  // The prerendered first page carries it; the pages opened after it share that copy.
  expect(fetched).toHaveLength(0);
});

test('Most Read is fetched once per visit when the first page renders in the browser', async ({ page }) => {
  await clientRendered(page);
  expect(await mostReadRequests(page, 1)).toHaveLength(1);
});
