// Writes `file.br` (brotli, quality 11) and `file.gz` (gzip -9) next to every compressible file
// of the release build, so nginx serves them as they are (`brotli_static`, `gzip_static`)
// instead of compressing on each request at a lower level. Skips files whose compressed copies
// are already newer (incremental after `make pages`). Usage: node scripts/precompress.mjs dist
//
// Not `content/`: publishers replace content files (the ticker feed every few minutes) without
// a build, and nginx would keep serving a stale precompressed copy; nginx compresses those on
// the fly. Whoever changes a file here must run this again (make release / make pages do).
//
// `--only LIST`: compress just the files in LIST, the prerender step's change list
// (`newsfront-prerender --changes LIST`: `+ path` written, `- path` removed), instead of walking
// the whole site (100,000 page folders after an article changed: `make pages`).
// `--fast`: brotli 5 and gzip 6 instead of 11 and -9, for publishing: measured on article pages,
// 2.6 ms a page against 92 ms (machine under load), 28% larger brotli (9.7 KB against 7.6 KB). A
// publish renders up to a few hundred pages (183–221 in the 100,000-article benchmark), and a
// change to site.json every page: brotli 11 would take minutes.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? 'dist';
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : null;
const cliFast = process.argv.includes('--fast');
const COMPRESSIBLE = /\.(html|js|wasm|css|json|svg|webmanifest|txt|vtt)$/;
let files = 0, before = 0, after = 0;

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === root && entry.name === 'content') continue;
      walk(path);
      continue;
    }
    compress(path);
  }
}

/**
 * Writes `path.br` and `path.gz` unless both are newer than `path` (also used by
 * scripts/audit.mjs for its static copy, so it is served at the pages' level).
 */
export function compress(path, fast = cliFast) {
  if (!COMPRESSIBLE.test(path)) return;
  const stat = statSync(path);
  if (stat.size < 1024) return;
  const fresh = (ext) => { try { return statSync(path + ext).mtimeMs >= stat.mtimeMs; } catch { return false; } };
  if (fresh('.br') && fresh('.gz')) return;
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: fast ? 5 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(path + '.br', br);
  writeFileSync(path + '.gz', gzipSync(data, { level: fast ? 6 : 9 }));
  files += 1; before += data.length; after += br.length;
}

// Run as a command (not when imported for `compress`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (only) {
    for (const line of readFileSync(only, 'utf8').split('\n')) {
      if (line.startsWith('+ ')) compress(join(root, line.slice(2)));
    }
  } else {
    walk(root);
  }
  console.log(`precompress: ${files} files, ${before} bytes -> ${after} bytes brotli`);
}
