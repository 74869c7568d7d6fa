// The frame's promises: the boot masthead has the final size (no layout shift), and the
// content base is configurable in index.html without recompiling.
import { test, expect, openPage } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';
import { ArticlePage } from './pages/article.mjs';

test('first load does not shift the layout', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const frame = new Frame(page);
  await openPage(page, '/article/council-vote-delays-port-expansion');
  const bootHeight = await frame.bootMastheadHeight();
  await expect(frame.regions).toBeVisible();
  await expect(new ArticlePage(page).headline).toBeVisible();
  await page.waitForTimeout(500);
  const finalHeight = await frame.mastheadHeight();
  if (bootHeight !== null) expect(finalHeight).toBeCloseTo(bootHeight, 0);
  await expect(frame.bootShell).toHaveCount(0);
  const cls = await page.evaluate(() => window.__cls);
  // audit/budgets.json's CLS budget; measured 0 once Listen keeps its place and dates keep their text.
  expect(cls, 'cumulative layout shift').toBeLessThanOrEqual(0.01);
});

test('the content base comes from the meta tag of the app shell', async ({ page }) => {
  await page.route(/\/section\/sports$/, async (route) => {
    const resp = await route.fetch({ url: new URL('/shell.html', route.request().url()).href });
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
  await expect(frame.heading).toHaveText('Sports');
  expect(mirrored.some((u) => u.endsWith('/mirror/lists/section/sports/1.json'))).toBe(true);
  expect(mirrored.some((u) => u.endsWith('/mirror/site.json'))).toBe(true);
});

test('nginx serves the release build as deploy/nginx.conf promises', async ({ request }) => {
  const shell = await request.get('/section/does-not-matter');
  expect(shell.status()).toBe(200);
  expect(shell.headers()['cache-control']).toBe('no-cache');
  const html = await shell.text();
  const pattern = /(?:href|src|=|import\()\s*["'(]?\/([^"')]+-[0-9a-f]{12,16}(?:_bg)?\.(?:css|js|wasm))["')]/g;
  const assets = [...html.matchAll(pattern)].map((m) => m[1]);
  // The app's JS and wasm are named by the loader, which the page names.
  const loader = assets.find((a) => a.startsWith('newsfront-loader-'));
  expect(loader).toBeTruthy();
  const loaderText = await (await request.get(`/${loader}`)).text();
  // (Minified: terser writes its strings in double quotes.)
  assets.push(...[...loaderText.matchAll(/["']\/([^"']+-[0-9a-f]{12,16}(?:_bg)?\.(?:js|wasm))["']/g)].map((m) => m[1]));
  expect(assets.some((a) => a.endsWith('.wasm'))).toBe(true);
  // One render-blocking stylesheet: the post-build step joins the per-component files (issue 17).
  expect(assets.filter((a) => a.endsWith('.css')).length).toBe(1);
  for (const asset of assets) {
    const r = await request.get(`/${asset}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(r.status(), asset).toBe(200);
    expect(r.headers()['cache-control'], asset).toContain('immutable');
  }
  const wasm = await request.get(`/${assets.find((a) => a.endsWith('.wasm'))}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['content-encoding']).toBe('gzip');
  const brotli = await request.get(`/${assets.find((a) => a.endsWith('.wasm'))}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(brotli.headers()['content-encoding']).toBe('br');
  const content = await request.get('/content/site.json');
  expect(content.headers()['cache-control']).toContain('max-age=60');
  expect((await request.get('/content/articles/missing.json')).status()).toBe(404);
  expect((await request.get('/content/breaking.json')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/content/ar/breaking.json')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/manifest.webmanifest')).headers()['content-type']).toContain('application/manifest+json');
  // Photo variants are named by their original's hash: cached for good. The original (with its
  // metadata) is not published at all (docs/images.md).
  const ferry = await (await request.get('/content/articles/notes-from-a-night-ferry.json')).json();
  const avif = ferry.hero.sources.find((s) => s.type === 'image/avif').srcset[0].src;
  const variant = await request.get(`/content/${avif}`);
  expect(variant.status(), avif).toBe(200);
  expect(variant.headers()['content-type']).toBe('image/avif');
  expect(variant.headers()['cache-control']).toContain('immutable');
  expect((await request.get('/content/images/photos/harbour-dawn.jpg')).status()).toBe(404);
});
