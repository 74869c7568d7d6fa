// Start-up trace of one page of the release build behind nginx: every main-thread task longer
// than MIN µs (default 12 ms) with what it spent its time on, between the app's User Timing
// marks (`nf:loader` … `nf:yield` … `nf:idle`, platform::perf). For finding what a long task is
// (layout, wasm compilation, hydration, effects); `make size` and `make audit` give the figures.
//   E2E_PORT=8098 tests/e2e/run.sh --serve &
//   node scripts/startup-trace.mjs [/path] (env: BASE_URL, RATE = CPU slowdown, default 4; MIN)
import { chromium } from 'playwright-core';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8098';
const path = process.argv[2] || '/article/delta-farmers-switch-to-floating-gardens';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE ?? 4) });
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] });
await page.goto(base + path);
await page.waitForFunction(() => performance.getEntriesByName('nf:idle', 'mark').length > 0, null, { timeout: 60000 }); await page.waitForTimeout(3000);
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents;
// main thread: the renderer's CrRendererMain
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const tid = main.tid, pid = main.pid;
const mine = events.filter((e) => e.tid === tid && e.pid === pid && e.ph === 'X');
const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > Number(process.env.MIN ?? 12000)).sort((a, b) => a.ts - b.ts);
const t0 = events.find((e) => e.name === 'navigationStart')?.ts ?? tasks[0]?.ts;
const markEvents = events.filter((e) => e.cat?.includes('user_timing') && e.name.startsWith('nf:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph==='b'));
const seen = new Set(); const ms = [];
for (const e of markEvents) { const k = e.name + Math.round(e.ts/1000); if (!seen.has(k)) { seen.add(k); ms.push(e); } }
const all = [...tasks.map((t) => ({ ts: t.ts, task: t })), ...ms.map((m) => ({ ts: m.ts, mark: m.name }))].sort((a, b) => a.ts - b.ts);
for (const x of all) { if (x.mark) { console.log(`   -- ${x.mark} @${((x.ts - t0) / 1000).toFixed(0)}`); continue; } const task = x.task;
  const inside = mine.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task);
  const agg = new Map();
  for (const e of inside) agg.set(e.name, (agg.get(e.name) || 0) + e.dur);
  const top = [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k}=${(v / 1000).toFixed(0)}`);
  console.log(`task @${((task.ts - t0) / 1000).toFixed(0)} ${(task.dur / 1000).toFixed(0)}ms: ${top.slice(0,4).join(', ')}`);
}
const marks = events.filter((e) => e.cat?.includes('user_timing') && e.name.startsWith('nf:')).map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(0)}`);
console.log([...new Set(marks)].join(' '));
await browser.close();
