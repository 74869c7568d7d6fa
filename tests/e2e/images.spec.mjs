// Photographs as responsive variants (issue 15, docs/images.md): the browser downloads one
// variant of the hero, in the best format it supports, no wider than the place it is shown in.
import { test, expect, openPage } from './fixtures.mjs';
import { ArticlePage } from './pages/article.mjs';

const ARTICLE = '/article/notes-from-a-night-ferry';
// newsfront_model::layout::IMAGE_WIDTHS and the hero's `sizes` (layout::sizes::ARTICLE_COLUMN).
const WIDTHS = [360, 640, 960, 1280, 1600, 2048];
const needed = (viewport, dpr) => (viewport >= 900 ? 720 : viewport) * dpr;
const enough = (px) => WIDTHS.find((w) => w >= px) ?? WIDTHS[WIDTHS.length - 1];

/** Opens the article in a context of the given screen and returns the hero variants fetched. */
async function heroRequests(browser, baseURL, { width, height, dpr, mobile }) {
  const context = await browser.newContext({
    baseURL, viewport: { width, height }, deviceScaleFactor: dpr, isMobile: mobile, hasTouch: mobile,
  });
  try {
    const page = await context.newPage();
    const photos = [];
    page.on('request', (r) => {
      const m = new URL(r.url()).pathname.match(/\/images\/photos\/harbour-dawn\.([0-9a-f]{16})\.(\d+)\.(\w+)$/);
      if (m) photos.push({ width: Number(m[2]), format: m[3] });
    });
    await openPage(page, ARTICLE);
    const hero = new ArticlePage(page).hero.getByRole('img');
    await expect(hero).toBeVisible();
    await expect.poll(() => hero.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    const current = await hero.evaluate((img) => img.currentSrc);
    return { photos, current };
  } finally {
    await context.close();
  }
}

test('a 390 px phone at 3x downloads one AVIF variant of the hero, no wider than it needs', async ({ browser, baseURL }, info) => {
  test.skip(info.project.name !== 'mobile', 'one screen per project');
  const { photos, current } = await heroRequests(browser, baseURL, { width: 390, height: 844, dpr: 3, mobile: true });
  expect(photos).toEqual([{ width: enough(needed(390, 3)), format: 'avif' }]);
  expect(current).toMatch(/\.1280\.avif$/);
});

test('a desktop screen downloads the hero at the article column\'s width, in AVIF', async ({ browser, baseURL }, info) => {
  test.skip(info.project.name !== 'desktop', 'one screen per project');
  const { photos } = await heroRequests(browser, baseURL, { width: 1280, height: 900, dpr: 1, mobile: false });
  expect(photos).toEqual([{ width: enough(needed(1280, 1)), format: 'avif' }]);
  expect(photos[0].width).toBe(960);
});

test('the side panels\' thumbnails download the smallest variant, not one as wide as the screen', async ({ browser, baseURL }, info) => {
  test.skip(info.project.name !== 'desktop', 'the panels sit beside the article on wide screens');
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    // An article whose Most Read and Read Next list stories with photographs (docs/images.md).
    await openPage(page, '/article/delta-farmers-switch-to-floating-gardens');
    const thumbs = page.locator('.panel__image');
    await thumbs.last().scrollIntoViewIfNeeded();
    const photos = page.locator('img.panel__image[srcset*="/photos/"]');
    await expect.poll(() => photos.count(), { message: 'panel thumbnails of photographs' }).toBeGreaterThan(0);
    await expect.poll(() => photos.evaluateAll((imgs) => imgs.every((img) => img.complete && img.currentSrc))).toBe(true);
    const widths = await photos.evaluateAll((imgs) => imgs.map((img) => Number(img.currentSrc.match(/\.(\d+)\.\w+$/)?.[1])));
    // 6rem at 2x is 192 px: the 360 px variant is enough.
    expect(widths.every((w) => w === enough(96 * 2)), `thumbnail variants ${widths}`).toBe(true);
  } finally {
    await context.close();
  }
});

test('the hero is a <picture> with AVIF and WebP sources and a JPEG fallback of reserved size', async ({ page }) => {
  await openPage(page, ARTICLE);
  const picture = new ArticlePage(page).hero.locator('picture');
  await expect(picture.locator('source')).toHaveCount(2);
  await expect(picture.locator('source').nth(0)).toHaveAttribute('type', 'image/avif');
  await expect(picture.locator('source').nth(1)).toHaveAttribute('type', 'image/webp');
  const img = picture.locator('img');
  await expect(img).toHaveAttribute('src', /\.1280\.jpg$/);
  await expect(img).toHaveAttribute('width', '3000');
  await expect(img).toHaveAttribute('height', '2000');
  for (const el of [picture.locator('source').nth(0), picture.locator('source').nth(1), img]) {
    await expect(el).toHaveAttribute('sizes', '(min-width: 900px) 720px, 100vw');
  }
});

test('the prerendered article preloads the hero\'s AVIF variants at high priority', async ({ request }) => {
  const html = await (await request.get(ARTICLE)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const preload = [...head.matchAll(/<link[^>]*>/g)].map((m) => m[0])
    .find((l) => l.includes('rel="preload"') && l.includes('as="image"')) ?? '';
  expect(preload).toContain('type="image/avif"');
  expect(preload).toContain('fetchpriority="high"');
  expect(preload).toMatch(/imagesrcset="[^"]*harbour-dawn\.[0-9a-f]{16}\.360\.avif 360w/);
  expect(preload).toContain('imagesizes="(min-width: 900px) 720px, 100vw"');
  // After the viewport meta: a phone measures imagesizes against its real width, not 980 px.
  expect(head.indexOf('name="viewport"')).toBeLessThan(head.indexOf(preload));
  // The <img> itself, too: the browser may find it before the preload is processed.
  expect(html).toMatch(/<img[^>]*fetchpriority="high"[^>]*harbour-dawn|<img[^>]*harbour-dawn[^>]*fetchpriority="high"/);
});
