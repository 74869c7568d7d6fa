// Hostile and broken content: every page renders safely or shows an error, no script from
// content ever runs, no panic, and the menus keep working.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, clientRendered, openPage } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';
import { ArticlePage } from './pages/article.mjs';
import { Listing } from './pages/listing.mjs';

const fixture = (name) => readFileSync(fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url)), 'utf8');

async function expectNoInjection(page) {
  expect(await page.evaluate(() => window.__pwned), 'no script from content ran').toBeUndefined();
  const bad = await page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const v = attr.value.trim().toLowerCase();
        if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
        if (['href', 'src', 'poster', 'action', 'srcset'].includes(attr.name) && /^(javascript|data|vbscript):/.test(v)) found.push(`${el.tagName} ${attr.name}=${v.slice(0, 40)}`);
      }
    }
    return found;
  });
  expect(bad).toEqual([]);
  await expect(page.locator('main script, main iframe, main style')).toHaveCount(0);
}

test('an article full of injection attempts renders as text', async ({ page }) => {
  await page.route('**/content/articles/hostile.json', (route) => route.fulfill({ contentType: 'application/json', body: fixture('article.json') }));
  const frame = new Frame(page);
  const articlePage = new ArticlePage(page);
  await openPage(page, '/article/hostile');
  const h1 = articlePage.headline;
  await expect(h1).toContainText('<script>window.__pwned=1</script>');
  await expect(h1).toContainText('שלום עולם');
  await expect(articlePage.body).toContainText('js link');
  await expect(articlePage.tags.getByRole('link')).toHaveCount(1000);
  await page.waitForTimeout(500);
  await expectNoInjection(page);
  // Images declared enormous (60,000 × 40,000 and 1 × 90,000) stay inside the column.
  const widest = await articlePage.body.locator('img').evaluateAll((imgs) => Math.max(...imgs.map((i) => i.getBoundingClientRect().width)));
  expect(widest).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
  const tallest = await articlePage.body.locator('img').evaluateAll((imgs) => Math.max(...imgs.map((i) => i.getBoundingClientRect().height)));
  expect(tallest).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), 'no sideways scrolling').toBe(true);
  await expect(page.locator('style')).toHaveCount(await page.locator('head style').count());
  await frame.regionLink('Asia').click();
  await expect(h1).toHaveText('Asia');
});

test('a hostile site.json cannot inject links or script into the masthead and footer', async ({ page }) => {
  await clientRendered(page);
  await page.route('**/content/site.json', (route) => route.fulfill({ contentType: 'application/json', body: fixture('site.json') }));
  await openPage(page, '/');
  await expect(new Frame(page).sectionLinks.first()).toContainText('<b onclick');
  await expect(new Listing(page).lead).toBeVisible();
  await page.waitForTimeout(500);
  await expectNoInjection(page);
});

test('an enormous article (50,000 words) renders and Listen builds its script', async ({ page }) => {
  const base = JSON.parse(await (await page.request.get('/content/articles/city-allows-rooftop-beehives.json')).text());
  const sentence = 'The council met again to discuss the harbour budget and the river defences. ';
  base.body = Array.from({ length: 1000 }, (_, i) => ({ type: 'paragraph', text: `${i}. ${sentence.repeat(7)}` }));
  base.reading_minutes = 218;
  await page.addInitScript(readFileSync(fileURLToPath(new URL('./speech-double.js', import.meta.url)), 'utf8'));
  await page.route('**/content/articles/huge.json', (route) => route.fulfill({ json: base }));
  const { body, listen } = new ArticlePage(page);
  await openPage(page, '/article/huge');
  await expect(body.getByRole('paragraph')).toHaveCount(1000);
  await listen.startButton.click();
  await expect.poll(() => page.evaluate(() => window.__speech.spoken.length)).toBe(1);
  await expect(listen.position).toHaveText('1 / 1002');
});

for (const [what, body, status] of [
  ['an empty list', JSON.stringify({ kind: 'section', slug: 'economy', title: 'Economy', page: 1, total_pages: 1, total_items: 0, items: [] }), 200],
  ['a list of the wrong shape', JSON.stringify({ kind: 'section', items: 'nope' }), 200],
  ['a list that is not JSON', '<html>oops</html>', 200],
  ['a list that times out as 504', 'gateway timeout', 504],
]) {
  test(`${what} gives a clear page`, async ({ page }) => {
    await clientRendered(page);
    await page.route('**/content/lists/section/economy/1.json', (route) => route.fulfill({ status, contentType: 'application/json', body }));
    const frame = new Frame(page);
    await openPage(page, '/section/economy');
    if (what === 'an empty list') {
      await expect(frame.heading).toHaveText('Economy');
      await expect(frame.main.getByText('No stories here yet.')).toBeVisible();
    } else {
      await expect(frame.main.getByRole('alert')).toBeVisible();
    }
    await expect(frame.regions).toBeVisible();
  });
}

// Every file kind failing every way a server or network fails: the page still says something
// clear, the frame keeps working, nothing panics (the fixture fails the test on any panic).
const failures = {
  404: (route) => route.fulfill({ status: 404, body: 'not found' }),
  500: (route) => route.fulfill({ status: 500, body: 'internal error' }),
  timeout: (route) => route.abort('timedout'),
};
const kinds = [
  // [file kind, content path, page, what the reader must see]
  ['site', 'site.json', '/', 'masthead-alert'],
  ['ticker feed', 'breaking.json', '/', 'heading'],
  ['most read', 'most-read.json', '/article/coalition-talks-stall-over-budget-rules', 'heading'],
  ['authors', 'authors.json', '/authors', 'alert-or-404'],
  ['article', 'articles/coalition-talks-stall-over-budget-rules.json', '/article/coalition-talks-stall-over-budget-rules', 'alert-or-404'],
  ['list', 'lists/section/economy/1.json', '/section/economy', 'alert-or-404'],
  ['static page', 'pages/about.json', '/page/about', 'alert-or-404'],
  ['live feed', 'live.json', '/live', 'heading'],
];
test.describe('every file kind, every failure', () => {
  test.skip(({ isMobile }) => isMobile, 'the layout does not matter here; one run is enough');
  for (const [kind, path, page_, expected] of kinds) {
    for (const [how, fail] of Object.entries(failures)) {
      test(`${kind} ${how}`, async ({ page }) => {
        await clientRendered(page);
        await page.route(`**/content/${path}`, fail);
        const frame = new Frame(page);
        await openPage(page, page_);
        if (expected === 'alert-or-404') {
          if (how === '404') await expect(frame.heading).toHaveText('Page not found');
          else await expect(frame.main.getByRole('alert')).toBeVisible();
        } else {
          // The page's own content still renders.
          await expect(frame.heading.first()).toBeVisible();
          if (expected === 'masthead-alert') await expect(frame.mastheadAlert).toBeVisible();
        }
        if (kind !== 'site') await expect(frame.regions).toBeVisible();
      });
    }
  }
});
