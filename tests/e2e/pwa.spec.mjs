// PWA: installability, manifest icons, offline reading, and the update prompt, against the
// release build (with its Workbox service worker) behind nginx.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { test, expect, openPage, reloadPage, distDir } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';
import { ArticlePage } from './pages/article.mjs';
import { Listing } from './pages/listing.mjs';
import { chromiumArgs } from './playwright.config.mjs';

const dist = distDir;
const root = fileURLToPath(new URL('../../', import.meta.url));

test.describe.configure({ mode: 'serial' });
test.skip(({ isMobile }) => isMobile, 'the service worker is the same on every viewport');
test.use({ serviceWorkers: 'allow' });

/** A second nginx with the same config on its own port, which a test can stop to really go
 *  offline (Playwright's offline switch does not reach service worker fetches). */
async function ownServer(port) {
  const work = process.env.NEWSFRONT_E2E_WORK;
  const dir = mkdtempSync(join(tmpdir(), 'newsfront-nginx-'));
  writeFileSync(join(dir, 'site.conf'), readFileSync(join(work, 'site.conf'), 'utf8').replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${port};`));
  writeFileSync(join(dir, 'nginx.conf'), readFileSync(join(work, 'nginx.conf'), 'utf8').replaceAll(work, dir));
  let proc = null;
  const server = {
    url: `http://127.0.0.1:${port}`,
    async start() {
      // The port must be free: nginx retries a taken port for seconds before it gives up, and
      // meanwhile the server that holds it would answer for it (and be stopped by the test).
      const taken = await fetch(server.url + '/').then(() => true, () => false);
      if (taken) throw new Error(`port ${port} is in use: stop the server there (the e2e run uses BASE_URL's port + 10 and + 11)`);
      const p = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
      proc = p;
      for (let i = 0; i < 50; i++) {
        if (p.exitCode !== null) break; // it could not start (its log says why)
        try { if ((await fetch(server.url + '/')).ok) return; } catch { /* not up yet */ }
        await new Promise((r) => setTimeout(r, 100));
      }
      proc = null;
      p.kill();
      let log = '';
      try { log = readFileSync(join(dir, 'error.log'), 'utf8').slice(-300); } catch { /* none written */ }
      throw new Error(`nginx on ${port} did not start: ${log}`);
    },
    async stop() {
      if (!proc) return;
      const p = proc;
      proc = null;
      if (p.exitCode !== null || p.signalCode !== null) return;
      const exited = new Promise((r) => p.once('exit', r));
      p.kill();
      await exited;
    },
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
  await server.start();
  return server;
}

/** The content files each cache holds and the error panels' details, for a failure report. */
async function cachesAndErrors(page) {
  return page.evaluate(async () => {
    const caches_ = {};
    for (const name of await caches.keys()) {
      caches_[name] = (await (await caches.open(name)).keys()).map((r) => r.url).filter((u) => u.includes('/content/') && u.endsWith('.json'));
    }
    const details = [...document.querySelectorAll('[role=alert] details')].map((d) => d.textContent);
    const requests = performance.getEntriesByType('resource').filter((r) => r.name.includes('/content/'))
      .map((r) => ({ url: r.name, status: r.responseStatus, start: Math.round(r.startTime) }));
    return JSON.stringify({ caches: caches_, details, requests }, null, 1);
  });
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('Chromium reports no installability errors and the icons have their declared sizes', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'newsfront-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const page = await context.newPage();
    await page.goto(baseURL);
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), null, { timeout: 20_000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const image of [...manifest.icons, ...manifest.screenshots, ...manifest.shortcuts.flatMap((s) => s.icons)]) {
      const resp = await page.request.get(image.src);
      expect(resp.status(), image.src).toBe(200);
      const png = await resp.body();
      const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
      expect(size, image.src).toBe(image.sizes);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('pages read online stay readable offline; unread ones say so; back online recovers', async ({ page, context }) => {
  // Eleven page loads across two editions, offline and back: about 20 s on this machine, 30 s
  // with a trace recorded, so the default 30 s is too close.
  test.setTimeout(90_000);
  const server = await ownServer(Number(new URL(process.env.BASE_URL).port) + 10);
  try {
    const frame = new Frame(page);
    const articlePage = new ArticlePage(page);
    const listing = new Listing(page);
    const read = `${server.url}/article/notes-from-a-night-ferry`;
    await openPage(page, `${server.url}/`);
    await controlled(page);
    await reloadPage(page); // the worker now controls the page: content requests go through it
    await expect(listing.lead).toBeVisible();
    await openPage(page, read);
    await expect(articlePage.headline).toBeVisible();
    await expect(articlePage.hero.getByRole('img')).toBeVisible();
    // The Arabic front page, read online: its edition's shell data is kept for offline use.
    await openPage(page, `${server.url}/ar/`);
    await expect(listing.lead).toBeVisible();
    await page.waitForFunction(async () => Boolean(await caches.match('/content/ar/site.json') && await caches.match('/content/editions.json')), null, { timeout: 20_000 });
    await openPage(page, read);

    await server.stop();
    await context.setOffline(true);
    await expect(page.getByText('You are offline.')).toBeVisible();
    await reloadPage(page);
    await expect(articlePage.headline).toContainText('ferry');
    await expect(frame.sections).toBeVisible();
    await openPage(page, `${server.url}/`);
    await expect(listing.lead).toBeVisible();

    await openPage(page, `${server.url}/article/the-last-lighthouse-keepers`);
    // Chromium's offline emulation does not carry navigator.onLine into a newly loaded
    // document; toggling it again delivers the 'offline' event a real device would have.
    await context.setOffline(false);
    await context.setOffline(true);
    const alert = frame.main.getByRole('alert');
    await expect(alert).toContainText('not saved on this device');
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    // An Arabic article never read: the Arabic frame, right to left, says so in Arabic.
    await openPage(page, `${server.url}/ar/article/${encodeURIComponent('آخر-نافخي-الزجاج-في-قصر-النور-يحرسون-أتونهم')}`);
    await context.setOffline(false);
    await context.setOffline(true);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(frame.main.getByRole('alert')).toContainText('لم تُحفظ هذه الصفحة');
    // (An intermittent failure here, seen twice in full runs and never alone: the shell's
    // `ar/site.json` failed although it had been cached. Its report carries what the caches
    // held and what the error panels said.)
    await expect(frame.regions).toBeVisible().catch(async (e) => {
      await test.info().attach('caches and errors', { body: await cachesAndErrors(page), contentType: 'application/json' });
      throw e;
    });
    await openPage(page, `${server.url}/article/the-last-lighthouse-keepers`);
    await context.setOffline(false);
    await context.setOffline(true);
    await expect(alert).toContainText('not saved on this device');

    await server.start();
    await context.setOffline(false);
    await expect(page.getByText('You are offline.')).toBeHidden();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(articlePage.headline).toContainText('lighthouse');
  } finally {
    await server.stop();
    server.cleanup();
  }
});

test('a saved article opens offline with its images after the other caches are evicted; saving offline works too', async ({ page, context }) => {
  const server = await ownServer(Number(new URL(process.env.BASE_URL).port) + 11);
  try {
    const articlePage = new ArticlePage(page);
    const saved = `${server.url}/article/notes-from-a-night-ferry`;
    const savedOffline = `${server.url}/article/algorithms-need-a-right-of-appeal`;
    const readOnly = `${server.url}/article/the-last-lighthouse-keepers`;
    await openPage(page, `${server.url}/`);
    await controlled(page);
    await openPage(page, readOnly);
    await openPage(page, savedOffline);
    await openPage(page, saved);
    await page.locator('.article__tools').getByRole('button', { name: 'Save' }).click();
    // The page, its content file, its images and site files are pinned.
    await page.waitForFunction(async () => {
      const cache = await caches.open('saved');
      const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
      return keys.includes('/article/notes-from-a-night-ferry') && keys.some((k) => k.startsWith('/content/articles/notes-from-a-night-ferry.json'))
        && keys.some((k) => k.startsWith('/shared/')) && keys.some((k) => /\.(svg|png|jpe?g|webp|avif)$/.test(k));
    }, null, { timeout: 20_000 });

    await server.stop();
    await context.setOffline(true);
    // Saving while offline: the article on screen is taken from the caches.
    await openPage(page, savedOffline);
    await page.locator('.article__tools').getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(async () => (await (await caches.open('saved')).keys())
      .some((r) => new URL(r.url).pathname === '/article/algorithms-need-a-right-of-appeal'), null, { timeout: 20_000 });

    // Eviction: every runtime cache emptied (the precache and the saved cache stay).
    const evicted = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => !n.includes('precache') && n !== 'saved');
      await Promise.all(names.map((n) => caches.delete(n)));
      return names;
    });
    expect(evicted).toEqual(expect.arrayContaining(['pages', 'content', 'images']));

    for (const [url, words] of [[saved, 'ferry'], [savedOffline, 'appeal']]) {
      await openPage(page, url);
      await expect(articlePage.headline).toContainText(words);
      const hero = articlePage.hero.getByRole('img');
      await expect(hero).toBeVisible();
      await expect.poll(() => hero.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    // A page read but not saved is gone with the evicted caches: the eviction was real.
    await openPage(page, readOnly);
    await context.setOffline(false);
    await context.setOffline(true);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('not saved on this device');

    // Removing unpins.
    await openPage(page, saved);
    await page.locator('.article__tools').getByRole('button', { name: 'Saved' }).click();
    await page.waitForFunction(async () => !(await (await caches.open('saved')).keys())
      .some((r) => new URL(r.url).pathname === '/article/notes-from-a-night-ferry'), null, { timeout: 20_000 });
  } finally {
    await context.setOffline(false);
    await server.stop();
    server.cleanup();
  }
});

test('a search already run works offline; a new one says search needs a connection', async ({ page, context }) => {
  const server = await ownServer(Number(new URL(process.env.BASE_URL).port) + 12);
  try {
    await openPage(page, `${server.url}/`);
    await controlled(page);
    await openPage(page, `${server.url}/search?q=ferry`);
    const hits = page.locator('.search__results .search-hit__title a');
    await expect(hits.first()).toBeVisible();
    const online = await hits.allTextContents();
    // The pieces that query fetched are in the worker's caches before going offline.
    await page.waitForFunction(async () => (await (await caches.open('search')).keys()).length > 0
      && (await (await caches.open('search-code')).keys()).some((r) => r.url.endsWith('/pagefind/pagefind.js')), null, { timeout: 20_000 });

    await server.stop();
    await context.setOffline(true);
    await openPage(page, `${server.url}/search?q=ferry`);
    await expect(hits.first()).toBeVisible();
    expect(await hits.allTextContents()).toEqual(online);
    // A new query whose results' pieces were never fetched.
    await openPage(page, `${server.url}/search?q=${encodeURIComponent('yields')}`);
    await expect(page.getByRole('alert')).toContainText('Search needs a connection');
  } finally {
    await context.setOffline(false);
    await server.stop();
    server.cleanup();
  }
});

test('a new deploy shows the update prompt and Reload brings the new version', async ({ page }) => {
  const indexPath = join(dist, 'index.html');
  const shellPath = join(dist, 'shell.html');
  const swPath = join(dist, 'sw.js');
  const [index, shell, sw] = [readFileSync(indexPath), readFileSync(shellPath), readFileSync(swPath)];
  try {
    const listing = new Listing(page);
    await openPage(page, '/');
    await controlled(page);
    await expect(listing.lead).toBeVisible();
    await expect(page.locator('meta[name="newsfront:build"]')).toHaveCount(0);

    // Deploy: a changed app shell, and the worker regenerated for it (as the Trunk hook does).
    // (The front page is prerendered from the shell, so both change.)
    const mark = (html) => html.toString().replace('<head>', '<head>\n  <meta name="newsfront:build" content="e2e-v2">');
    writeFileSync(indexPath, mark(index));
    writeFileSync(shellPath, mark(shell));
    execFileSync('node', ['scripts/sw-build.mjs'], { cwd: root, env: { ...process.env, TRUNK_STAGING_DIR: dist, TRUNK_PROFILE: 'release' } });
    execFileSync('node', ['scripts/precompress.mjs', dist], { cwd: root });
    expect(readFileSync(swPath).equals(sw)).toBe(false);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const prompt = page.getByText('A new version is available');
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    // Until the reader asks, the old version keeps serving.
    await expect(page.locator('meta[name="newsfront:build"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="newsfront:build"]')).toHaveAttribute('content', 'e2e-v2', { timeout: 20_000 });
    await expect(prompt).toBeHidden();
  } finally {
    writeFileSync(indexPath, index);
    writeFileSync(shellPath, shell);
    writeFileSync(swPath, sw);
    execFileSync('node', ['scripts/precompress.mjs', dist], { cwd: root });
  }
});

test('the install button appears when the browser offers it, and "Not now" is remembered', async ({ page }) => {
  const offer = () => page.evaluate(() => {
    window.__prompted = 0;
    const e = new Event('beforeinstallprompt', { cancelable: true });
    e.prompt = () => { window.__prompted += 1; };
    e.userChoice = Promise.resolve({ outcome: 'accepted' });
    window.dispatchEvent(e);
  });
  await openPage(page, '/');
  await controlled(page);
  await offer();
  const install = page.getByRole('button', { name: 'Install the app' });
  await expect(install).toBeVisible();
  await install.click();
  await expect.poll(() => page.evaluate(() => window.__prompted)).toBe(1);
  await expect(install).toBeHidden();

  await offer();
  await expect(install).toBeVisible();
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(install).toBeHidden();
  await reloadPage(page);
  await expect(new Listing(page).lead).toBeVisible();
  await offer();
  await page.waitForTimeout(300);
  await expect(install).toBeHidden();
});

test.describe('on iOS Safari', () => {
  test.use({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  });

  test('an Add to Home Screen hint is shown once and can be dismissed for good', async ({ page }) => {
    await openPage(page, '/');
    const hint = page.getByText('Add to Home Screen');
    await expect(hint).toBeVisible();
    await page.getByRole('button', { name: 'Got it' }).click();
    await expect(hint).toBeHidden();
    await reloadPage(page);
    await expect(new Listing(page).lead).toBeVisible();
    await page.waitForTimeout(300);
    await expect(hint).toBeHidden();
  });
});
