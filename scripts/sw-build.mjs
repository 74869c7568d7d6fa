// Trunk post-build hook, in five steps:
// 1. Release builds: splits the wasm at its entry points (scripts/wasm-split.mjs), and replaces
//    Trunk's inline loader script with a hashed file
//    (`newsfront-loader-<hash>.js`), so the Content-Security-Policy in deploy/nginx.conf can
//    forbid every inline script but one without a per-build hash; the loader starts the app after the
//    prerendered page's first paint (and the head no longer preloads the app).
// 1b. Inlines the reader's display preferences script (public/prefs.js) into the head, and
//    checks that deploy/nginx.conf's Content-Security-Policy lists its hash
//    (scripts/prefs-inline.mjs).
// 2. Fills the boot masthead (shown while the app loads) with the publisher's logo and slogan
//    from the built site.json, so first paint never shows another outlet's masthead.
// 3. Joins the stylesheets into one render-blocking file (scripts/css-bundle.mjs); release
//    builds also drop the comments of the inlined critical CSS.
// 4. Keeps a copy of the built page as `shell.html` (the app shell: the template the prerender
//    step renders pages into, and the page served for routes that have no prerendered file),
//    with a comment listing each entry point's chunk files in a split build (the prerender step
//    copies a page's own into its snapshot for the loader to preload, and leaves the list out).
// 5. Release builds: writes the Workbox service worker into Trunk's staging directory, so the
//    precache list always matches the hashed file names of this build. A development build
//    (`trunk serve`) gets no caching worker (the app unregisters any old one).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fillBootMasthead } from './boot-masthead.mjs';
import { bundleStylesheets, stripInlineStyleComments } from './css-bundle.mjs';
import { splitApp } from './wasm-split.mjs';
import { minifyModule } from './minify.mjs';
import { inlinePrefs, policyAllows } from './prefs-inline.mjs';

