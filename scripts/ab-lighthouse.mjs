// Same-run A/B of two release builds with Lighthouse (mobile defaults, simulated throttling):
// alternates between the two servers so both see the same machine load, and prints per run
// the performance score, TBT, FCP, LCP and TTI, the image bytes transferred, the host's speed
// (Lighthouse's benchmarkIndex), the main-thread
// time by kind, and the longest tasks. For questions such as "did this change cost start-up
// time?", where figures from different hours of a shared machine cannot be compared
// (docs/performance.md).
//
//   node scripts/ab-lighthouse.mjs http://127.0.0.1:8097 http://127.0.0.1:8099
// Env: AB_PATH (page path, default the long article), AB_RUNS (rounds, default 3).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { median } from './stats.mjs';

const path = process.env.AB_PATH ?? '/article/delta-farmers-switch-to-floating-gardens';
const runs = Number(process.env.AB_RUNS ?? 3);
const bases = process.argv.slice(2);
if (bases.length < 2) {
  console.error('usage: node scripts/ab-lighthouse.mjs BASE_URL_A BASE_URL_B');
  process.exit(2);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const rows = Object.fromEntries(bases.map((b) => [b, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const base of bases) {
      const { lhr } = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const a = lhr.audits;
      const row = {
        perf: Math.round(lhr.categories.performance.score * 100),
        tbt: Math.round(a['total-blocking-time'].numericValue),
        fcp: Math.round(a['first-contentful-paint'].numericValue),
        lcp: Math.round(a['largest-contentful-paint'].numericValue),
        tti: Math.round(a.interactive?.numericValue ?? 0),
        bench: Math.round(lhr.environment?.benchmarkIndex ?? 0),
        img: Math.round((a['resource-summary'].details?.items ?? []).find((x) => x.resourceType === 'image')?.transferSize / 1024 || 0),
      };
      rows[base].push(row);
      const work = (a['mainthread-work-breakdown'].details?.items ?? []).map((x) => `${x.group} ${Math.round(x.duration)}`).join(', ');
      const long = (a['long-tasks']?.details?.items ?? []).slice(0, 4)
        .map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)} ms`).join(', ');
      console.log(`${base}  perf ${row.perf}  TBT ${row.tbt}  FCP ${row.fcp}  LCP ${row.lcp}  TTI ${row.tti}  image ${row.img} KB  benchmarkIndex ${row.bench}`);
      console.log(`    main thread: ${work}`);
      console.log(`    longest tasks: ${long}`);
    }
  }
} finally {
  await chrome.kill();
}
console.log(`\nmedians over ${runs} rounds, ${path}`);
console.log('build\tperf\tTBT\tFCP\tLCP\tTTI\timage KB\tbenchmarkIndex');
for (const [base, rs] of Object.entries(rows)) {
  console.log([base, ...['perf', 'tbt', 'fcp', 'lcp', 'tti', 'img', 'bench'].map((k) => median(rs.map((r) => r[k])))].join('\t'));
}
