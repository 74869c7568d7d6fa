// The wasm-split step of the release build (called by scripts/sw-build.mjs, Trunk's post-build
// hook). Trunk runs cargo, wasm-bindgen and wasm-opt on the whole wasm; it has no split step
// (the split must happen between cargo and wasm-bindgen, which only cargo-leptos does). So when
// the built app was compiled with `--cfg nf_split` (its entry points, src/lazy.rs, import from
// wasm-split's placeholder module), this redoes Trunk's last steps on the cargo output, split:
//   1. wasm-split-cli (wasm_split_cli_support, the library cargo-leptos uses) cuts the wasm
//      that cargo linked with --emit-relocs into the main module, one module per entry point
//      and shared chunks, plus `__wasm_split.js`, which fetches and links them on first use;
//   2. wasm-bindgen on the main module (keeping the exports the chunks link against);
//   3. wasm-opt -Oz on every module;
//   4. content-hashed names (`-<16 hex>`, the pattern nginx serves as immutable and the service
//      worker precaches without cache-busting), written over Trunk's JS and wasm in the staging
//      directory, so index.html and the loader need no change.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minifyModule } from './minify.mjs';

/**
 * The entry points every page loads at start-up (src/app.rs and the masthead and footer it
 * frames: the route table with its menus, the footer, the masthead's logo, Saved link and
 * ticker, then the PWA layer). wasm-split puts each set of functions several entry points share
 * into a chunk of its own, 170 and more between these alone: a request, a compilation and an
 * instantiation each, in tasks on the main thread. Our patched wasm-split (vendor/README.md)
 * merges every chunk any of these needs into one; a page loads them all anyway.
 */
export const EAGER_ENTRIES = ['routes_chunk', 'footer_chunk', 'logo_chunk', 'saved_link_chunk', 'ticker_chunk', 'pwa_layer_chunk'];

/**
 * The entry points of a page's own code, fetched once the page is idle (the route bodies and
 * the article's tools and reading display, src/routes.rs). Between them they shared 46 chunks
 * besides the eager one (2026-12-03), and a home page loaded 26 of them after it was idle:
 * each a request, a compilation and an instantiation on the main thread (about 2 ms each
 * here, four times that on Lighthouse's phone). `--merge` makes them one chunk. A page then
 * fetches some code only another page needs, once it is idle; its first load is unchanged.
 */
export const PAGE_ENTRIES = ['listing_chunk', 'article_chunk', 'search_chunk', 'static_chunk', 'live_chunk', 'authors_chunk', 'saved_chunk', 'site_error_chunk', 'tools_chunk', 'display_chunk'];

/** wasm-split's placeholder import module: present in the bindings of an unsplit `nf_split` build. */
export const PLACEHOLDER = '__wasm_split_placeholder__';

// NF_WASM_NAMES=1 keeps the function names in every module (larger files), so a trace's
// `wasm.CompileLazy` func_index and a CPU profile name Rust functions (scripts/startup-trace.mjs).
const KEEP_NAMES = process.env.NF_WASM_NAMES === '1' ? ['-g'] : [];
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
// wasm-opt warns about a name subsection of wasm-split's output it does not know (the names are
// dropped anyway): one line per chunk of noise in every release build, filtered out here.
const NOISE = /^warning: unknown name subsection with id \d+ at \d+$/;
const run = (cmd, args) => {
  const { status, stderr, error } = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const said = (stderr || '').split('\n').filter((line) => line && !NOISE.test(line));
  if (said.length) console.error(said.join('\n'));
  if (error || status !== 0) throw new Error(`${cmd} failed (${error?.message ?? `exit ${status}`})`);
};

/**
 * Makes the linker module start its chunks' requests a few per task. Starting a request costs
 * the main thread about a millisecond here, and a page's content (src/routes.rs, hydrated once
 * idle) needs fifty chunks: all at once, they made one task of about 100 ms (400 ms on
 * Lighthouse's 4x slower phone). wasm-split's linker calls `fetch` for each chunk as its entry
 * point loads; this swaps that for a queue that starts six per task.
 */
export function paceFetches(linker) {
  const call = 'const src = fetch(new URL(';
  if (!linker.includes(call)) throw new Error('the wasm-split linker no longer fetches its chunks as expected');
  const lines = linker.split('\n');
  const imports = lines.findIndex((line) => !line.startsWith('import '));
  lines.splice(imports, 0, FETCH_QUEUE);
  return lines.join('\n').replaceAll(call, 'const src = nfFetch(new URL(');
}

/** How many chunk requests the linker starts per task (`paceFetches`). */
const FETCHES_PER_TASK = 6;

/** The queue `paceFetches` puts in the linker module: `nfFetch(url)` is `fetch(url)`, started in turn. */
export const FETCH_QUEUE = `
// Chunk requests, started ${FETCHES_PER_TASK} per task (scripts/wasm-split.mjs, paceFetches).
const nfWaiting = [];
const nfNextTask = (f) => (globalThis.scheduler?.postTask ? globalThis.scheduler.postTask(f) : setTimeout(f, 0));
function nfDrain() {
    for (const start of nfWaiting.splice(0, ${FETCHES_PER_TASK})) start();
    if (nfWaiting.length) nfNextTask(nfDrain);
}
function nfFetch(url) {
    return new Promise((resolve, reject) => {
        if (nfWaiting.push(() => fetch(url).then(resolve, reject)) === 1) nfNextTask(nfDrain);
    });
}
`;

/**
 * The files each entry point loads, read from the linker module: `{ article_chunk: [its module,
 * the shared chunks it needs…] }`, by the entry point's name (src/routes.rs).
 */
