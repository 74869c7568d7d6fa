// node --test: reading each entry point's files from wasm-split's linker module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EAGER_ENTRIES, FETCH_QUEUE, PAGE_ENTRIES, checkEagerChunk, checkPageChunk, entryFiles, paceFetches } from './wasm-split.mjs';

// The shape wasm-split-cli 0.2.4 writes (abridged).
const linker = `import { initSync } from "./newsfront-app-0123456789abcdef.js";
/* article_chunk, listing_chunk */
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./chunk-aaaaaaaaaaaaaaaa.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* article_chunk */
const __chunk_7 = makeLoad(() => {
    const src = fetch(new URL("./chunk-bbbbbbbbbbbbbbbb.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6]);
export const __wasm_split_load_article_chunk = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_article_chunk-cccccccccccccccc.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6, __chunk_7]));
export const __wasm_split_load_listing_chunk = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_listing_chunk-dddddddddddddddd.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6]));
`;

test('each entry point lists its own module, then the shared chunks it waits for', () => {
  assert.deepEqual(entryFiles(linker), {
    article_chunk: ['split_article_chunk-cccccccccccccccc.wasm', 'chunk-aaaaaaaaaaaaaaaa.wasm', 'chunk-bbbbbbbbbbbbbbbb.wasm'],
    listing_chunk: ['split_listing_chunk-dddddddddddddddd.wasm', 'chunk-aaaaaaaaaaaaaaaa.wasm'],
  });
});

test('a linker without split points has no entries', () => {
  assert.deepEqual(entryFiles('import { initSync } from "./x.js";\n'), {});
});

test('the paced linker requests every chunk through the queue and still lists the same files', () => {
  const paced = paceFetches(linker);
  assert.equal(paced.match(/const src = nfFetch\(new URL\(/g).length, 4);
  assert.doesNotMatch(paced, /const src = fetch\(/);
  assert.match(paced.split('\n')[0], /^import \{ initSync \}/);
  assert.deepEqual(entryFiles(paced), entryFiles(linker));
});

test('the queue starts six requests per task, in order', async () => {
  // The queue's code, run with a fetch that records when each request starts.
  const started = [];
  let task = 0;
  const run = new Function('fetch', 'setTimeout', `${FETCH_QUEUE}; return nfFetch;`);
  const nfFetch = run((url) => { started.push([url, task]); return Promise.resolve(url); }, (f) => setTimeout(() => { task += 1; f(); }, 0));
  const urls = Array.from({ length: 14 }, (_, i) => `chunk-${i}.wasm`);
  assert.deepEqual(await Promise.all(urls.map((u) => nfFetch(u))), urls);
  assert.deepEqual(started.map(([u]) => u), urls);
  assert.deepEqual(started.map(([, t]) => t), [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3]);
});

test('a linker that no longer fetches its chunks that way is refused', () => {
  assert.throws(() => paceFetches('import { initSync } from "./x.js";\n'), /no longer fetches/);
});

test('the eager entry points must share one chunk and need no other', () => {
  const merged = Object.fromEntries(EAGER_ENTRIES.map((name) => [name, [`split_${name}-0.wasm`, 'chunk-e.wasm']]));
  assert.doesNotThrow(() => checkEagerChunk({ ...merged, article_chunk: ['split_article_chunk-1.wasm', 'chunk-e.wasm', 'chunk-a.wasm'] }));
  // As the published wasm-split leaves them: a chunk per set of entry points that share code.
  const unmerged = { ...merged, routes_chunk: ['split_routes_chunk-0.wasm', 'chunk-e.wasm', 'chunk-r.wasm'] };
  assert.throws(() => checkEagerChunk(unmerged), /routes_chunk: chunk-e\.wasm chunk-r\.wasm/);
  const apart = { ...merged, footer_chunk: ['split_footer_chunk-0.wasm', 'chunk-f.wasm'] };
  assert.throws(() => checkEagerChunk(apart), /do not share one chunk/);
});

test('the page entry points share one chunk besides the eager one, and every entry point is listed', () => {
  const eager = Object.fromEntries(EAGER_ENTRIES.map((name) => [name, [`split_${name}-0.wasm`, 'chunk-e.wasm']]));
  const pages = Object.fromEntries(PAGE_ENTRIES.map((name) => [name, [`split_${name}-0.wasm`, 'chunk-e.wasm', 'chunk-p.wasm']]));
  assert.doesNotThrow(() => checkPageChunk({ ...eager, ...pages }));
  // One that needs only the eager chunk (or nothing) is fine.
  assert.doesNotThrow(() => checkPageChunk({ ...eager, ...pages, site_error_chunk: ['split_site_error_chunk-0.wasm', 'chunk-e.wasm'] }));
  // As wasm-split leaves them without --merge: a chunk per set of page entry points.
  const unmerged = { ...eager, ...pages, article_chunk: ['split_article_chunk-0.wasm', 'chunk-e.wasm', 'chunk-p.wasm', 'chunk-a.wasm'] };
  assert.throws(() => checkPageChunk(unmerged), /article_chunk: chunk-p\.wasm chunk-a\.wasm/);
  const apart = { ...eager, ...pages, search_chunk: ['split_search_chunk-0.wasm', 'chunk-e.wasm', 'chunk-s.wasm'] };
  assert.throws(() => checkPageChunk(apart), /do not share one chunk/);
  assert.throws(() => checkPageChunk({ ...eager, ...pages, weather_chunk: ['split_weather_chunk-0.wasm'] }), /neither EAGER_ENTRIES nor PAGE_ENTRIES.*weather_chunk/);
});
