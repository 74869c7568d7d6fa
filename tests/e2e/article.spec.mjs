// The article page: anatomy, every block kind, Listen, Share, and head metadata.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, clientRendered, openPage, reloadPage } from './fixtures.mjs';
import { ArticlePage, Panel, articleSource } from './pages/article.mjs';
import { distDir } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const speechDouble = readFileSync(`${here}speech-double.js`, 'utf8');
const everyBlock = readFileSync(`${here}../fixtures/article-every-block.json`, 'utf8');
const ORIGIN = 'https://meridianledger.example';
const SLUG = 'coalition-talks-stall-over-budget-rules';
const ARTICLE = `/article/${SLUG}`;

const spoken = (page) => page.evaluate(() => window.__speech.spoken.map((s) => s.text));

test('the article page has the full anatomy and side panels', async ({ page }) => {
  const source = articleSource(SLUG);
  const articlePage = new ArticlePage(page);
  const { article } = articlePage;
  await openPage(page, ARTICLE);
  await expect(articlePage.headline).toHaveText(source.headline);
  // The kicker: the first link of the article, to its section.
  await expect(article.getByRole('link').first()).toHaveAttribute('href', '/section/politics');
  await expect(article.getByText(source.standfirst, { exact: true })).toBeVisible();
  await expect(article.getByRole('link', { name: 'Sofia Marchetti' })).toHaveAttribute('href', '/author/sofia-marchetti');
  await expect(article.getByText(`Source: ${source.source}`, { exact: true })).toBeVisible();
  await expect(article.getByRole('time').first()).toHaveAttribute('datetime', /^2026-11-\d\dT/);
  await expect(article.getByText(`${source.reading_minutes} min read`)).toBeVisible();
  const hero = articlePage.hero.getByRole('img', { name: source.hero.alt });
  await expect(hero).toHaveAttribute('width', '1200');
  await expect(hero).toHaveAttribute('loading', 'eager');
  await expect(articlePage.hero.getByText(source.hero.caption)).toBeVisible();
  const tags = articlePage.tags.getByRole('link');
  expect(await tags.count()).toBeGreaterThanOrEqual(3);
  await expect(tags.first()).toHaveAttribute('href', /^\/tag\//);

  // Most Read is ranked: an ordered list.
  await expect(articlePage.mostRead.region.locator('ol > li')).toHaveCount(4);
  await expect(articlePage.mostRead.items).toHaveCount(4);
  await expect(articlePage.readNext.items).toHaveCount(4);
  const most = await articlePage.mostRead.hrefs();
  const next = await articlePage.readNext.hrefs();
  expect(most).toHaveLength(4);
  expect(next).toHaveLength(4);
  expect(next).not.toContain(ARTICLE);
  for (const href of next) expect(most).not.toContain(href);
  await expect(articlePage.readNext.sectionLinks.first()).not.toBeEmpty();
});

test('Coverage of the running story comes after Read Next, loaded after hydration, not in the HTML, built when the reader nears it', async ({ page, request }, testInfo) => {
  const slug = 'river-delta-flood-defences-tested';
  const { topic } = articleSource(slug);
  const html = await (await request.get(`/article/${slug}`)).text();
  // Not prerendered: a page that read the topic's list would be rendered again whenever any
  // article of the story changed (docs/publishing.md).
  expect(html).not.toContain('id="coverage-title"');
  expect(html).toContain('id="read-next-title"');

  const listUrl = `/content/lists/topic/${topic.slug}/1.json`;
  const asked = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === listUrl) asked.push(r.url()); });
  await openPage(page, `/article/${slug}`);
  const coverage = new Panel(page, `Coverage: ${topic.title}`);
  if (testInfo.project.name === 'mobile') {
    // On a phone the panels are far below the article: the start-up neither fetches the
    // topic's list nor builds it.
    await page.waitForFunction(() => performance.getEntriesByName('nf:idle', 'mark').length > 0);
    await expect(page.locator('#coverage-title')).toHaveCount(0);
    expect(asked).toEqual([]);
  }
  await page.locator('#read-next-title').scrollIntoViewIfNeeded();
  await expect(coverage.items.first()).toBeVisible();
  expect(asked).toHaveLength(1);
  const list = JSON.parse(readFileSync(`${distDir}content/lists/topic/${topic.slug}/1.json`, 'utf8'));
  const expected = list.items.map((t) => `/article/${t.slug}`).filter((h) => h !== `/article/${slug}`).slice(0, 4);
  expect(await coverage.hrefs()).toEqual(expected);
  // Last of the panels, so arriving it pushes none of them down.
  const ids = await page.locator('.article-layout__aside .panel__title').evaluateAll((hs) => hs.map((h) => h.id));
  expect(ids).toEqual(['most-read-title', 'read-next-title', 'coverage-title']);
});

