// Screenshots of the reader tools for docs/ (README and the closing note): search
// results and the dark theme, at a phone's width and a desktop's, from the release build served
// by nginx (`E2E_PORT=8099 tests/e2e/run.sh --serve`). Usage: BASE_URL=… node scripts/reader-screenshots.mjs
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8099';
const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${base}/search?q=delta`);
    await page.locator('.search-hit').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}search-${width}.png` });
    await page.evaluate(() => localStorage.setItem('newsfront.theme', 'dark'));
    await page.goto(`${base}/article/notes-from-a-night-ferry`);
    await page.waitForFunction(() => 'wasmBindings' in window);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}dark-article-${width}.png` });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`screenshots written to ${out}`);
