// Start-up trace of one page of the release build behind nginx: every main-thread task longer
// than MIN µs (default 12 ms) with what it spent its time on, between the app's User Timing
// marks (`nf:loader` … `nf:yield` … `nf:idle`, platform::perf), then two sums: the wasm
// functions V8 compiled on their first call (`wasm.CompileLazy`, count and time) and a
// Lighthouse-style blocking estimate (each task after the first paint, four times as long,
// minus 50 ms, as Lighthouse's simulated 4× slower phone counts it; meaningful at RATE=1).
// For finding what a long task is (layout, wasm compilation, hydration, effects); `make size`
// and `make audit` give the figures. A build with NF_WASM_NAMES=1 (scripts/wasm-split.mjs)
// keeps the function names, for the CPU profiles of DevTools.
//   E2E_PORT=8098 tests/e2e/run.sh --serve &
//   node scripts/startup-trace.mjs [/path]
//   env: BASE_URL, RATE = CPU slowdown (default 4), MIN, MOBILE=1 (Lighthouse's phone screen),
//   PROFILE=1 (each long task's most sampled functions), LAYOUT=1 (each layout over 2 ms)
import { chromium } from 'playwright-core';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8098';
const path = process.argv[2] || '/article/delta-farmers-switch-to-floating-gardens';
const rate = Number(process.env.RATE ?? 4);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const phone = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const context = await browser.newContext(process.env.MOBILE ? phone : {});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
const profiling = process.env.PROFILE === '1';
const categories = ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'];
if (profiling) categories.push('disabled-by-default-v8.cpu_profiler');
await browser.startTracing(page, { categories });
await page.goto(base + path);
// Polled through DevTools, not `page.waitForFunction`: Playwright's injected script would be a
// 20-70 ms task of its own in the trace, next to the first paint.
const idle = "performance.getEntriesByName('nf:idle', 'mark').length > 0";
for (let waited = 0; !(await cdp.send('Runtime.evaluate', { expression: idle, returnByValue: true })).result.value; waited += 100) {
  if (waited > 60000) throw new Error('no nf:idle mark within 60 s');
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await page.waitForTimeout(3000);
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
// The page's main thread: the renderer that painted it.
const fcp = events.find((e) => e.name === 'firstContentfulPaint');
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!fcp || e.pid === fcp.pid));
const { tid, pid } = main;
const mine = events.filter((e) => e.tid === tid && e.pid === pid && e.ph === 'X');
const long = mine.filter((e) => e.name === 'RunTask' && e.dur > Number(process.env.MIN ?? 12000)).sort((a, b) => a.ts - b.ts);
const t0 = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? long[0]?.ts;
const at = (ts) => ((ts - t0) / 1000).toFixed(0);
const markEvents = events.filter((e) => e.cat?.includes('user_timing') && e.name.startsWith('nf:') && ['R', 'I', 'n', 'b'].includes(e.ph));
const seen = new Set();
const marks = markEvents.filter((e) => { const k = e.name + Math.round(e.ts / 1000); if (seen.has(k)) return false; seen.add(k); return true; });
// PROFILE=1: the CPU profile's samples (one per 0.1–1 ms), by function and time, so a long task
// can list the functions it ran most (by self time; wasm functions by name in a build with
// NF_WASM_NAMES=1).
const samples = [];
if (profiling) {
  const nodes = new Map();
  const profiles = new Map();
  for (const e of events.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk'))) {
    const id = e.id;
    if (e.name === 'Profile') { profiles.set(id, e.args.data.startTime); continue; }
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(`${id}:${n.id}`, n.callFrame?.functionName || '(anonymous)');
    let t = profiles.get(id) ?? 0;
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((sample, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, fn: `${id}:${sample}` });
    });
    profiles.set(id, t);
  }
  for (const sample of samples) sample.fn = nodes.get(sample.fn) ?? '?';
}
const timeline = [...long.map((task) => ({ ts: task.ts, task })), ...marks.map((m) => ({ ts: m.ts, mark: m.name }))].sort((a, b) => a.ts - b.ts);
if (fcp) console.log(`first contentful paint @${at(fcp.ts)}`);
for (const { task, mark, ts } of timeline) {
  if (mark) { console.log(`   -- ${mark} @${at(ts)}`); continue; }
  const agg = new Map();
  for (const e of mine) {
    if (e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur) agg.set(e.name, (agg.get(e.name) || 0) + e.dur);
  }
  const top = [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k}=${(v / 1000).toFixed(0)}`);
  console.log(`task @${at(task.ts)} ${(task.dur / 1000).toFixed(0)}ms: ${top.join(', ')}`);
  // The JavaScript the task called into (a wasm-bindgen closure, the split loader, a fetch
  // callback), by function and file.
  const calls = new Map();
  for (const e of mine) {
    if (e.name !== 'FunctionCall' || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
    const d = e.args?.data ?? {};
    const k = `${d.functionName || '(anonymous)'} ${(d.url || '').replace(/^.*\//, '')}:${d.lineNumber ?? ''}`;
    calls.set(k, (calls.get(k) || 0) + e.dur);
  }
  const callTop = [...calls.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k}=${(v / 1000).toFixed(0)}`);
  if (callTop.length) console.log(`      calls: ${callTop.join(', ')}`);
  if (profiling) {
    const self = new Map();
    for (const sample of samples) if (sample.ts >= task.ts && sample.ts <= task.ts + task.dur && !['(program)', '(idle)', '(garbage collector)'].includes(sample.fn)) self.set(sample.fn, (self.get(sample.fn) || 0) + 1);
    const fnTop = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k.slice(0, 90)}×${v}`);
    if (fnTop.length) console.log(`      samples: ${fnTop.join(' | ')}`);
  }
}
// LAYOUT=1: every layout over 2 ms, with how many layout objects it laid out (of how many).
if (process.env.LAYOUT === '1') {
  for (const e of mine.filter((e) => e.name === 'Layout' && e.dur > 2000)) {
    const d = e.args?.beginData ?? {};
    console.log(`layout @${at(e.ts)} ${(e.dur / 1000).toFixed(0)}ms: ${d.dirtyObjects}/${d.totalObjects} objects`);
  }
}
const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && e.pid === pid);
console.log(`wasm functions compiled on first call: ${lazy.length}, ${(lazy.reduce((a, e) => a + e.dur, 0) / 1000).toFixed(0)} ms`);
const after = mine.filter((e) => e.name === 'RunTask' && (!fcp || e.ts > fcp.ts));
const blocking = after.reduce((a, e) => a + Math.max(0, 4 * (e.dur / 1000) - 50), 0);
console.log(`blocking estimate after the first paint (4x each task, minus 50 ms${rate === 1 ? '' : '; meant for RATE=1'}): ${blocking.toFixed(0)} ms`);
await browser.close();
