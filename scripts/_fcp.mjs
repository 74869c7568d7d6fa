import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const path = '/article/delta-farmers-switch-to-floating-gardens';
try { for (let i = 0; i < 2; i++) for (const base of process.argv.slice(2)) {
  const { lhr } = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const m = lhr.audits.metrics.details.items[0];
  const doc = lhr.audits['network-requests'].details.items[0];
  console.log(base.slice(-4), 'FCP', Math.round(m.firstContentfulPaint), 'obsFCP', Math.round(m.observedFirstContentfulPaint), 'doc', doc.transferSize);
} } finally { await chrome.kill(); }