test('every block kind renders from the fixture article', async ({ page }) => {
  await page.route('**/content/articles/fixture-every-block.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: everyBlock }));
  await openPage(page, '/article/fixture-every-block');
  const { body } = new ArticlePage(page);
  await expect(body.getByRole('paragraph').first()).toBeVisible();
  await expect(body.getByRole('heading', { level: 2, name: 'The sticking point' })).toBeVisible();
  const readMore = body.getByRole('paragraph').filter({ hasText: /^Read more: / });
  await expect(readMore).toHaveCount(2);
  await expect(readMore.first().getByRole('link', { name: 'Valmora council vote delays port expansion by at least a year' }))
    .toHaveAttribute('href', '/article/council-vote-delays-port-expansion');
  await expect(body.getByRole('complementary').filter({ has: page.getByRole('heading', { name: 'Related News' }) }).getByRole('listitem').getByRole('link')).toHaveCount(2);
  await expect(body.getByRole('blockquote').first()).toBeVisible();
  await expect(body.getByRole('figure').getByRole('img', { name: 'The parliament building' })).toHaveAttribute('height', '675');
  await expect(body.locator('ol').filter({ hasText: 'First step' }).getByRole('listitem')).toHaveText(['First step', 'Second step']);
  await expect(body.locator('video')).toHaveAttribute('preload', 'none');
  await expect(body.locator('video')).toHaveAttribute('poster', /studio\.svg$/);
  await expect(body.getByRole('link', { name: /Full budget report \(PDF\)/ })).toHaveAttribute('href', 'https://example.org/report.pdf');
  await expect(body.locator('iframe, script')).toHaveCount(0);
  await expect(body.getByRole('emphasis')).toHaveText('careful');
  await expect(body).toContainText('this trap');
  expect(await body.locator('a[href^="javascript"]').count()).toBe(0);
});

test('Listen reads paragraph by paragraph, pauses, resumes, skips, remembers speed, stops on navigation', async ({ page }) => {
  await page.addInitScript(speechDouble);
  const articlePage = new ArticlePage(page);
  const { listen } = articlePage;
  await openPage(page, ARTICLE);
  const headline = await articlePage.headline.textContent();
  await listen.startButton.click();
  await expect.poll(() => spoken(page)).toEqual([headline]);
  const first = await page.evaluate(() => window.__speech.spoken[0]);
  expect(first.lang).toBe('en');
  expect(first.rate).toBe(1);

  await page.evaluate(() => window.__speech.finish());
  await page.evaluate(() => window.__speech.finish());
  await expect.poll(async () => (await spoken(page)).length).toBe(3);
  const para0 = (await articlePage.block(0).textContent()).trim();
  const third = (await spoken(page))[2];
  expect(para0.startsWith(third.split(' ').slice(0, 6).join(' '))).toBe(true);
  expect(third.split(/\s+/).length).toBeLessThanOrEqual(35);
  await expect(articlePage.block(0)).toHaveClass(/is-reading/);
  await expect(listen.status).toHaveText(/paragraph 3 of \d+/);

  // Pause cancels; resume speaks the same utterance again (no reliance on speechSynthesis.pause()).
  const cancelsBefore = await page.evaluate(() => window.__speech.cancels);
  await listen.pauseButton.click();
  await expect(listen.status).toHaveText('Paused');
  expect(await page.evaluate(() => window.__speech.cancels)).toBeGreaterThan(cancelsBefore);
  await listen.resumeButton.click();
  await expect.poll(async () => (await spoken(page)).at(-1)).toBe(third);

  // Next paragraph, then previous.
  await listen.nextButton.click();
  const para1 = (await articlePage.block(1).textContent()).trim();
  await expect.poll(async () => para1.startsWith((await spoken(page)).at(-1).split(' ').slice(0, 6).join(' '))).toBe(true);
  await listen.previousButton.click();
  await expect.poll(async () => (await spoken(page)).at(-1)).toBe(third);

  // Speed applies at once and is remembered across visits.
  await listen.speed.selectOption('1.5');
  await expect.poll(() => page.evaluate(() => window.__speech.spoken.at(-1).rate)).toBe(1.5);
  const captions = await articlePage.article.locator('figcaption').allTextContents();
  expect(captions.length).toBeGreaterThan(0);
  for (const text of await spoken(page)) for (const c of captions) if (c.trim()) expect(text).not.toContain(c.trim());

  // Navigating away cancels speech.
  const cancels = await page.evaluate(() => window.__speech.cancels);
  await articlePage.readNext.storyLinks.first().click();
  await expect(page).not.toHaveURL(new RegExp(`${ARTICLE}$`));
  await expect.poll(() => page.evaluate(() => window.__speech.cancels)).toBeGreaterThan(cancels);
  await reloadPage(page);
  await expect(listen.speed).toHaveValue('1.5');
});

test('Listen reads a whole short article in order, in short utterances', async ({ page }) => {
  await page.addInitScript(speechDouble);
  // Each utterance "ends" after 40 ms: fast, yet slow enough to see the player while it plays.
  await page.addInitScript(() => { window.__speech.autoMs = 40; });
  const articlePage = new ArticlePage(page);
  const { listen } = articlePage;
  await openPage(page, '/article/city-allows-rooftop-beehives');
  await listen.startButton.click();
  await expect(listen.pauseButton).toBeVisible();
  await expect(listen.startButton).toBeVisible({ timeout: 15_000 });
  const texts = await spoken(page);
  // What a listener should hear: paragraphs, subheadings, quotes (with attribution) and lists,
  // in page order; never captions, credits or links to other articles.
  const body = await articlePage.body.locator('[data-block]').evaluateAll((blocks) => blocks.map((el) => {
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
  const { headline, listen } = new ArticlePage(page);
  await openPage(page, ARTICLE);
  await expect(headline).toBeVisible();
  await expect(listen.root).toBeAttached();
  await expect(listen.root).toBeHidden();
  await expect(listen.startButton).toHaveCount(0);
});

test('Share uses the system share sheet with the canonical URL', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', { value: async (data) => { window.__shared.push(data); }, configurable: true });
  });
  const { headline, share } = new ArticlePage(page);
  await openPage(page, `${ARTICLE}?utm_source=newsletter#section-2`);
  await share.button.click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  const shared = await page.evaluate(() => window.__shared[0]);
  expect(shared.url).toBe(`${ORIGIN}${ARTICLE}`);
  expect(shared.title).toBe(await headline.textContent());
  await expect(share.menu).toBeAttached();
  await expect(share.menu).toBeHidden();
});

test('without Web Share, the menu offers networks and Copy link copies the canonical URL', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  const { share } = new ArticlePage(page);
  await openPage(page, `${ARTICLE}?utm_campaign=x`);
  const toggle = share.button;
  const { menu } = share;
  await expect(toggle).toHaveAttribute('aria-controls', share.menuId);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(share.networkLinks).toHaveText(['X', 'Facebook', 'WhatsApp', 'Telegram', 'LinkedIn', 'Email']);
  const encoded = encodeURIComponent(`${ORIGIN}${ARTICLE}`);
  await expect(menu.getByRole('link', { name: 'X' })).toHaveAttribute('href', new RegExp(`url=${encoded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await share.copyButton.click();
  await expect(share.message).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}${ARTICLE}`);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});

test('head metadata and JSON-LD follow client-side navigation', async ({ page }) => {
  const articlePage = new ArticlePage(page);
  const frame = new Frame(page);
  const check = async () => {
    const path = new URL(page.url()).pathname;
    const headline = (await articlePage.headline.textContent()).trim();
    const { standfirst } = articleSource(path.replace('/article/', ''));
    await expect(articlePage.article.getByText(standfirst, { exact: true })).toBeVisible();
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
  await openPage(page, ARTICLE);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  await check();
  const before = await articlePage.headline.textContent();
  const link = articlePage.readNext.storyLinks.first();
  const nextHeadline = await link.textContent();
  expect(nextHeadline).not.toBe(before);
  await link.click();
  await expect(articlePage.headline).toHaveText(nextHeadline);
  await check();
  await frame.regionLink('Africa').click();
  await expect(frame.heading).toHaveText('Africa');
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${ORIGIN}/region/africa`);
});

test('a speech engine error stops Listen and says so', async ({ page }) => {
  await page.addInitScript(speechDouble);
  const { listen } = new ArticlePage(page);
  await openPage(page, ARTICLE);
  await listen.startButton.click();
  await expect.poll(async () => (await spoken(page)).length).toBe(1);
  await page.evaluate(() => { const u = window.__speech.current; window.__speech.current = null; u.onerror(new Event('error')); });
  await expect(listen.status).toContainText('could not speak');
  await expect(listen.startButton).toBeVisible();
  expect((await spoken(page)).length).toBe(1);
});

test('leaving the page (pagehide) stops Listen', async ({ page }) => {
  await page.addInitScript(speechDouble);
  const { listen } = new ArticlePage(page);
  await openPage(page, ARTICLE);
  await listen.startButton.click();
  await expect(listen.pauseButton).toBeVisible();
  const cancels = await page.evaluate(() => window.__speech.cancels);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await expect(listen.startButton).toBeVisible();
  expect(await page.evaluate(() => window.__speech.cancels)).toBeGreaterThan(cancels);
});

/** Opens ARTICLE, then `hops` Read Next links, checking Most Read on each; returns the
 * most-read.json requests seen. */
async function mostReadRequests(page, hops) {
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('/content/most-read.json')) fetched.push(r.url()); });
  const articlePage = new ArticlePage(page);
  await openPage(page, ARTICLE);
  await expect(articlePage.mostRead.region).toBeVisible();
  for (let i = 0; i < hops; i++) {
    const link = articlePage.readNext.storyLinks.first();
    const headline = await link.textContent();
    await link.click();
    await expect(articlePage.headline).toHaveText(headline);
    await expect(articlePage.mostRead.region).toBeVisible();
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

test('dates keep the text they were published with; the reader\'s local time is in the tooltip', async ({ page, request }) => {
  const html = await (await request.get(ARTICLE)).text();
  const built = html.match(/<p class="byline__meta"><time datetime="[^"]+"[^>]*>([^<]+)</)[1];
  await openPage(page, ARTICLE);
  const time = page.locator('.byline__meta time').first();
  await time.hover();
  await expect(time).toHaveAttribute('title', /\d/);
  await expect(time).toHaveText(built);
});
