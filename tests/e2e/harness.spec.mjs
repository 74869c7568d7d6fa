// The harness itself: `openPage` fails when the app does not start, so no test acts on a page
// that only looks ready. (Plain Playwright `test`: a page whose app is blocked is the point.)
import { test, expect } from '@playwright/test';
import { openPage } from './fixtures.mjs';
import { ArticlePage } from './pages/article.mjs';

const ARTICLE = '/article/coalition-talks-stall-over-budget-rules';

test.skip(({ isMobile }) => isMobile, 'one run is enough');

test('openPage fails when the app cannot start, though the prerendered page still reads', async ({ page }) => {
  // The release loader (scripts/sw-build.mjs) is what starts the app; without it nothing hydrates.
  await page.route(/\/newsfront-loader-[0-9a-f]+\.js$/, (route) => route.abort());
  await expect(openPage(page, ARTICLE, { hydrationTimeout: 3000 })).rejects.toThrow(`the app did not start on ${ARTICLE}`);
  // A deliberately unhydratable page is opened with plain page.goto.
  await page.goto(ARTICLE);
  await expect(new ArticlePage(page).headline).toContainText('Coalition');
});

test('openPage returns once the app has started', async ({ page }) => {
  const response = await openPage(page, ARTICLE);
  expect(response.status()).toBe(200);
  expect(await page.evaluate(() => 'wasmBindings' in window)).toBe(true);
});
