// `make size`: what each page type downloads before it is interactive, measured in a real
// Chromium loading the release build from nginx (brotli, as deployed), and where the start-up
// time goes (the User Timing marks of the loader and `src/platform/perf.rs`). Fails when a page's
// JS + wasm + CSS, as transferred, is above `first_load_js_wasm_css_kb_max` in audit/budgets.json.
//
// "Interactive" is the `nf:effects` mark: the page is hydrated and every effect has run once.
// A page to read (an article, a listing) hydrates its content after that, once idle
// (`nf:content`, src/routes.rs): what it has downloaded by then is printed too.
// Each run uses a fresh browser context (empty cache, no service worker yet).
// Env: BASE_URL (default http://127.0.0.1:8099), SIZE_RUNS (loads per page, default 3),
// SIZE_CPU (CPU slowdown through DevTools, default 4 like Lighthouse's mobile setting).
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { median } from './stats.mjs';

const root = new URL('..', import.meta.url).pathname;
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8099';
const RUNS = Number(process.env.SIZE_RUNS ?? 3);
const CPU = Number(process.env.SIZE_CPU ?? 4);
const budgets = JSON.parse(readFileSync(`${root}audit/budgets.json`, 'utf8'));
const budgetKb = budgets.first_load_js_wasm_css_kb_max;
export const pages = {
  home: '/',
  section: '/section/news',
  'long article': '/article/delta-farmers-switch-to-floating-gardens',
  'media page': '/article/in-pictures-lantern-festival',
  // The other editions: their interface strings and digits must not make them heavier.
  'home (ar)': '/ar/',
  'article (ar)': `/ar/article/${encodeURIComponent('المصرف-الاحتياطي-القاري-يثبت-الفائدة-ويتريث-في-الخفض')}`,
  'article (es)': `/es/article/${encodeURIComponent('el-banco-central-mantiene-las-tasas-y-pide-paciencia')}`,
};

export const kindOf = (url, initiatorType) => {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'js';
  if (path.endsWith('.css') || (initiatorType === 'link' && path.includes('.css'))) return 'css';
  if (path.endsWith('.json')) return 'json';
  if (/\.(png|jpe?g|webp|avif|gif|svg)$/.test(path)) return 'image';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  return 'other';
};

// Collected in the page once `nf:effects` is set: resources started before it, the marks,
// and the long tasks (for a blocking-time figure on this machine).
function collect(until) {
  const mark = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null;
  const interactive = mark(until);
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource')
    .filter((r) => r.startTime <= interactive)
    .map((r) => ({ url: r.name, initiator: r.initiatorType, encoded: r.encodedBodySize, decoded: r.decodedBodySize,
      start: r.startTime, end: r.responseEnd }));
  const marks = Object.fromEntries(['nf:loader', 'nf:js', 'nf:compiled', 'nf:main', 'nf:snapshot', 'nf:hydrated', 'nf:effects', 'nf:idle', 'nf:content']
    .map((n) => [n, mark(n)]));
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  return {
    html: { encoded: nav.encodedBodySize, decoded: nav.decodedBodySize },
    resources, marks, fcp,
    longTasks: (window.__nfLongTasks ?? []).map((t) => ({ start: t.startTime, duration: t.duration })),
    blockingStylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => !l.media || l.media === 'all').length,
  };
}

async function load(browser, path) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__nfLongTasks = [];
    try {
      new PerformanceObserver((list) => window.__nfLongTasks.push(...list.getEntries()))
        .observe({ type: 'longtask', buffered: true });
    } catch { /* no Long Tasks API */ }
  });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  if (CPU > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  }
  await page.goto(base + path);
  await page.waitForFunction(() => performance.getEntriesByName('nf:effects', 'mark').length > 0, null, { timeout: 60_000 });
  const result = await page.evaluate(collect, 'nf:effects');
  // The content (the page's routes, `.routes-part`), hydrated later.
  let content = null;
  if (await page.locator('.routes-part').count()) {
    await page.waitForFunction(() => performance.getEntriesByName('nf:content', 'mark').length > 0, null, { timeout: 60_000 });
    content = await page.evaluate(collect, 'nf:content');
  }
  await context.close();
  return { ...result, content, warnings };
}


