// Playwright drives Debian's Chromium (never a downloaded browser) against nginx.
import { defineConfig } from '@playwright/test';

/** Debian Chromium's flags for this machine (no sandbox as root, no background networking:
 *  the network is closed); specs that need another flag extend this list. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8089',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
    },
    trace: 'off',
    // Route interception does not see requests a service worker answers, so tests run without
    // one unless they are about it (pwa.spec.mjs turns it back on).
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
    { name: 'mobile', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  ],
});
