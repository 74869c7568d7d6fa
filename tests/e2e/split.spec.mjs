// The release wasm is split per kind of page (src/routes.rs, scripts/wasm-split.mjs): a page
// downloads its own route's code, preloaded alongside the app, and another route's code only
// when the reader goes there; a chunk that cannot be fetched is an error the page shows. Parts
// hydrated after the page (src/components/deferred.rs) fetch theirs when the page is idle or
// when the reader presses one of their controls.
import { test, expect, openPage } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';
import { ArticlePage } from './pages/article.mjs';

const ARTICLE = '/article/coalition-talks-stall-over-budget-rules';

/** Follows an in-page link to `href` (a client-side navigation, as a reader's click is). */
const follow = (page, href) => page.evaluate((href) => {
  const a = Object.assign(document.createElement('a'), { href });
  document.body.append(a);
  a.click();
  a.remove();
}, href);

/** Resource timing of the app's wasm files: the main module and the chunks, by kind. */
const wasmRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((r) => r.name.endsWith('.wasm'))
  .map((r) => ({ file: r.name.split('/').pop(), initiator: r.initiatorType, start: r.startTime, end: r.responseEnd })));

/**
 * Holds the article tools' chunk (a deferred part, src/components/deferred.rs) until `release`
 * is called; `requests()` counts the requests made for it.
 */
function holdToolsChunk(page) {
  return holdChunk(page, 'tools');
}

/** Holds the chunk of entry point `<name>_chunk` as `holdToolsChunk` does. */
function holdChunk(page, name) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let requested = 0;
  const ready = page.route(new RegExp(`/split_${name}_chunk-[0-9a-f]+\\.wasm$`), async (route) => {
    requested += 1;
    await held;
    await route.continue();
  });
  return { ready, release, requests: () => requested };
}

test('an article is interactive before its own code arrives, which comes once idle; a section page\'s code only on the way there', async ({ page }) => {
  await openPage(page, ARTICLE);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
    .map((m) => [m.name, m.startTime])));
  const before = await wasmRequests(page);
  const main = before.find((r) => /^newsfront-app-[0-9a-f]+_bg\.wasm$/.test(r.file));
  expect(main, 'the main module').toBeTruthy();
  // The page's routes and content (src/routes.rs, `later`) are hydrated after the page: their
  // chunks are not preloaded, and are asked for once, by the split loader, after the page is
  // hydrated.
  for (const entry of ['routes', 'article']) {
    const own = before.filter((r) => r.file.startsWith(`split_${entry}_chunk-`));
    expect(own, `the ${entry} chunk`).toHaveLength(1);
    expect(own[0].initiator).not.toBe('link');
    expect(own[0].start).toBeGreaterThanOrEqual(marks['nf:hydrated']);
  }
  expect(marks['nf:content']).toBeGreaterThan(marks['nf:effects']);
  expect(before.filter((r) => r.file.startsWith('split_listing_chunk-'))).toEqual([]);
  await expect(page.locator('.routes-part')).toHaveAttribute('data-live', '');

  await follow(page, '/section/politics');
  await expect(page).toHaveURL(/\/section\/politics$/);
  await expect(new Frame(page).heading).toBeVisible();
  const after = await wasmRequests(page);
  expect(after.filter((r) => r.file.startsWith('split_listing_chunk-')).length).toBe(1);
});

test('a route whose code cannot be fetched says so, and the rest of the site keeps working', async ({ page }) => {
  await openPage(page, ARTICLE);
  await page.route(/\/split_live_chunk-[0-9a-f]+\.wasm$/, (route) => route.abort('internetdisconnected'));
  await follow(page, '/live');
  const alert = new Frame(page).main.getByRole('alert');
  await expect(alert).toContainText('could not reach');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  // No panic (checked by the fixture), and the app still navigates.
  await page.goBack();
  await expect(new ArticlePage(page).headline).toBeVisible();
});

test('deferred parts: the article\'s tools load after the page, and a press made before is not lost', async ({ page }) => {
  // The tools' chunk is held back until the reader has pressed Save on the prerendered button.
  const chunk = holdToolsChunk(page);
  await chunk.ready;
  await openPage(page, ARTICLE);
  const tools = page.locator('.article__tools-part');
  // Hydrated page, tools not live yet: prerendered, and their code not part of the start-up.
  await expect(tools).not.toHaveAttribute('data-live', /.*/);
  const save = tools.getByRole('button', { name: 'Save' });
  await save.click();
  await expect.poll(chunk.requests, { message: 'the press asks for the chunk (or idle did)' }).toBe(1);
  chunk.release();
  await expect(tools).toHaveAttribute('data-live', '');
  // The press made before the tools were live was replayed: the article is saved.
  await expect(tools.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
  await expect(new Frame(page).masthead.getByRole('link', { name: /Saved \(1\)/ })).toBeVisible();
});

test('deferred parts: a reader who leaves before their chunk arrives gets no error', async ({ page }) => {
  const chunk = holdToolsChunk(page);
  await chunk.ready;
  await openPage(page, ARTICLE);
  await page.locator('.article__tools-part').getByRole('button', { name: 'Save' }).click();
  await expect.poll(chunk.requests).toBe(1);
  // The article is left (a client-side navigation) while its tools' chunk is on its way.
  await follow(page, '/section/news');
  await expect(page.locator('.article__tools-part')).toHaveCount(0);
  chunk.release();
  await page.waitForResponse(/\/split_tools_chunk-[0-9a-f]+\.wasm$/);
  await page.waitForTimeout(300);
  // No panic (the fixture checks), nothing saved, and the app still works.
  await expect(new Frame(page).masthead.getByRole('link', { name: /^Saved$/ })).toBeVisible();
  await follow(page, ARTICLE);
  await expect(new ArticlePage(page).headline).toBeVisible();
});

test('deferred parts: the replayed press sees what the part set up once live (Share opens the system sheet)', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', { value: async (data) => { window.__shared.push(data); }, configurable: true });
  });
  const chunk = holdToolsChunk(page);
  await chunk.ready;
  await openPage(page, ARTICLE);
  const { share } = new ArticlePage(page);
  await share.button.click();
  chunk.release();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  await expect(share.menu).toBeHidden();
});