function summarise(run) {
  const bytes = {};
  for (const r of run.resources) {
    const k = kindOf(r.url, r.initiator);
    bytes[k] ??= { encoded: 0, decoded: 0, files: 0 };
    bytes[k].encoded += r.encoded; bytes[k].decoded += r.decoded; bytes[k].files += 1;
  }
  const m = run.marks;
  const wasm = run.resources.find((r) => r.url.endsWith('.wasm'));
  const interactive = m['nf:effects'];
  const phases = {
    // Download: the wasm's request to its last byte (compilation streams alongside it).
    download: wasm ? wasm.end - wasm.start : null,
    // Compile: what compiling still took after the last byte arrived.
    compile: m['nf:compiled'] != null && wasm ? Math.max(0, m['nf:compiled'] - wasm.end) : null,
    instantiate: m['nf:main'] != null && m['nf:compiled'] != null ? m['nf:main'] - m['nf:compiled'] : null,
    // Reading the page's embedded data, then hydrating (decoding each file included).
    snapshot: m['nf:snapshot'] - m['nf:main'],
    hydrate: m['nf:hydrated'] - m['nf:snapshot'],
    effects: m['nf:effects'] - m['nf:hydrated'],
    interactive,
  };
  const fcp = run.fcp ?? 0;
  const tbt = run.longTasks.filter((t) => t.start >= fcp).reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
  const contentBytes = run.content
    ? run.content.resources.filter((r) => ['js', 'wasm', 'css'].includes(kindOf(r.url, r.initiator))).reduce((s, r) => s + r.encoded, 0)
    : null;
  phases.content = run.content ? run.content.marks['nf:content'] : null;
  return { bytes, contentBytes, phases, tbt, fcp: run.fcp, blockingStylesheets: run.blockingStylesheets, html: run.html, warnings: run.warnings };
}

// The build's own files, raw and as precompressed by `make release` (gzip -9, brotli 11).
function fileTable() {
  const dist = `${root}dist`;
  const rows = [];
  for (const f of readdirSync(dist)) {
    if (!/\.(wasm|js|css)$/.test(f) || f === 'sw.js' || f.startsWith('workbox-')) continue;
    const size = (p) => (existsSync(p) ? statSync(p).size : null);
    rows.push({ file: f, raw: size(`${dist}/${f}`), gzip: size(`${dist}/${f}.gz`), brotli: size(`${dist}/${f}.br`) });
  }
  return rows.sort((a, b) => b.raw - a.raw);
}

async function main() {
  const kb = (n) => (n == null ? '-' : (n / 1024).toFixed(1));
  const ms = (n) => (n == null ? '-' : `${Math.round(n)}`);
  console.log('\nbuild files (bytes)\nfile\traw\tgzip\tbrotli');
  const files = fileTable();
  for (const r of files) console.log([r.file, r.raw, r.gzip ?? '-', r.brotli ?? '-'].join('\t'));
  const sum = (k) => files.reduce((s, r) => s + (r[k] ?? 0), 0);
  console.log(['total', sum('raw'), sum('gzip'), sum('brotli')].join('\t'));

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const report = {};
  try {
    for (const [name, path] of Object.entries(pages)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(summarise(await load(browser, path)));
      report[name] = runs;
    }
  } finally {
    await browser.close();
  }

  console.log(`\nbefore interactive (nf:effects), ${base}, fresh cache, transferred (brotli) / raw KB, median of ${RUNS}`);
  // wasm files: the main module and the chunks (wasm-split makes one per combination of entry
  // points that share code, so their count is what a new split point costs in requests).
  console.log(['page', 'js', 'wasm', 'css', 'JS+wasm+CSS', 'raw', 'html', 'json', 'image', 'wasm files', 'css files', 'content live'].join('\t'));
  const failures = [];
  for (const [name, runs] of Object.entries(report)) {
    const b = runs[0].bytes;
    const enc = (k) => b[k]?.encoded ?? 0;
    const dec = (k) => b[k]?.decoded ?? 0;
    const first = enc('js') + enc('wasm') + enc('css');
    console.log([name, kb(enc('js')), kb(enc('wasm')), kb(enc('css')), kb(first), kb(dec('js') + dec('wasm') + dec('css')),
      kb(runs[0].html.encoded), kb(enc('json')), kb(enc('image')), b.wasm?.files ?? 0,
      `${b.css?.files ?? 0} (${runs[0].blockingStylesheets} blocking)`, runs[0].contentBytes == null ? '-' : kb(runs[0].contentBytes)].join('\t'));
    if (first / 1024 > budgetKb) failures.push(`${name}: JS+wasm+CSS ${kb(first)} KB > ${budgetKb} KB`);
    for (const w of new Set(runs.flatMap((r) => r.warnings))) failures.push(`${name}: console: ${w}`);
  }

  console.log(`\nstart-up (ms, median of ${RUNS}, CPU slowdown ${CPU}x, on this machine while it is shared: compare runs made together)`);
  console.log(['page', 'download', 'compile', 'instantiate', 'snapshot', 'hydrate', 'effects', 'interactive', 'content live', 'FCP', 'TBT'].join('\t'));
  for (const [name, runs] of Object.entries(report)) {
    const p = (k) => median(runs.map((r) => r.phases[k]));
    console.log([name, ms(p('download')), ms(p('compile')), ms(p('instantiate')), ms(p('snapshot')), ms(p('hydrate')), ms(p('effects')),
      ms(p('interactive')), ms(p('content')), ms(median(runs.map((r) => r.fcp))), ms(median(runs.map((r) => r.tbt)))].join('\t'));
  }
  if (failures.length) {
    console.log(`\nfailed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`\nevery page within ${budgetKb} KB (JS + wasm + CSS, transferred)`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
