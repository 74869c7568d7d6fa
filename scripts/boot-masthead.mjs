// The boot masthead in index.html (shown until the app mounts or hydrates) has empty logo and
// slogan slots; this fills them from the site.json the build copied into the output, resolved
// against the page's content base. When the content lives on another origin and no copy is in
// the build, the slots stay empty (a neutral frame of the same size, never the demo's masthead).
import { existsSync, readFileSync } from 'node:fs';

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The content base from `<meta name="newsfront:content-base">` (default `/content/`). */
export function contentBase(html) {
  const m = html.match(/<meta name="newsfront:content-base" content="([^"]*)"/);
  const base = m ? m[1] : '/content/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** Resolves a content `src` as the app does (`href::resolve`): safe absolute or root URLs as
 *  they are, relative paths against the base, anything else refused. */
export function resolveSrc(base, src) {
  const s = String(src ?? '').trim();
  if (!s || s.startsWith('//') || /[\u0000-\u001f"<>\\]/.test(s)) return null;
  if (/^https?:\/\//i.test(s) || s.startsWith('/')) return s;
  if (s.includes(':') || s.split('/').includes('..')) return null;
  return `${base}${s}`;
}

/** `html` with the boot logo and slogan filled from `<dir>/<content base>/site.json`. */
export function fillBootMasthead(html, dir) {
  const base = contentBase(html);
  const local = base.startsWith('/') && !base.startsWith('//') ? `${dir}${base}site.json` : null;
  if (!local || !existsSync(local)) {
    console.log('sw-build: no local site.json for the boot masthead; its slots stay empty');
    return html;
  }
  let site;
  try {
    site = JSON.parse(readFileSync(local, 'utf8'));
  } catch (e) {
    console.error(`sw-build: ${local}: ${e.message}; the boot masthead stays empty`);
    return html;
  }
  const logo = site.logo && resolveSrc(base, site.logo.src);
  const width = Number(site.logo?.width) || 240;
  const height = Number(site.logo?.height) || 48;
  const img = logo ? `<img src="${escapeHtml(logo)}" width="${width}" height="${height}" alt="">` : '';
  return html
    .replace(/(<span class="masthead__logo" data-boot="logo">)[\s\S]*?(<\/span>)/, `$1${img}$2`)
    .replace(/(<p class="masthead__slogan" data-boot="slogan">)[\s\S]*?(<\/p>)/, `$1${escapeHtml(site.slogan ?? '')}$2`);
}