test('a page\'s content hydrated later: a press made before it is live is not lost, even in a part deferred inside it', async ({ page }) => {
  // The article's own chunk is held: the page is interactive (its frame hydrated), its content
  // is not live yet. Save is in the tools, a part deferred inside the content.
  const chunk = holdChunk(page, 'article');
  await chunk.ready;
  await openPage(page, ARTICLE, { content: false });
  const content = page.locator('.routes-part');
  await expect(content).not.toHaveAttribute('data-live', /.*/);
  await content.getByRole('button', { name: 'Save' }).click();
  await expect.poll(chunk.requests).toBe(1);
  chunk.release();
  await expect(content).toHaveAttribute('data-live', '');
  const tools = page.locator('.article__tools-part');
  await expect(tools).toHaveAttribute('data-live', '');
  // Pressed once: saved (not saved and unsaved again).
  await expect(tools.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
  await expect(new Frame(page).masthead.getByRole('link', { name: /Saved \(1\)/ })).toBeVisible();
});

test('a link followed before the page\'s routes are live loads the next page whole, which then works', async ({ page }) => {
  // The routes' chunk is held: the frame is hydrated (the router listens for clicks), the routes
  // are not, so nothing could show the next page in their place.
  const routes = holdChunk(page, 'routes');
  await routes.ready;
  await openPage(page, ARTICLE, { content: false });
  await expect(page.locator('.routes-part')).not.toHaveAttribute('data-live', /.*/);
  // The hydrated frame keeps the page's title (the site name's formatter comes with the routes).
  await expect(page).toHaveTitle('Coalition talks in Velmark stall for a third time over borrowing rules | The Meridian Ledger');
  await page.evaluate(() => { window.nfSamePage = true; });
  const load = page.waitForEvent('load');
  await follow(page, '/section/politics');
  await load;
  await expect(page).toHaveURL(/\/section\/politics$/);
  expect(await page.evaluate(() => window.nfSamePage)).toBeUndefined();
  // The new page's routes come once its chunk does.
  routes.release();
  await expect(page.locator('.routes-part')).toHaveAttribute('data-live', '');
  await expect(new Frame(page).heading).toBeVisible();
});

test('the page\'s title stays through the whole hydration, from the first parse to the idle page', async ({ page }) => {
  // Every value document.title takes while the page loads and hydrates: the routes hydrate in
  // slices (src/components/paced.rs), and a site-name formatter hydrated before the page's own
  // <Title> emptied the title until it came (page_meta::site_title).
  await page.addInitScript(() => {
    window.__titles = [];
    // From the first parsed title on (the document has none before its <title> is parsed).
    const log = () => {
      const title = document.title;
      if ((window.__titles.length || title) && window.__titles.at(-1) !== title) window.__titles.push(title);
    };
    new MutationObserver(log).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openPage(page, ARTICLE);
  const tools = page.locator('.article__tools-part');
  await expect(tools).toHaveAttribute('data-live', '');
  await page.waitForFunction(() => performance.getEntriesByName('nf:idle', 'mark').length > 0);
  const title = 'Coalition talks in Velmark stall for a third time over borrowing rules | The Meridian Ledger';
  await expect(page).toHaveTitle(title);
  expect(await page.evaluate(() => window.__titles)).toEqual([title]);
});

test('the masthead\'s menus before their code arrives: a submenu opens on hover and on focus', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the section menu is the desktop layout\'s');
  // The routes' chunk, which carries the menus' code (src/components/masthead.rs), is held: the
  // page is interactive, its menus are links and CSS.
  const menus = holdChunk(page, 'routes');
  await menus.ready;
  await openPage(page, ARTICLE, { content: false });
  await expect(page.locator('.masthead__menus-part[data-live]')).toHaveCount(0);
  const frame = new Frame(page);
  const submenu = frame.submenu('News');
  await expect(submenu).toBeHidden();
  await frame.sections.getByRole('link', { name: 'News', exact: true }).hover();
  await expect(submenu).toBeVisible();
  await page.mouse.move(1, 400);
  await expect(submenu).toBeHidden();
  await frame.sections.getByRole('link', { name: 'News', exact: true }).focus();
  await expect(submenu).toBeVisible();
  await submenu.getByRole('link').first().focus();
  await expect(submenu).toBeVisible();
  // Once live, the menu is the script's: closed until hovered or toggled.
  menus.release();
  await page.mouse.move(1, 400);
  await page.evaluate(() => document.activeElement?.blur());
  await expect(page.locator('.masthead__menus-part:not([data-live])')).toHaveCount(0);
  await expect(frame.submenuToggle('News')).toHaveAttribute('aria-expanded', 'false');
});

test('the masthead\'s menus before their code arrives: a press on the menu button is not lost', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the drawer is the phone layout\'s');
  const menus = holdChunk(page, 'routes');
  await menus.ready;
  await openPage(page, ARTICLE, { content: false });
  const frame = new Frame(page);
  await expect(frame.drawer).toBeHidden();
  await frame.menuButton.click();
  await expect.poll(menus.requests, { message: 'the press asks for the chunk (or idle did)' }).toBe(1);
  await expect(frame.drawer).toBeHidden();
  menus.release();
  await expect(frame.drawer).toBeVisible();
  await expect(frame.closeMenuButton).toBeFocused();
});
