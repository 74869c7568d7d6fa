// Hostile and broken content: every page renders safely or shows an error, no script from
// content ever runs, no panic, and the menus keep working.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, clientRendered } from './fixtures.mjs';

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
  await page.goto('/article/hostile');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toContainText('<script>window.__pwned=1</script>');
  await expect(h1).toContainText('שלום עולם');
  await expect(page.locator('.article__body')).toContainText('js link');
  await expect(page.locator('.tags a')).toHaveCount(1000);
  await page.waitForTimeout(500);
  await expectNoInjection(page);
  // Images declared enormous (60,000 × 40,000 and 1 × 90,000) stay inside the column.
  const widest = await page.locator('.article__body img').evaluateAll((imgs) => Math.max(...imgs.map((i) => i.getBoundingClientRect().width)));
  expect(widest).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
  const tallest = await page.locator('.article__body img').evaluateAll((imgs) => Math.max(...imgs.map((i) => i.getBoundingClientRect().height)));
  expect(tallest).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), 'no sideways scrolling').toBe(true);
  await expect(page.locator('style')).toHaveCount(await page.locator('head style').count());
  await page.getByRole('navigation', { name: 'Regions' }).getByRole('link', { name: 'Asia', exact: true }).click();
  await expect(h1).toHaveText('Asia');
});

test('a hostile site.json cannot inject links or script into the masthead and footer', async ({ page }) => {
  await clientRendered(page);
  await page.route('**/content/site.json', (route) => route.fulfill({ contentType: 'application/json', body: fixture('site.json') }));
  await page.goto('/');
  await expect(page.locator('.main-nav__link').first()).toContainText('<b onclick');
  await expect(page.locator('.card--lead')).toBeVisible();
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
  await page.goto('/article/huge');
  await expect(page.locator('.article__body > p')).toHaveCount(1000);
  await page.locator('.listen').getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__speech.spoken.length)).toBe(1);
  await expect(page.locator('.listen__progress-text')).toHaveText('1 / 1002');
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
    await page.goto('/section/economy');
    if (what === 'an empty list') {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Economy');
      await expect(page.getByText('No stories here yet.')).toBeVisible();
    } else {
      await expect(page.getByRole('alert')).toBeVisible();
    }
    await expect(page.getByRole('navigation', { name: 'Regions' })).toBeVisible();
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
        await page.goto(page_);
        if (expected === 'alert-or-404') {
          if (how === '404') await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
          else await expect(page.locator('main [role=alert]')).toBeVisible();
        } else {
          // The page's own content still renders.
          await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
          if (expected === 'masthead-alert') await expect(page.locator('.masthead [role=alert]')).toBeVisible();
        }
        if (kind !== 'site') await expect(page.getByRole('navigation', { name: 'Regions' })).toBeVisible();
      });
    }
  }
});
