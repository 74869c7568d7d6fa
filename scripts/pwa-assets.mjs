// Generates the PWA's PNG icons from assets/pwa/*.svg and the install-sheet screenshots from the
// running release build (serve it first: `tests/e2e/run.sh --serve`). Uses Debian's Chromium
// through playwright-core, so no image tool is needed. Run with `make pwa-assets`.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8089';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
mkdirSync(`${root}public/icons`, { recursive: true });

const icons = [
  ['icon.svg', 'icon-192.png', 192], ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-192.png', 192], ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180], ['icon.svg', 'shortcut-96.png', 96],
];
for (const [source, out, size] of icons) {
  const svg = readFileSync(`${root}assets/pwa/${source}`, 'utf8');
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
  await page.screenshot({ path: `${root}public/icons/${out}`, omitBackground: true });
  await page.close();
  console.log(`public/icons/${out} ${size}x${size}`);
}

// Install-sheet screenshots per edition (public/screenshots/ for the default one,
// public/screenshots/<prefix>/ for the others; the prerender step lists them in each edition's
// manifest), and for the README the Arabic edition's front page and an article at both widths
// (docs/screenshots/).
const WIDE_ARTICLE = {
  '': '/article/coalition-talks-stall-over-budget-rules',
  ar: `/ar/article/${encodeURIComponent('المصرف-الاحتياطي-القاري-يثبت-الفائدة-ويتريث-في-الخفض')}`,
  es: `/es/article/${encodeURIComponent('el-banco-central-mantiene-las-tasas-y-pide-paciencia')}`,
};
const { editions } = JSON.parse(readFileSync(`${root}public/content/editions.json`, 'utf8'));
const shots = [];
for (const { prefix, language } of editions) {
  const dir = prefix ? `public/screenshots/${prefix}` : 'public/screenshots';
  const home = prefix ? `/${prefix}/` : '/';
  const article = WIDE_ARTICLE[prefix];
  if (!article) throw new Error(`pwa-assets: no article chosen for the wide screenshot of edition "${prefix}"`);
  shots.push([`${dir}/narrow.png`, 390, 844, home, language], [`${dir}/wide.png`, 1280, 800, article, language]);
}
for (const width of [390, 1280]) {
  const height = width === 390 ? 844 : 800;
  shots.push([`docs/screenshots/ar-home-${width}.png`, width, height, '/ar/', 'ar']);
  shots.push([`docs/screenshots/ar-article-${width}.png`, width, height, WIDE_ARTICLE.ar, 'ar']);
}
// A browser in the edition's own language: no offer of another edition on the picture.
for (const [out, width, height, path, locale] of shots) {
  mkdirSync(`${root}${out.slice(0, out.lastIndexOf('/'))}`, { recursive: true });
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce', locale });
  await page.goto(base + path);
  await page.waitForSelector('.ticker__item');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${root}${out}` });
  await page.close();
  console.log(`${out} ${width}x${height}`);
}
await browser.close();