export function entryFiles(linker) {
  const load = /(?:const (__chunk_\d+)|export const __wasm_split_load_(\w+)) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = (?:nf)?[fF]etch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)/g;
  const chunks = {};
  const entries = {};
  for (const [, chunk, entry, file, deps] of linker.matchAll(load)) {
    const needs = deps.split(',').map((d) => d.trim()).filter(Boolean);
    if (chunk) chunks[chunk] = file;
    else entries[entry] = [file, ...needs.map((d) => chunks[d])];
  }
  return entries;
}

/**
 * Fails unless the eager entry points share one chunk and need no other (`EAGER_ENTRIES`): with
 * a wasm-split that does not merge them (the published one), a page loads about 200 files.
 */
export function checkEagerChunk(entries) {
  const shared = EAGER_ENTRIES.map((name) => {
    const [, ...chunks] = entries[name] ?? [];
    return chunks.join(' ');
  });
  if (new Set(shared).size !== 1 || shared[0].includes(' ')) {
    throw new Error(`the eager entry points do not share one chunk (${EAGER_ENTRIES.map((n, i) => `${n}: ${shared[i] || 'none'}`).join('; ')}): is wasm-split-cli the patched one from vendor/? (make tools)`);
  }
}

/**
 * Fails unless every entry point is in `EAGER_ENTRIES` or `PAGE_ENTRIES` (a new one would
 * otherwise bring its own shared chunks back) and the page entry points need, besides the
 * eager chunk, one chunk at most, the same for all (`--merge`).
 */
export function checkPageChunk(entries) {
  const unlisted = Object.keys(entries).filter((name) => !EAGER_ENTRIES.includes(name) && !PAGE_ENTRIES.includes(name));
  if (unlisted.length) {
    throw new Error(`entry points in neither EAGER_ENTRIES nor PAGE_ENTRIES (scripts/wasm-split.mjs): ${unlisted.join(', ')}`);
  }
  const [, eager] = entries[EAGER_ENTRIES[0]] ?? [];
  const own = PAGE_ENTRIES.map((name) => (entries[name] ?? []).slice(1).filter((chunk) => chunk !== eager));
  const shared = new Set(own.flat());
  if (shared.size > 1 || own.some((chunks) => chunks.length > 1)) {
    throw new Error(`the page entry points do not share one chunk (${PAGE_ENTRIES.map((n, i) => `${n}: ${own[i].join(' ') || 'none'}`).join('; ')}): is wasm-split-cli the patched one from vendor/? (make tools)`);
  }
}

/**
 * Splits the app whose bindings Trunk wrote as `<dir>/<stem>.js` (and `<stem>_bg.wasm`), from
 * the cargo output `input`. Returns the files written and the files of each entry point
 * (`entryFiles`), or null when the build is not split.
 */
export async function splitApp(dir, stem, input) {
  const bindingsPath = join(dir, `${stem}.js`);
  if (!readFileSync(bindingsPath, 'utf8').includes(PLACEHOLDER)) return null;
  if (!input || !existsSync(input)) {
    throw new Error(`the app was built with --cfg nf_split but its cargo output (NF_WASM_INPUT=${input}) is missing`);
  }
  const work = mkdtempSync(join(tmpdir(), 'nf-split-'));
  try {
    const split = join(work, 'split');
    const bound = join(work, 'bound');
    run('wasm-split-cli', [input, split, '--out-name', stem, '--eager', EAGER_ENTRIES.join(','), '--merge', PAGE_ENTRIES.join(',')]);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', bound, '--out-name', stem, join(split, `${stem}.wasm`)]);
    run('wasm-opt', ['-Oz', ...KEEP_NAMES, join(bound, `${stem}_bg.wasm`), '-o', join(dir, `${stem}_bg.wasm`)]);
    // Chunks: optimised, then named by content.
    let linker = paceFetches(readFileSync(join(split, '__wasm_split.js'), 'utf8'));
    const written = [];
    for (const file of readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`)) {
      const optimised = join(work, file);
      run('wasm-opt', ['-Oz', ...KEEP_NAMES, join(split, file), '-o', optimised]);
      const bytes = readFileSync(optimised);
      const name = `${file.replace(/\.wasm$/, '').replace(/_\d+$/, '')}-${hash(bytes)}.wasm`;
      writeFileSync(join(dir, name), bytes);
      linker = linker.replaceAll(`"./${file}"`, `"./${name}"`);
      written.push(name);
    }
    // Read before minifying: `entryFiles` reads wasm-split's own layout.
    const entries = entryFiles(linker);
    linker = await minifyModule(linker);
    const linkerName = `__wasm_split-${hash(linker)}.js`;
    writeFileSync(join(dir, linkerName), linker);
    written.push(linkerName);
    const bindings = readFileSync(join(bound, `${stem}.js`), 'utf8').replaceAll('from "./__wasm_split.js"', `from "./${linkerName}"`);
    if (bindings.includes(PLACEHOLDER)) throw new Error('wasm-split left placeholder imports in the bindings');
    writeFileSync(bindingsPath, await minifyModule(bindings));
    // wasm-bindgen's inline snippets are the same as Trunk's; copied in case they differ.
    if (existsSync(join(bound, 'snippets'))) {
      execFileSync('cp', ['-r', join(bound, 'snippets'), dir]);
    }
    if (!Object.keys(entries).length) throw new Error('no entry point was found in the wasm-split linker');
    if (Object.values(entries).flat().some((f) => !written.includes(f))) {
      throw new Error('the chunk list read from __wasm_split.js names files that were not written');
    }
    checkEagerChunk(entries);
    checkPageChunk(entries);
    return { written, entries };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
