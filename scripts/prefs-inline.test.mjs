// The preferences script is inlined into the head, and the policy of deploy/nginx.conf must list
// its hash (scripts/prefs-inline.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cspHash, inlinePrefs, policyAllows, prefsScript } from './prefs-inline.mjs';

const root = new URL('..', import.meta.url).pathname;
const source = readFileSync(`${root}public/prefs.js`, 'utf8');
const conf = readFileSync(`${root}deploy/nginx.conf`, 'utf8');

test('Trunk\'s tag becomes the script, without its comment lines', () => {
  const html = '<head><script src="/prefs-5956550fceb1fe87.js" integrity="sha384-abc">\n</script><link rel="stylesheet"></head>';
  const out = inlinePrefs(html, source);
  assert.equal(out.file, 'prefs-5956550fceb1fe87.js');
  assert.match(out.html, /^<head><script>\(function \(\) \{[\s\S]*\}\)\(\);<\/script><link rel="stylesheet"><\/head>$/);
  assert.ok(!out.html.includes('//'), 'no comment is inlined');
  assert.equal(out.hash, cspHash(prefsScript(source)));
});

test('a page without the tag is left as it is', () => {
  const html = '<head><script data-trunk src="public/prefs.js"></script></head>';
  assert.deepEqual(inlinePrefs(html, source), { html, file: null, hash: cspHash(prefsScript(source)) });
});

test('the hash is the browser\'s: SHA-256 of the script\'s text, base64', () => {
  // Computed independently: `printf %s 'alert(1)' | openssl dgst -sha256 -binary | base64`.
  assert.equal(cspHash('alert(1)'), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
});

test('deploy/nginx.conf lists the hash of today\'s public/prefs.js in script-src', () => {
  assert.ok(policyAllows(conf, cspHash(prefsScript(source))), `put ${cspHash(prefsScript(source))} in script-src`);
});

test('a hash elsewhere in the policy does not count', () => {
  const hash = cspHash('x');
  assert.equal(policyAllows(`set $nf_csp "script-src 'self'; style-src ${hash}";`, hash), false);
  assert.equal(policyAllows(`set $nf_csp "script-src 'self' ${hash}; style-src 'self'";`, hash), true);
});
