// One render-blocking stylesheet instead of one per component: the post-build step joins the
// stylesheets Trunk emitted (one `<link data-trunk rel="css">` per file in index.html, in that
// order) into a single hashed file and leaves one `<link rel="stylesheet">` where the first
// was. Every stylesheet is a separate request the first paint waits for; joined, the page waits
// for one (and brotli compresses the whole better than the parts). The critical CSS stays
// inlined (`rel="inline"`). Authors keep one file per component in style/.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const LINK = /<link rel="stylesheet" href="\/([^"/]+\.css)"[^>]*>\s*/g;

/**
 * `html` with the comments of its inline `<style>` (Trunk's copy of style/critical.css) removed:
 * they are for the people editing the file, and every page carries them before its first paint.
 * They were 1.8 KB of the long article's 64 KB, which put its HTML (14.0 KB brotli, plus headers)
 * just over the 14.6 KB a server sends in its first round trip (TCP's initial window of ten
 * segments): one round trip more before the first paint.
 */
export function stripInlineStyleComments(html) {
  return html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => `<style>${stripCssComments(css).replace(/\n\s*\n+/g, '\n').trim()}</style>`);
}

/** `css` without its comments; quoted strings are copied as they are (a `/*` inside one stays). */
export function stripCssComments(css) {
  let out = '';
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c && css[j] !== '\n') j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The stylesheets `html` links to in its own folder, in document order. */
export function stylesheets(html) {
  return [...html.matchAll(LINK)].map((m) => m[1]);
}

/** Joins `parts` (file name, CSS text) into one stylesheet; the name carries a content hash
 *  (16 hex digits, like Trunk's, so nginx and the service worker treat it as immutable). */
export function join(parts) {
  // `@charset` is only valid as the first rule of a file; the build is UTF-8 throughout.
  const css = parts.map(([name, text]) => `/* ${name} */\n${text.replace(/^@charset[^;]*;\s*/i, '').trim()}\n`).join('');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 16);
  return { name: `newsfront-${hash}.css`, css };
}

/** Rewrites `<dir>/index.html` to link one joined stylesheet; returns its name (or null when
 *  the page links fewer than two). The joined files are removed from `dir`. */
export function bundleStylesheets(html, dir) {
  const names = stylesheets(html).filter((n) => existsSync(`${dir}/${n}`));
  if (names.length < 2) return { html, name: null };
  const { name, css } = join(names.map((n) => [n, readFileSync(`${dir}/${n}`, 'utf8')]));
  writeFileSync(`${dir}/${name}`, css);
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  let first = true;
  const out = html.replace(LINK, (tag, file) => {
    if (!names.includes(file)) return tag;
    if (!first) return '';
    first = false;
    return `<link rel="stylesheet" href="/${name}" integrity="${integrity}"/>\n`;
  });
  for (const n of names) rmSync(`${dir}/${n}`);
  return { html: out, name };
}
