// The reader's display preferences (public/prefs.js) run before the first paint, so they are
// inlined into every page's head rather than loaded as a file: a parser-blocking script is one
// more request on the first paint's path. Measured with Lighthouse (simulated throttling, the
// long article, same run): FCP 1,114–1,163 ms with the file, 906–922 ms without it, about
// 200 ms that the audit's budget "FCP ≤ the static copy's + 100 ms" could not absorb.
//
// The Content-Security-Policy still forbids inline scripts: it lists this one by its SHA-256
// (`'sha256-…'` in script-src, deploy/nginx.conf). The hash depends only on public/prefs.js,
// not on the build, and the post-build step (scripts/sw-build.mjs) fails a release build whose
// deploy/nginx.conf does not list it, saying which hash to put there.
import { createHash } from 'node:crypto';

/** Trunk's tag for the hashed copy of public/prefs.js (`<script data-trunk src=…>` in index.html). */
const TAG = /<script src="\/?(prefs-[0-9a-f]+\.js)"[^>]*>\s*<\/script>/;

/** The script as inlined: public/prefs.js without its leading comment lines. */
export function prefsScript(source) {
  const lines = source.split('\n');
  const code = lines.findIndex((line) => !line.startsWith('//'));
  return lines.slice(code).join('\n').trim();
}

/** The CSP source expression that allows `code` as an inline script. */
export function cspHash(code) {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * `html` with Trunk's tag for prefs.js replaced by the script itself (`source`, the file's
 * text). Returns the page, the file the tag named (null when there was none: a page not built
 * by Trunk) and the CSP hash of the inline script.
 */
export function inlinePrefs(html, source) {
  const code = prefsScript(source);
  const found = html.match(TAG);
  if (!found) return { html, file: null, hash: cspHash(code) };
  return { html: html.replace(TAG, () => `<script>${code}</script>`), file: found[1], hash: cspHash(code) };
}

/** Whether the policy in `nginxConf` (deploy/nginx.conf) lists `hash` in script-src. */
export function policyAllows(nginxConf, hash) {
  const csp = nginxConf.match(/set \$nf_csp "([^"]*)"/)?.[1] ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'script-src') ?? [];
  return scriptSrc.includes(hash);
}
