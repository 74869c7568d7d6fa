// Shared test setup: every page is watched for wasm panics, uncaught errors and CSP violations,
// which fail the test. Pages are opened with `openPage`, which fails unless the app starts.
import { test as base, expect } from '@playwright/test';

/** What each page has reported so far (panics, uncaught errors, CSP violations). */
const problemsOf = new WeakMap();

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    problemsOf.set(page, problems);
    page.on('console', (msg) => {
      const text = msg.text();
      if (/panicked|RuntimeError|unreachable|hydration error/i.test(text)) problems.push(`console: ${text}`);
      // Chromium reports every Content-Security-Policy violation on the console.
      if (/Content Security Policy/i.test(text)) problems.push(`CSP violation: ${text}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await use(page);
    // A route handler may still be running when the test ends (the LIVE page polls its feed):
    // once the page closes, its `route.fetch` response is disposed and the handler's error
    // would be reported against the next test (CI: "apiResponse.json: Response has been
    // disposed"). Handlers are removed first, and what they throw after that is ignored.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    expect(problems, 'no panics or uncaught errors').toEqual([]);
  },
});

export { expect };

/** How long the app may take to start after a page has loaded (the machine may be busy). */
const HYDRATION_TIMEOUT = 15_000;

/**
 * Fails unless the app has started on the current page and hydrated the prerendered markup (or
 * rendered the app shell), so its handlers are attached. The release loader
 * (scripts/sw-build.mjs) sets `window.wasmBindings` once the wasm module's start function has
 * returned; a panic there, a failed download or a refused script leaves it unset. Hydration
 * itself runs after that, in slices, once the page's route chunk has arrived (src/main.rs), and
 * ends with the `nf:hydrated` mark: an input filled before it would be emptied by the hydration
 * (CI saw a search typed into the page that was not hydrated yet). The page's routes (its
 * content, `.routes-part`, src/routes.rs) hydrate after that: once idle on a page to read (an
 * article, a listing), at once on a page to use (search, saved, LIVE); the masthead's menus
 * (`.masthead__menus-part`) once idle. Unless `content` is false, this also waits until both
 * are live, as a reader's second look would.
 */
export async function expectHydrated(page, what = page.url(), timeout = HYDRATION_TIMEOUT, content = true) {
  try {
    await page.waitForFunction(
      (content) => 'wasmBindings' in window && performance.getEntriesByName('nf:hydrated', 'mark').length > 0
        && !(content && document.querySelector('.routes-part:not([data-live]), .masthead__menus-part:not([data-live])')),
      content,
      { timeout },
    );
  } catch (error) {
    const problems = problemsOf.get(page) ?? [];
    const seen = problems.length ? `; the page reported: ${problems.join(' | ')}` : '';
    throw new Error(`the app did not start on ${what} within ${timeout / 1000} s${seen}\n(${error.message.split('\n')[0]})`);
  }
}

/**
 * Opens `url` and waits until the app has hydrated it (a prerendered page is on screen before
 * the app starts; like a reader's second tap, tests act once it has). Fails if the app does
 * not start. Tests about a page that deliberately cannot start use plain `page.goto`.
 */
export async function openPage(page, url, { hydrationTimeout = HYDRATION_TIMEOUT, content = true, ...options } = {}) {
  const response = await page.goto(url, options);
  await expectHydrated(page, url, hydrationTimeout, content);
  return response;
}

/** Reloads the page and waits until the app has started again (see `openPage`). */
export async function reloadPage(page, { hydrationTimeout = HYDRATION_TIMEOUT, ...options } = {}) {
  const response = await page.reload(options);
  await expectHydrated(page, page.url(), hydrationTimeout);
  return response;
}

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

/** The release build being served (run.sh serves E2E_DIST, by default dist/). */
export const distDir = process.env.NEWSFRONT_E2E_DIST
  ? `${process.env.NEWSFRONT_E2E_DIST.replace(/\/$/, '')}/`
  : new URL('../../dist/', import.meta.url).pathname;
