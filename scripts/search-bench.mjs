// Search at scale, measured (make bench-prerender, after the index is built): serves the
// benchmark's site folder and, in headless Chromium, runs a cold query (a fresh browser:
// Pagefind's code, its wasm and the index pieces the query needs all fetched) and then a warm
// one (a different query in the same page: only the new pieces). Prints bytes transferred and
// the time to the first 20 results' data.
// Usage: node scripts/search-bench.mjs SITE_DIR [COLD_QUERY] [WARM_QUERY]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';

// Default queries: words of the generated corpus's vocabulary (content tool `generate`).
const [site, cold = 'harbour delegates', warm = 'ministry schedule'] = process.argv.slice(2);
if (!site) {
  console.error('usage: node scripts/search-bench.mjs SITE_DIR [COLD_QUERY] [WARM_QUERY]');
  process.exit(2);
}
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/__bench.html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><html lang="en"><head><title>search bench</title></head><body></body></html>');
    return;
  }
  const file = join(site, normalize(path));
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/__bench.html`);
  // Every request of the page and of Pagefind's worker, with the bytes it brought.
  let seen = [];
  context.on('requestfinished', (request) => seen.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  const run = async (query) => {
    seen = [];
    const r = await page.evaluate(async (q) => {
      const start = performance.now();
      window.pf ??= await import('/pagefind/pagefind.js');
      await window.pf.init();
      const found = await window.pf.search(q);
      await Promise.all(found.results.slice(0, 20).map((x) => x.data()));
      return { ms: performance.now() - start, results: found.results.length };
    }, query);
    const sizes = await Promise.all(seen);
    return { ...r, requests: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  };
  for (const [what, query] of [['cold', cold], ['warm', warm]]) {
    const r = await run(query);
    console.log(`search ${what} query "${query}": ${r.results} results, first 20 shown after ${r.ms.toFixed(0)} ms;` +
      ` ${r.requests} requests, ${(r.bytes / 1000).toFixed(1)} KB transferred`);
  }
} finally {
  await browser.close();
  server.close();
}
