// Shared test setup: every page is watched for wasm panics, uncaught errors and CSP violations,
// which fail the test.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (msg) => {
      const text = msg.text();
      if (/panicked|RuntimeError|unreachable/i.test(text)) problems.push(`console: ${text}`);
      // Chromium reports every Content-Security-Policy violation on the console.
      if (/Content Security Policy/i.test(text)) problems.push(`CSP violation: ${text}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    // A prerendered page is on screen before the app starts (its loader waits for the first
    // paint); like a reader's second tap, tests act once the app has hydrated it.
    for (const method of ['goto', 'reload']) {
      const original = page[method].bind(page);
      page[method] = async (...args) => {
        const response = await original(...args);
        await page.waitForFunction(() => 'wasmBindings' in window, null, { timeout: 10_000 }).catch(() => {});
        return response;
      };
    }
    await use(page);
    expect(problems, 'no panics or uncaught errors').toEqual([]);
  },
});

export { expect };

/**
 * Makes every page load get the app shell instead of its prerendered file, as for content
 * published after the last build: the page then renders in the browser and fetches its
 * content, which is what tests that fake or break content responses need.
 */
export async function clientRendered(page) {
  await page.route((url) => !url.pathname.startsWith('/content/'), async (route) => {
    const request = route.request();
    if (!request.isNavigationRequest()) return route.fallback();
    const shell = await route.fetch({ url: new URL('/shell.html', request.url()).href });
    return route.fulfill({ response: shell });
  });
}

/** Page object for the site frame (masthead, menus, drawer). */
export class Frame {
  constructor(page) {
    this.page = page;
    this.sections = page.getByRole('navigation', { name: 'Sections' });
    this.regions = page.getByRole('navigation', { name: 'Regions' });
    this.footer = page.getByRole('navigation', { name: 'Footer' });
    this.menuButton = page.getByRole('button', { name: 'Menu' });
    this.drawer = page.getByRole('dialog', { name: 'Site menu' });
  }

  async open(path) {
    await this.page.goto(path);
    await expect(this.regions).toBeVisible();
  }

  /** Every internal link of the menus and the footer, without duplicates. */
  async menuLinks() {
    const hrefs = [];
    for (const nav of [this.sections, this.regions, this.footer]) {
      hrefs.push(...(await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))));
    }
    return [...new Set(hrefs.filter((h) => h && h.startsWith('/')))];
  }

  async focused() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? ''}|${el.textContent.trim()}` : '';
    });
  }
}