const root = new URL('..', import.meta.url).pathname;

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
// (Run again by hand after the prerender step, index.html is the prerendered front page: the
// shell made by the build is kept as it is.)
let index = readFileSync(`${dir}/index.html`, 'utf8');
// The chunk files of each entry point, in a split build.
let entries = null;
if (!index.includes('id="nf-data"')) {
  const inline = /<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/;
  const found = index.match(inline);
  if (release && found) {
    const [, js, wasm] = found;
    // A build with lazy routes (--cfg nf_split): wasm-split between cargo and wasm-bindgen.
    const stem = js.replace(/^.*\//, '').replace(/\.js$/, '');
    const split = await splitApp(dir, stem, process.env.NF_WASM_INPUT);
    if (split) console.log(`sw-build: wasm split, ${split.written.length} chunk files (scripts/wasm-split.mjs)`);
    entries = split?.entries ?? null;
    // The prerendered page is readable without the app: let it paint first, so the app's
    // bytes do not compete with the page's own (text, hero image) on a slow connection, then
    // fetch and start the app, which hydrates the page. The site-wide files the page was
    // rendered from (site.json, the ticker, Most Read) are not repeated in every page: its
    // embedded data names immutable shared copies (/shared/…), fetched here alongside the app
    // (and cached by HTTP and the service worker), so hydration has them before it starts
    // (src/platform/hydration.rs reads window.nfShared; a copy that fails means the app
    // renders the page afresh instead of hydrating it).
    // The User Timing marks split the start-up for `make size` and traces: `nf:loader` (this
    // script runs), `nf:js` (bindings imported), `nf:compiled` (wasm downloaded and compiled,
    // streaming); the app adds `nf:main` (instantiated), `nf:hydrated`, `nf:effects`, `nf:idle`.
    // It waits for the first contentful paint before it downloads anything (the paint entry;
    // after 3 s, or where paint timing is missing, it goes ahead), and its own script tag has
    // fetchpriority="low": nothing of the app competes with the HTML, the stylesheet and the
    // images of the first paint. Measured with Lighthouse (simulated throttling), a High-priority
    // module script in the head counts as render-blocking, and requests started before the
    // paint delay its estimate: FCP was 290–376 ms behind the static copy's.
    const code = await minifyModule(`// Newsfront loader (written by scripts/sw-build.mjs from Trunk's inline loader).
performance.mark('nf:loader');
await new Promise((resolve) => {
  let observer;
  const go = () => { clearTimeout(timer); observer?.disconnect(); resolve(); };
  const timer = setTimeout(go, 3000);
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) go();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    requestAnimationFrame(() => setTimeout(go, 0));
  }
});
// The app's code first (the bindings and the main module, compiled while it downloads), then
// the page's data, then the wasm chunks of its route: each step in a task of its own (\`later\`),
// since starting a fetch or a preload costs the main thread about a millisecond here, and the
// long article's 33 in one task made a 30 ms task (120 ms at Lighthouse's 4×).
const later = () => new Promise((resolve) => setTimeout(resolve, 0));
const bindingsLoaded = import('${js}').then((b) => { performance.mark('nf:js'); return b; });
const wasmUrl = '${wasm}';
const compiled = (async () => {
  try {
    const module = await WebAssembly.compileStreaming(fetch(wasmUrl));
    performance.mark('nf:compiled');
    return module;
  } catch {
    // Served without the wasm MIME type: wasm-bindgen's own fallback fetches and compiles it.
    return wasmUrl;
  }
})();
await later();
let snapshot = {};
try {
  snapshot = JSON.parse(document.getElementById('nf-data')?.textContent || '{}');
} catch {}
const text = (url) => fetch(url).then((r) => (r.ok ? r.text() : null)).catch(() => null);
const copies = Promise.all(Object.values(snapshot.shared || {}).map((url) => text(url).then((t) => [url, t])));
// The page's own file, by version (newsfront_model::snapshot::Snapshot::fetched).
let base = document.querySelector('meta[name="newsfront:content-base"]')?.content?.trim() || '/content/';
if (!base.endsWith('/')) base += '/';
const own = Promise.all(Object.entries(snapshot.fetched || {})
  .map(([path, fp]) => text(base + path + '?v=' + fp).then((t) => [path, t])));
// The wasm chunks of the page's route (its snapshot names the entry point and its files,
// src/routes.rs), preloaded now, alongside the main module, rather than requested by the split
// loader once the main module runs (its fetch() of the same URL is then served by the preload).
const files = snapshot.entry_files || [];
for (let i = 0; i < files.length; i++) {
  if (i % 6 === 0) await later();
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
  link.href = new URL(files[i], new URL('${js}', location.href)).href;
  document.head.append(link);
}
const bindings = await bindingsLoaded;
const module_or_path = await compiled;
window.nfShared = Object.fromEntries((await copies).filter(([, t]) => t !== null));
window.nfOwn = Object.fromEntries((await own).filter(([, t]) => t !== null));
const wasm = await bindings.default({ module_or_path });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`);
    const name = `newsfront-loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    writeFileSync(`${dir}/${name}`, code);
    index = index
      .replace(inline, `<script type="module" fetchpriority="low" src="/${name}"></script>`)
      // Started by the loader after the first paint instead.
      .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
    writeFileSync(`${dir}/index.html`, index);
    console.log(`sw-build: loader moved to ${name}`);
  } else if (release) {
    console.error('sw-build: Trunk\'s inline loader script was not found in index.html');
    process.exit(1);
  }
  // The preferences script, inline (scripts/prefs-inline.mjs); the policy must list its hash.
  const prefs = inlinePrefs(index, readFileSync(`${root}public/prefs.js`, 'utf8'));
  if (prefs.file) {
    index = prefs.html;
    rmSync(`${dir}/${prefs.file}`, { force: true });
    if (!policyAllows(readFileSync(`${root}deploy/nginx.conf`, 'utf8'), prefs.hash)) {
      const say = `sw-build: the Content-Security-Policy in deploy/nginx.conf ($nf_csp) does not allow the inline preferences script (public/prefs.js changed?): put ${prefs.hash} in its script-src, in place of the old hash (and in your own server's policy)`;
      if (release) {
        console.error(say);
        process.exit(1);
      }
      console.warn(say);
    }
    console.log(`sw-build: public/prefs.js inlined (CSP script-src ${prefs.hash})`);
  } else if (release) {
    console.error('sw-build: Trunk\'s tag for public/prefs.js was not found in index.html');
    process.exit(1);
  }
  index = fillBootMasthead(index, dir);
  const css = bundleStylesheets(index, dir);
  index = release ? stripInlineStyleComments(css.html) : css.html;
  if (css.name) console.log(`sw-build: stylesheets joined into ${css.name}`);
  writeFileSync(`${dir}/index.html`, index);
  // The template of the prerender step, with each entry point's chunk files, which it copies
  // into the snapshot of a page whose route names one (newsfront::prerender::Template).
  const list = entries ? `<!--nf-entries ${JSON.stringify(entries)}-->\n` : '';
  writeFileSync(`${dir}/shell.html`, index.replace('</head>', `${list}</head>`));
}
if (!release) {
  console.log('sw-build: development build, no service worker');
  process.exit(0);
}

// Loaded only here, so a development build works without `npm ci`.
let generateSW;
try {
  ({ generateSW } = await import('workbox-build'));
} catch (e) {
  console.error(`sw-build: workbox-build is missing (${e.message}); run \`npm ci\` (make tools does)`);
  process.exit(1);
}
// Saved articles (src/features/saved.rs) pin what they need in the `saved` cache; a route whose
// own cache has evicted a file and whose network fails answers from there (a content file's
// `?v=` version ignored), so a saved article opens offline however full the other caches got.
// Named CACHE in newsfront_model::saved. (Serialized into sw.js: no outside names inside.)
const fromSaved = {
  handlerDidError: async ({ request }) => (await caches.match(request, { cacheName: 'saved', ignoreSearch: true })) || undefined,
};
const { count, size, warnings } = await generateSW({
  swDest: `${dir}/sw.js`,
  globDirectory: dir,
  // The app shell: the shell page, hashed JS/wasm/CSS (and wasm-bindgen snippets), icons. (The
  // editions' web app manifests are written later, by the prerender step: cached at runtime.)
  globPatterns: ['shell.html', '*.{js,wasm,css}', 'snippets/**/*.js', 'favicon.svg', 'icons/*.png'],
  globIgnores: ['sw.js', 'workbox-*.js'],
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  // Trunk's names already carry a content hash: no revision query needed for them.
  dontCacheBustURLsMatching: /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/,
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  // A new version waits until the reader presses Reload (the app posts SKIP_WAITING).
  skipWaiting: false,
  runtimeCaching: [
    {
      // Pages (prerendered HTML): the network first, so readers get the latest edition; the
      // copy saved when the page was last read when offline; the app shell for a page never
      // read (it renders from the cached content, or says it is offline).
      urlPattern: ({ request }) => request.mode === 'navigate',
      handler: 'NetworkFirst',
      options: {
        cacheName: 'pages',
        networkTimeoutSeconds: 4,
        cacheableResponse: { statuses: [200] },
        expiration: { maxEntries: 100, purgeOnQuotaError: true },
        // Before the shell fallback: a saved page is better than the shell.
        plugins: [fromSaved],
        precacheFallback: { fallbackURL: '/shell.html' },
      },
    },
    {
      // Shared copies of site-wide files that prerendered pages name (site.json, the ticker,
      // Most Read): named by their content, so a cached copy is always right. A page read
      // online has fetched its copies, so it hydrates offline too.
      urlPattern: ({ url }) => url.pathname.startsWith('/shared/') && url.pathname.endsWith('.json'),
      handler: 'CacheFirst',
      options: {
        cacheName: 'shared',
        plugins: [fromSaved],
        cacheableResponse: { statuses: [200] },
        expiration: { maxEntries: 60, purgeOnQuotaError: true },
      },
    },
    {
      // Each edition's ticker and live feeds (`/content/breaking.json`, `/content/ar/live.json`):
      // the network first, the last copy when it is slow or gone.
      urlPattern: ({ url }) => /\/content\/([a-z0-9-]+\/)?(breaking|live)\.json$/.test(url.pathname),
      handler: 'NetworkFirst',
      options: { cacheName: 'feeds', networkTimeoutSeconds: 3, cacheableResponse: { statuses: [200] } },
    },
    {
      // Articles, lists and the other content files: show the saved copy at once, refresh it behind.
      urlPattern: ({ url }) => url.pathname.startsWith('/content/') && url.pathname.endsWith('.json'),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'content', plugins: [fromSaved], cacheableResponse: { statuses: [200] }, expiration: { maxEntries: 400 } },
    },
    {
      // Each edition's web app manifest (`/manifest.webmanifest`, `/ar/manifest.webmanifest`).
      urlPattern: ({ url }) => url.pathname.endsWith('/manifest.webmanifest'),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'manifests', cacheableResponse: { statuses: [200] } },
    },
    {
      // The search index's pieces (Pagefind: content-hashed names): kept once fetched, so a
      // query the reader already ran works offline (docs/reader-tools.md).
      urlPattern: ({ url }) => url.pathname.startsWith('/pagefind/') && /(\/(index|fragment)\/|\.pf_meta$)/.test(url.pathname),
      handler: 'CacheFirst',
      options: { cacheName: 'search', cacheableResponse: { statuses: [200] }, expiration: { maxEntries: 300, purgeOnQuotaError: true } },
    },
    {
      // Pagefind's code, wasm and entry file (fixed names, which a new index replaces): the
      // network first, the last copy offline (Pagefind asks for the entry file with a
      // cache-busting `?ts=`, ignored when matching).
      urlPattern: ({ url }) => url.pathname.startsWith('/pagefind/'),
      handler: 'NetworkFirst',
      options: {
        cacheName: 'search-code',
        networkTimeoutSeconds: 3,
        matchOptions: { ignoreSearch: true },
        cacheableResponse: { statuses: [200] },
      },
    },
    {
      urlPattern: ({ request }) => request.destination === 'image',
      handler: 'CacheFirst',
      options: {
        cacheName: 'images',
        plugins: [fromSaved],
        cacheableResponse: { statuses: [0, 200] },
        expiration: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
      },
    },
  ],
});
for (const w of warnings) console.warn(`sw-build: ${w}`);
console.log(`sw-build: precaching ${count} files, ${size} bytes`);
