// Display settings (issue 14, reading preferences): theme (device, light, dark) and article text
// size, kept on the device and applied before the first paint by public/prefs.js, with no flash
// of the wrong theme or size (checked on the first frame, with the app's wasm held back).
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPage } from './fixtures.mjs';

const ARTICLE = '/article/algorithms-need-a-right-of-appeal';
const LIGHT_PAPER = 'rgb(255, 255, 255)';
const DARK_PAPER = 'rgb(16, 19, 24)';

/** Records what the page shows in the first animation frame (just before a paint) in which the
 *  element `selector` names has been parsed: the parser may yield to a frame before it reaches
 *  the article's body, and that frame paints none of it. */
async function watchFirstFrame(page, selector = 'body') {
  await page.addInitScript((sel) => {
    const look = () => {
      if (!document.body || !document.querySelector(sel)) {
        requestAnimationFrame(look);
        return;
      }
      const p = document.querySelector('.article__body p');
      window.__firstFrame = {
        theme: document.documentElement.getAttribute('data-theme'),
        paper: getComputedStyle(document.body).backgroundColor,
        text: p && parseFloat(getComputedStyle(p).fontSize),
        appStarted: 'wasmBindings' in window,
      };
    };
    requestAnimationFrame(look);
  }, selector);
}

/** Opens the page with the app's wasm never arriving: what shows is the prerendered page alone. */
async function openWithoutApp(page, url) {
  await page.route('**/*.wasm', () => {}); // never answered
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  return page.evaluate(() => window.__firstFrame);
}

async function openDisplay(page, id = 'display-article') {
  await page.locator(`button[aria-controls="${id}"]`).click();
  await expect(page.locator(`#${id} fieldset`)).toHaveCount(2);
}

test('dark chosen on a light device: applied, kept, and the next page paints dark before the app starts', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openPage(page, ARTICLE);
  const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await paper()).toBe(LIGHT_PAPER);
  // In the split release build the panel's code is a chunk fetched on first open, not with the page.
  const split = requests.some((u) => /split_article_chunk/.test(u));
  expect(requests.filter((u) => /display_chunk/.test(u))).toEqual([]);
  await openDisplay(page);
  if (split) expect(requests.filter((u) => /display_chunk/.test(u))).toHaveLength(1);
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await paper()).toBe(DARK_PAPER);
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute('content', '#0d2a4f');
  expect(await page.evaluate(() => localStorage.getItem('newsfront.theme'))).toBe('dark');

  const fresh = await page.context().newPage();
  await watchFirstFrame(fresh);
  await fresh.emulateMedia({ colorScheme: 'light' });
  const first = await openWithoutApp(fresh, '/section/news');
  expect(first).toMatchObject({ theme: 'dark', paper: DARK_PAPER, appStarted: false });
  await expect(fresh.locator('meta[name="theme-color"]').last()).toHaveAttribute('content', '#0d2a4f');
  await fresh.close();
});

test('light chosen on a dark device wins over the device; "Device setting" gives it back', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page, '/');
  const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await paper()).toBe(DARK_PAPER);
  await openDisplay(page, 'display-footer');
  await page.getByRole('radio', { name: 'Light' }).check();
  expect(await paper()).toBe(LIGHT_PAPER);
  await page.getByRole('radio', { name: 'Device setting' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expect(await paper()).toBe(DARK_PAPER);
  expect(await page.evaluate(() => localStorage.getItem('newsfront.theme'))).toBeNull();
  // Each theme-color meta is back to its own scheme's colour.
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute('content', '#0b2545');
  await expect(page.locator('meta[name="theme-color"]').last()).toHaveAttribute('content', '#0d2a4f');
});

test('article text size: five steps in rem, kept, and the next article opens at that size before the app starts', async ({ page }) => {
  await openPage(page, ARTICLE);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.article__body p')).fontSize));
  const standard = await size();
  const frameText = () => page.evaluate(() => getComputedStyle(document.querySelector('.footer__description')).fontSize);
  const frameBefore = await frameText();
  await openDisplay(page);
  const radios = page.locator('#display-article input[name="nf-text"]');
  await expect(radios).toHaveCount(5);
  await page.getByRole('radio', { name: 'Largest' }).check();
  expect(await size()).toBeCloseTo(standard * 1.5, 1);
  await page.getByRole('radio', { name: 'Small' }).check();
  expect(await size()).toBeCloseTo(standard * 0.875, 1);
  await page.getByRole('radio', { name: 'Larger' }).check();
  // The interface around the article keeps its size.
  expect(await frameText()).toBe(frameBefore);

  const fresh = await page.context().newPage();
  await watchFirstFrame(fresh, '.article__body p');
  const first = await openWithoutApp(fresh, '/article/andes-lithium-town-debates-its-future');
  expect(first.appStarted).toBe(false);
  expect(first.text).toBeCloseTo(standard * 1.25, 1);
  await fresh.close();
});

test('browser zoom still scales the chosen text size (rem)', async ({ page }) => {
  await openPage(page, ARTICLE);
  await page.evaluate(() => localStorage.setItem('newsfront.text', 'l'));
  await page.reload();
  const px = await page.evaluate(() => {
    const p = document.querySelector('.article__body p');
    const before = parseFloat(getComputedStyle(p).fontSize);
    document.documentElement.style.fontSize = '125%'; // what a larger default font size does
    const after = parseFloat(getComputedStyle(p).fontSize);
    return { before, after };
  });
  expect(px.after).toBeCloseTo(px.before * 1.25, 1);
});

test('bad stored preferences are ignored: device theme, standard size, no panic', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('newsfront.theme', '{"mode":"neon"}');
    localStorage.setItem('newsfront.text', '9000');
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await openPage(page, ARTICLE);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  await expect(page.locator('html')).not.toHaveAttribute('data-text', /.*/);
  await openDisplay(page);
  await expect(page.getByRole('radio', { name: 'Device setting' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Standard' })).toBeChecked();
});

test('the panel is translated and closes with Escape, focus back on its button', async ({ page }) => {
  // An article: the front page may offer the English edition in a notice over the footer.
  await openPage(page, '/es/');
  await openPage(page, await page.locator('a[href^="/es/article/"]').first().getAttribute('href'));
  await openDisplay(page);
  await expect(page.getByRole('radio', { name: 'Oscuro' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#display-article')).toHaveCount(0);
  await expect(page.locator('button[aria-controls="display-article"]')).toBeFocused();
});

for (const [what, url, id] of [['article', ARTICLE, 'display-article'], ['home', '/', 'display-footer'], ['Arabic article', null, 'display-article']]) {
  test(`axe: no violations in the dark theme, ${what}, panel open`, async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('newsfront.theme', 'dark'));
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    let target = url;
    if (!target) {
      await openPage(page, '/ar/');
      target = await page.locator('a[href^="/ar/article/"]').first().getAttribute('href');
    }
    await openPage(page, target);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await openDisplay(page, id);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    const summary = result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  });
}
