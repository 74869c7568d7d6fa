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
mkdirSync(`${root}public/screenshots`, { recursive: true });

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

for (const [name, width, height, path] of [['narrow', 390, 844, '/'], ['wide', 1280, 800, '/article/coalition-talks-stall-over-budget-rules']]) {
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
  await page.goto(base + path);
  await page.waitForSelector('.ticker__item');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${root}public/screenshots/${name}.png` });
  await page.close();
  console.log(`public/screenshots/${name}.png ${width}x${height}`);
}
await browser.close();
