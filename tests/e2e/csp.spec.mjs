// The Content-Security-Policy of deploy/nginx.conf: present on every page, strict for scripts,
// and enforced by the browser. (Every other test fails on any violation: see fixtures.mjs.)
// (Plain Playwright `test`: the shared fixture would fail the test that provokes violations.)
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { openPage } from './fixtures.mjs';
import { Ticker } from './pages/ticker.mjs';

function directives(header) {
  return Object.fromEntries(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values];
  }));
}

for (const path of ['/', '/article/coalition-talks-stall-over-budget-rules', '/section/world-of-nothing', '/sw.js']) {
  test(`${path} carries a strict policy`, async ({ request }) => {
    const resp = await request.get(path);
    const header = resp.headers()['content-security-policy'];
    expect(header, 'Content-Security-Policy header').toBeTruthy();
    const csp = directives(header);
    // One inline script is allowed, by its hash: the reader's preferences (public/prefs.js).
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['img-src']).toEqual(["'self'"]);
    expect(csp['media-src']).toEqual(["'self'"]);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
  });
}

test('pages have one inline script, the preferences, which the policy lists by its hash', async ({ request }) => {
  for (const path of ['/', '/article/coalition-talks-stall-over-budget-rules', '/shell.html', '/404.html']) {
    const resp = await request.get(path);
    const allowed = directives(resp.headers()['content-security-policy'])['script-src'];
    const html = await resp.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const inline = [];
    for (const [, attrs, body] of scripts) {
      const data = /type="application\/(ld\+)?json"/.test(attrs);
      const external = /\bsrc="/.test(attrs) && body.trim() === '';
      if (!data && !external) inline.push(body);
    }
    expect(inline, `${path}: one inline script`).toHaveLength(1);
    expect(inline[0]).toContain("localStorage.getItem('newsfront.theme')");
    const hash = `'sha256-${createHash('sha256').update(inline[0], 'utf8').digest('base64')}'`;
    expect(allowed, `${path}: the policy lists the inline script's hash`).toContain(hash);
  }
});

test('the browser enforces it: injected script and foreign images are refused, the app runs', async ({ page }) => {
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await openPage(page, '/article/coalition-talks-stall-over-budget-rules');
  const ran = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.head.append(s);
    const img = document.createElement('img');
    img.src = 'https://elsewhere.example/pixel.png';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    return { injected: window.__injected, seen };
  });
  expect(ran.injected).toBeUndefined();
  expect(ran.seen).toEqual(expect.arrayContaining(['script-src-elem', 'img-src']));
  expect(violations.length).toBeGreaterThanOrEqual(2);
  // The app itself still works under the policy.
  const ticker = new Ticker(page);
  await ticker.ready();
  await ticker.pauseButton.click();
  await expect(ticker.playButton).toHaveAttribute('aria-pressed', 'true');
});
