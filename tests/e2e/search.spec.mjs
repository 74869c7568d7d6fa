// Search (issue 14): Pagefind's index of the prerendered articles, one per edition language,
// queried from the app's own search page. Results as the reader types, highlighted excerpts,
// filters and sort, the query in the address (shared, Back restores it), stemming in each
// language, the masthead entry and its `/` shortcut, and Pagefind loaded only when searching.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPage } from './fixtures.mjs';

const results = (page) => page.locator('.search__results .search-hit__title a');

// The results on screen answer the query in the address (`aria-busy` is set meanwhile).
async function answered(page, timeout = 10_000) {
  await expect(page.locator('.search__body')).toHaveAttribute('aria-busy', 'false', { timeout });
}

async function search(page, words, prefix = '') {
  await openPage(page, `${prefix}/search`);
  await page.locator('#search-q').fill(words);
  await expect(page).toHaveURL(new RegExp(`[?&]q=`));
  // Pagefind's first query loads its entry, its filter index and the words' pieces: on a busy
  // two-core machine that can take longer than one expect's default wait.
  try {
    await answered(page, 20_000);
    await expect(results(page).first()).toBeVisible();
  } catch (e) {
    const said = await page.locator('.search__body').innerText().catch(() => '(nothing)');
    throw new Error(`no result shown for "${words}"; the page says: ${said}\n${e.message}`);
  }
}

test('results appear as the reader types, with highlighted excerpts, and the address keeps the query', async ({ page }) => {
  await search(page, 'lighthouse');
  const first = page.locator('.search-hit').first();
  await expect(first.locator('.search-hit__excerpt mark').first()).toHaveText(/lighthouse/i);
  await expect(first.locator('.search-hit__section')).not.toBeEmpty();
  await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-/);
  await expect(page.locator('.search__count')).toContainText(/\d+ results?/);
  // The thumbnail has its box reserved.
  const img = first.locator('img');
  if (await img.count()) {
    await expect(img).toHaveAttribute('width', '160');
    await expect(img).toHaveAttribute('height', '90');
  }
  // Open a result, come back: the search is restored from the address.
  const href = await results(page).first().getAttribute('href');
  expect(href).toMatch(/^\/article\/[^/]+$/);
  await results(page).first().click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await page.goBack();
  await expect(page.locator('#search-q')).toHaveValue('lighthouse');
  await expect(results(page).first()).toHaveAttribute('href', href);
  // A shared link opens the same search.
  const shared = await page.context().newPage();
  await openPage(shared, page.url());
  await expect(results(shared).first()).toHaveAttribute('href', href);
  await shared.close();
});

test('filters by section, region and kind, and sorts by newest', async ({ page }) => {
  await openPage(page, '/search?q=delta');
  await expect(results(page).first()).toBeVisible();
  const all = await results(page).count();
  // Kind: a media kind these words reach (only values with results are offered).
  const counts = await page.locator('#search-kind option').allTextContents();
  expect(counts.slice(1).every((c) => !/\(0\)$/.test(c)), counts.join()).toBe(true);
  const kind = await page.locator('#search-kind option').evaluateAll((os) => os.map((o) => o.value).find((v) => v && v !== 'article'));
  await page.locator('#search-kind').selectOption(kind);
  await expect(page).toHaveURL(new RegExp(`kind=${kind}`));
  // The address changes first; the results region is busy until Pagefind's answer replaces
  // the others.
  await answered(page);
  await expect(page.locator('.search-hit').first()).toBeVisible();
  const shown = await page.locator('#search-kind option:checked').textContent();
  expect(shown).toMatch(/^(Video|Gallery|Infograph) \(\d+\)$/);
  expect(await results(page).count()).toBeLessThan(all);
  await page.locator('#search-kind').selectOption('');
  // Section: every result is in it.
  const section = await page.locator('#search-section option').nth(1).getAttribute('value');
  await page.locator('#search-section').selectOption(section);
  await expect(page).toHaveURL(/section=/);
  await answered(page);
  await expect(page.locator('.search-hit__section').first()).toHaveText(section);
  for (const s of await page.locator('.search-hit__section').allTextContents()) expect(s).toBe(section);
  await page.locator('#search-section').selectOption('');
  // Region filter values exist and filter.
  await expect(page.locator('#search-region option')).not.toHaveCount(1);
  // Newest first: dates descend.
  await page.locator('#search-sort').selectOption('newest');
  await expect(page).toHaveURL(/sort=newest/);
  await answered(page);
  await expect(results(page).first()).toBeVisible();
  const dates = await page.locator('.search-hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  expect(dates.length).toBeGreaterThan(1);
  expect([...dates].sort().reverse()).toEqual(dates);
});

for (const [lang, prefix, word, slug] of [
  ['English', '', 'governor', '/article/coalition-talks-stall-over-budget-rules'],
  ['English, singular', '', 'forecast', '/article/central-bank-holds-rates-steady'],
  ['Spanish', '/es', 'árbol', '/es/article/la-cosecha-de-café-se-retrasa-en-los-valles-de-san-aurelio'],
  ['Arabic', '/ar', 'مدارس', '/ar/article/موجز-مياه-الفيضان-تنحسر-في-دلتا-سيرين-وأولى-الأسر-تعود'],
]) {
  test(`stemming, ${lang}: "${word}" finds an article that has only another form of it`, async ({ page }) => {
    await search(page, word, prefix);
    const hrefs = (await results(page).evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')))));
    expect(hrefs, `results for "${word}" in ${page.url()}`).toContain(slug);
    // Results stay in the edition being read.
    for (const h of hrefs) expect(h.startsWith(`${prefix}/article/`)).toBe(true);
  });
}

test('the masthead entry: "/" opens it, Enter searches; Pagefind is fetched only then', async ({ page, isMobile }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openPage(page, '/');
  await page.waitForTimeout(500);
  expect(requests.filter((u) => u.includes('/pagefind/')), 'no Pagefind request on the home page').toEqual([]);
  if (isMobile) {
    await page.locator('.search-entry__toggle').click();
  } else {
    await page.locator('body').press('/');
  }
  const field = page.locator('#search-entry-q');
  await expect(field).toBeFocused();
  await field.fill('ferry');
  await field.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=ferry$/);
  await expect(results(page).first()).toBeVisible();
  expect(requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
});

test('keyboard only: Tab from the field reaches the filters and the results', async ({ page }) => {
  await openPage(page, '/search?q=ferry');
  await expect(results(page).first()).toBeVisible();
  await page.locator('#search-q').focus();
  const seen = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
  }
  expect(seen).toContain('search-section');
  expect(seen).toContain('A');
});

test('axe: no violations on the search page with results and the masthead search open, in both themes', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPage(page, '/search?q=delta');
  await expect(results(page).first()).toBeVisible();
  await page.locator('.search-entry__toggle').click();
  await expect(page.locator('#search-entry-q')).toBeVisible();
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(found.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  }
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});

test('when the index cannot be reached, the page says search needs a connection', async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.abort('internetdisconnected'));
  await openPage(page, '/search?q=ferry');
  await expect(page.getByRole('alert')).toContainText('Search needs a connection');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
});
