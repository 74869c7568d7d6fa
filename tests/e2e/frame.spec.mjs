// The frame's promises: the boot masthead has the final size (no layout shift), and the
// content base is configurable in index.html without recompiling.
import { test, expect, Frame } from './fixtures.mjs';

test('first load does not shift the layout', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/article/council-vote-delays-port-expansion');
  const bootHeight = await page.evaluate(() => document.querySelector('#boot .masthead')?.getBoundingClientRect().height ?? null);
  await expect(page.getByRole('navigation', { name: 'Regions' })).toBeVisible();
  await expect(page.locator('.article__headline')).toBeVisible();
  await page.waitForTimeout(500);
  const finalHeight = await page.evaluate(() => document.querySelector('header.masthead').getBoundingClientRect().height);
  if (bootHeight !== null) expect(finalHeight).toBeCloseTo(bootHeight, 0);
  await expect(page.locator('#boot')).toHaveCount(0);
  const cls = await page.evaluate(() => window.__cls);
  expect(cls, 'cumulative layout shift').toBeLessThanOrEqual(0.02);
});

test('the content base comes from the meta tag in index.html', async ({ page }) => {
  await page.route(/\/section\/sports$/, async (route) => {
    const resp = await route.fetch();
    const html = (await resp.text()).replace('content="/content/"', 'content="/mirror/"');
    await route.fulfill({ response: resp, body: html });
  });
  const mirrored = [];
  await page.route('**/mirror/**', async (route) => {
    const url = route.request().url();
    mirrored.push(url);
    // A request the page abandons (an image scrolled away) may end before we answer it.
    try {
      const resp = await page.request.get(url.replace('/mirror/', '/content/'));
      await route.fulfill({ status: resp.status(), headers: resp.headers(), body: await resp.body() });
    } catch {
      await route.abort().catch(() => {});
    }
  });
  const frame = new Frame(page);
  await frame.open('/section/sports');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sports');
  expect(mirrored.some((u) => u.endsWith('/mirror/lists/section/sports/1.json'))).toBe(true);
  expect(mirrored.some((u) => u.endsWith('/mirror/site.json'))).toBe(true);
});
