// Editions: the Arabic and Spanish ones under their prefixes, from the same build.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';

// A story in all three editions (content/ar, content/es: "translations").
const EN = '/article/central-bank-holds-rates-steady';
const AR_SLUG = 'المصرف-الاحتياطي-القاري-يثبت-الفائدة-ويتريث-في-الخفض';
const ES = `/es/article/${encodeURIComponent('el-banco-central-mantiene-las-tasas-y-pide-paciencia')}`;
const AR = `/ar/article/${encodeURIComponent(AR_SLUG)}`;

test('the Arabic front page is right to left and every link stays in the edition', async ({ page }) => {
  const frame = new Frame(page);
  await frame.open('/');
  const ltrLogo = await page.locator('.masthead__logo').boundingBox();
  await frame.open('/ar/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const links = await frame.menuLinks();
  expect(links.length).toBeGreaterThan(10);
  for (const href of links) expect(href, href).toMatch(/^\/ar\//);
  // Every Arabic front page teaser opens an Arabic article.
  const teasers = await frame.main.locator('a.card__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(teasers.length).toBeGreaterThan(5);
  for (const href of teasers) expect(href).toMatch(/^\/ar\/article\//);
  // Mirrored: the logo's place is the English one seen in a mirror.
  const logo = await page.locator('.masthead__logo').boundingBox();
  const width = page.viewportSize().width;
  expect(Math.abs(logo.x - (width - ltrLogo.x - ltrLogo.width))).toBeLessThan(2);
  // The interface speaks Arabic: menus, ticker, skip link (locales/ar/*.json).
  await expect(frame.regions).toHaveAttribute('aria-label', 'المناطق');
  await expect(page.locator('section.ticker')).toHaveAttribute('aria-label', 'أخبار عاجلة');
  await expect(page.locator('.skip-link')).toHaveText('انتقل إلى المحتوى');
  // Each front page names the others for search engines.
  for (const lang of ['en', 'ar', 'es', 'x-default']) {
    await expect(page.locator(`head link[rel=alternate][hreflang="${lang}"]`)).toHaveCount(1);
  }
});

test('an Arabic slug is served from its prerendered page and hydrates', async ({ page }) => {
  const frame = new Frame(page);
  const response = await page.request.get(AR);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('dir="rtl"');
  await frame.open(AR);
  await expect(frame.heading).toBeVisible();
  await expect(page.locator('article')).toHaveAttribute('lang', 'ar');
  // Dates in Arabic, with Arabic-Indic digits, and no English left in the article's controls.
  await expect(page.locator('article time').first()).toHaveText(/^[٠-٩]+ (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) [٠-٩]{4}/);
  await expect(page.locator('.listen__main')).toHaveText(/استمع/);
  // Every number in the byline (date, time, reading time) in the edition's digits.
  const meta = await page.locator('.byline__meta').textContent();
  expect(meta).toMatch(/[٠-٩]/);
  expect(meta).not.toMatch(/[0-9]/);
  await expect(page.locator('head link[rel=alternate][hreflang=en]'))
    .toHaveAttribute('href', `https://meridianledger.example${EN}`);
  // Open Graph: the page's locale and its translations'.
  await expect(page.locator('head meta[property="og:locale"]')).toHaveAttribute('content', 'ar_AR');
  const alternates = await page.locator('head meta[property="og:locale:alternate"]').evaluateAll((ms) => ms.map((m) => m.content));
  expect(alternates.sort()).toEqual(['en_US', 'es_ES']);
});

test('the edition links land on the same story, and the page turns left to right', async ({ page }) => {
  const frame = new Frame(page);
  await frame.open(AR);
  const english = page.locator('nav.masthead__editions').getByRole('link', { name: 'En', exact: true });
  await expect(english).toHaveAttribute('href', EN);
  await english.click();
  await expect(page).toHaveURL(new RegExp(`${EN}$`));
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // From English to Spanish: the Spanish translation.
  const spanish = page.locator('nav.masthead__editions').getByRole('link', { name: 'Es', exact: true });
  await expect(spanish).toHaveAttribute('href', ES);
  await spanish.click();
  await expect(page).toHaveURL(new RegExp(`${ES}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(frame.heading).toBeVisible();
  // A page with no translation (a section) offers the other editions' front pages.
  await frame.open('/es/section/news');
  await expect(page.locator('nav.masthead__editions').getByRole('link', { name: 'Ar', exact: true }))
    .toHaveAttribute('href', '/ar/');
});

test('an unknown first segment is a page of the default edition that does not exist', async ({ page }) => {
  const frame = new Frame(page);
  await frame.open('/xx/article/nothing');
  await expect(frame.heading).toHaveText('Page not found');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('Listen says so when the device has no voice for the article\'s language', async ({ page }) => {
  // The speech double, with English voices only: reading Arabic would take an English voice.
  await page.addInitScript(readFileSync(new URL('./speech-double.js', import.meta.url), 'utf8'));
  await page.addInitScript(() => {
    speechSynthesis.getVoices = () => [{ lang: 'en-GB', name: 'English', default: true }];
  });
  const frame = new Frame(page);
  await frame.open(AR);
  await page.locator('.listen__main').click();
  const alert = page.locator('.listen__no-voice');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('العربية');
  expect(await page.evaluate(() => window.__speech.spoken.length)).toBe(0);
});

test('the Arabic frame mirrors: first menu entry on the right, drawer from the right, ticker moving rightward', async ({ page, isMobile }) => {
  const frame = new Frame(page);
  await frame.open('/ar/');
  const width = page.viewportSize().width;
  if (isMobile) {
    await page.getByRole('button', { name: 'القائمة', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'قائمة الموقع' });
    await expect(drawer).toBeVisible();
    const box = await drawer.boundingBox();
    expect(Math.abs(box.x + box.width - width), 'the drawer is against the right edge').toBeLessThan(2);
    expect(box.x).toBeGreaterThan(0);
  } else {
    // The section menu reads from the right: its first entry is the rightmost.
    const xs = await frame.sections.locator('.main-nav__item').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().x));
    expect(xs.length).toBeGreaterThan(3);
    expect(xs[0]).toBe(Math.max(...xs));
  }
  // The ticker's strip moves in reading direction: rightward in Arabic, leftward in English.
  const shift = async () => {
    const track = page.locator('.ticker__track');
    await expect(track).toBeVisible();
    const x = () => track.evaluate((t) => new DOMMatrix(getComputedStyle(t).transform).m41);
    const before = await x();
    await page.waitForTimeout(600);
    return (await x()) - before;
  };
  expect(await shift()).toBeGreaterThan(0);
  await frame.open('/');
  expect(await shift()).toBeLessThan(0);
});

test('each edition installs as itself and has its own not-found page', async ({ page, request }) => {
  const frame = new Frame(page);
  await frame.open('/ar/');
  await expect(page.locator('head link[rel=manifest]')).toHaveAttribute('href', '/ar/manifest.webmanifest');
  const ar = await (await request.get('/ar/manifest.webmanifest')).json();
  expect(ar).toMatchObject({ id: '/ar/', start_url: '/ar/', scope: '/ar/', lang: 'ar', dir: 'rtl' });
  expect(ar.shortcuts.map((s) => s.url)).toContain('/ar/live');
  for (const s of ar.shortcuts) expect(s.name).toMatch(/[\u0600-\u06FF]/);
  // After switching editions in the page, the link names the new edition's manifest.
  await page.locator('nav.masthead__editions').getByRole('link', { name: 'Es', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('head link[rel=manifest]')).toHaveAttribute('href', '/es/manifest.webmanifest');
  await expect(page.locator('head link[rel=manifest]')).toHaveCount(1);
  // The web server's not-found page of an edition is in its language and direction.
  const notFound = await (await request.get('/ar/404.html')).text();
  expect(notFound).toMatch(/<html[^>]*lang="ar"/);
  expect(notFound).toMatch(/<html[^>]*dir="rtl"/);
});

test.describe('a reader whose browser prefers Arabic', () => {
  test.use({ locale: 'ar-EG' });

  test('is offered the Arabic edition once, on the front page, in Arabic', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    const offer = page.locator('.notice--edition');
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await expect(offer).toHaveAttribute('lang', 'ar');
    await expect(offer).toHaveAttribute('dir', 'rtl');
    await expect(page).toHaveURL(/\/$/); // offered, never redirected
    await offer.getByRole('link').click();
    await expect(page).toHaveURL(/\/ar\/$/);
    await expect(offer).toBeHidden();
    // Once: a later visit to the English front page makes no offer.
    await frame.open('/');
    await page.waitForTimeout(1500);
    await expect(offer).toHaveCount(0);
  });
});

test('a reader whose browser prefers the edition being read is offered nothing', async ({ page }) => {
  const frame = new Frame(page);
  await frame.open('/');
  await expect(page.locator('.notices')).toBeAttached({ timeout: 15_000 });
  await page.waitForTimeout(1000);
  await expect(page.locator('.notice--edition')).toHaveCount(0);
});

test('no page of any edition scrolls sideways', async ({ page }) => {
  const frame = new Frame(page);
  for (const path of ['/ar/', AR, '/ar/section/news', '/ar/live', `/ar/article/${encodeURIComponent('بالصور-أمطار-نادرة-تكسو-هضبة-حسمى-بالأزهار')}`,
    '/es/', ES, '/es/region/europe', '/ar/authors']) {
    await frame.open(path);
    await expect(frame.heading).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
  }
});

test('the Arabic photo viewer steps in reading direction: left arrow, swipe right and the left button go on', async ({ page }) => {
  const frame = new Frame(page);
  await frame.open(`/ar/article/${encodeURIComponent('بالصور-أمطار-نادرة-تكسو-هضبة-حسمى-بالأزهار')}`);
  await page.locator('.gallery__thumb').first().click();
  const counter = page.locator('.lightbox__counter');
  await expect(counter).toHaveText(/^١ من [٠-٩]+$/);
  await page.keyboard.press('ArrowLeft');
  await expect(counter).toHaveText(/^٢ من/);
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText(/^١ من/);
  // A finger moving rightwards brings the next photo in from the left.
  const box = await page.locator('.lightbox__figure').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
  await page.mouse.up();
  await expect(counter).toHaveText(/^٢ من/);
  // The buttons are mirrored: "next" sits on the left.
  const next = await page.locator('.lightbox__nav--next').boundingBox();
  const previous = await page.locator('.lightbox__nav--prev').boundingBox();
  expect(next.x).toBeLessThan(previous.x);
});
