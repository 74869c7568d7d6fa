// The search index as `make release` and `make pages` build it (scripts/search-index.sh:
// Pagefind over the site folder): only pages marked `data-pagefind-body` (articles), one index
// per <html lang>, and rebuilt whole, so a page added since is found and a page removed is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const page = (lang, title, words, indexed = true) => `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head>
<body><header>Masthead words</header><main><article ${indexed ? 'data-pagefind-body' : ''} data-pagefind-filter="kind:article">
<h1>${title}</h1><p>${words}</p><div data-pagefind-ignore="all">Listen Share</div></article></main></body></html>`;

function write(site, path, html) {
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(join(site, path, 'index.html'), html);
}

/** Indexes `site` as the Makefile does; returns { language: [page URLs] }. */
function index(site) {
  execFileSync(new URL('./search-index.sh', import.meta.url).pathname, [site], { stdio: 'pipe' });
  const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
  const urls = {};
  for (const file of readdirSync(join(site, 'pagefind/fragment'))) {
    const text = gunzipSync(readFileSync(join(site, 'pagefind/fragment', file))).toString('utf8');
    const fragment = JSON.parse(text.slice(text.indexOf('{')));
    const lang = file.split('_')[0];
    (urls[lang] ??= []).push(decodeURIComponent(fragment.url));
  }
  for (const list of Object.values(urls)) list.sort();
  assert.deepEqual(Object.keys(entry.languages).sort(), Object.keys(urls).sort());
  return urls;
}

test('only articles are indexed, per language, and the index follows pages added and removed', () => {
  const site = mkdtempSync(join(tmpdir(), 'nf-search-'));
  try {
    write(site, 'article/ferry', page('en', 'Night ferry', 'The ferry crosses the delta.'));
    write(site, 'section/news', page('en', 'News', 'A listing page.', false));
    write(site, 'ar/article/عبارة', page('ar', 'العبارة', 'تعبر العبارة الدلتا.'));
    assert.deepEqual(index(site), { en: ['/article/ferry/'], ar: ['/ar/article/عبارة/'] });

    write(site, 'article/lighthouse', page('en', 'Lighthouse', 'Keepers of the light.'));
    rmSync(join(site, 'ar'), { recursive: true });
    assert.deepEqual(index(site), { en: ['/article/ferry/', '/article/lighthouse/'] });
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});
