// Accessibility: axe-core on every page type and in the open states, WCAG 2.2 A and AA rules.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, openPage } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';
import { ArticlePage } from './pages/article.mjs';
import { Gallery } from './pages/gallery.mjs';

const speechDouble = readFileSync(fileURLToPath(new URL('./speech-double.js', import.meta.url)), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function audit(page, what, exclude = []) {
  // The ticker animates; check its static state.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  const result = await builder.analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

const pages = {
  home: '/',
  section: '/section/news',
  region: '/region/europe',
  tag: '/tag/europe',
  topic: '/topic/river-delta-floods',
  author: '/author/lin-haoran',
  authors: '/authors',
  article: '/article/coalition-talks-stall-over-budget-rules',
  video: '/article/explainer-how-heat-pumps-work',
  facade: '/article/the-weekly-debate-water-rights',
  infograph: '/article/infograph-where-the-delta-water-goes',
  gallery: '/article/in-pictures-lantern-festival',
  static: '/page/about',
  live: '/live',
  notFound: '/no/such/page',
  // The other editions (right to left, their own strings and media).
  'home (ar)': '/ar/',
  'article (ar)': `/ar/article/${encodeURIComponent('المصرف-الاحتياطي-القاري-يثبت-الفائدة-ويتريث-في-الخفض')}`,
  'gallery (ar)': `/ar/article/${encodeURIComponent('بالصور-أمطار-نادرة-تكسو-هضبة-حسمى-بالأزهار')}`,
  'infograph (ar)': `/ar/article/${encodeURIComponent('إنفوغراف-صيف-الحر-في-تونس-بالأرقام')}`,
  'live (ar)': '/ar/live',
  'section (es)': '/es/section/politics',
  'article (es)': `/es/article/${encodeURIComponent('el-banco-central-mantiene-las-tasas-y-pide-paciencia')}`,
  'video (es)': `/es/article/${encodeURIComponent('el-debate-de-la-semana-pagar-por-entrar-en-el-casco-antiguo')}`,
};

for (const [name, path] of Object.entries(pages)) {
  test(`no WCAG violations: ${name}`, async ({ page }) => {
    const frame = new Frame(page);
    await openPage(page, path);
    await expect(frame.heading).toBeVisible();
    await expect(frame.ticker.items.first()).toBeAttached();
    await audit(page, path);
  });
}

test('no WCAG violations with the share menu open and Listen playing', async ({ page }) => {
  await page.addInitScript(speechDouble);
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  const article = new ArticlePage(page);
  await openPage(page, pages.article);
  await article.listen.startButton.click();
  await expect(article.listen.nextButton).toBeVisible();
  await article.share.button.click();
  await expect(article.share.menu).toBeVisible();
  await audit(page, 'article with share menu and listen');
});

test('no WCAG violations with a submenu or the drawer open', async ({ page, isMobile }) => {
  const frame = new Frame(page);
  await openPage(page, '/');
  if (isMobile) {
    await frame.menuButton.click();
    await expect(frame.drawer).toBeVisible();
  } else {
    await frame.submenuToggle('News').click();
    await expect(frame.submenu('News')).toBeVisible();
  }
  // An open submenu covers part of the region row beneath it (the reader opened it; it closes on
  // Escape or when the pointer leaves), so target-size is judged on the menu, not the covered row.
  await audit(page, 'open menu', isMobile ? [] : ['nav[aria-label="Regions"]']);
});

test('no WCAG violations with the photo viewer open', async ({ page }) => {
  const gallery = new Gallery(page);
  await openPage(page, `${pages.gallery}?photo=2`);
  await expect(gallery.viewer).toBeVisible();
  await audit(page, 'photo viewer');
});
