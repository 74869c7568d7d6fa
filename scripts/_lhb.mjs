import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const url = 'http://127.0.0.1:8098' + (process.argv[2] ?? '/article/delta-farmers-switch-to-floating-gardens');
const rows = { plain: [], blocked: [] };
for (let i = 0; i < Number(process.env.N ?? 3); i++) for (const mode of ['plain', 'blocked']) {
  const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], ...(mode === 'blocked' ? { blockedUrlPatterns: [process.env.PATTERN ?? '*/lists/*'] } : {}) };
  const r = await lighthouse(url, flags);
  const a = r.lhr.audits; const lt = a['long-tasks'].details.items;
  rows[mode].push(`perf ${Math.round(r.lhr.categories.performance.score * 100)} TBT ${Math.round(a['total-blocking-time'].numericValue)} longest ${Math.round(Math.max(...lt.map((t) => t.duration)))}@${Math.round(lt.sort((x, y) => y.duration - x.duration)[0].startTime)}`);
}
for (const [k, v] of Object.entries(rows)) console.log(k, '\n  ' + v.join('\n  '));
await chrome.kill();
