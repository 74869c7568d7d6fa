// The post-build step fills the boot masthead of the app shell with the publisher's own logo and
// slogan (issue 12: index.html used to hard-code the demo's, seen at first paint by every outlet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentBase, resolveSrc } from './boot-masthead.mjs';

const root = new URL('..', import.meta.url).pathname;

/** Runs the post-build hook on a staging dir holding index.html and a publisher's site.json. */
function buildShell(site, { base } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nf-boot-'));
  try {
    let html = readFileSync(join(root, 'index.html'), 'utf8');
    if (base) html = html.replace(/(name="newsfront:content-base" content=")[^"]*/, `$1${base}`);
    writeFileSync(join(dir, 'index.html'), html);
    if (site) {
      mkdirSync(join(dir, 'content'), { recursive: true });
      writeFileSync(join(dir, 'content', 'site.json'), typeof site === 'string' ? site : JSON.stringify(site));
    }
    execFileSync('node', [join(root, 'scripts/sw-build.mjs')], {
      env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'debug' },
      stdio: 'pipe',
    });
    return readFileSync(join(dir, 'shell.html'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const boot = (html) => html.slice(html.indexOf('<div id="boot"'), html.indexOf('</header>'));

test("the shell's boot masthead shows the publisher's logo and slogan", () => {
  const shell = buildShell({
    name: 'The Lakeside Courier',
    slogan: 'News from the <north> shore',
    logo: { src: 'images/courier.png', width: 200, height: 40, alt: 'The Lakeside Courier' },
  });
  const b = boot(shell);
  assert.match(b, /<img src="\/content\/images\/courier\.png" width="200" height="40" alt="">/);
  assert.match(b, /News from the &lt;north&gt; shore/);
  assert.doesNotMatch(shell, /Clear reporting from every horizon|logo\.svg/);
});

test('another content base: the logo resolves against it', () => {
  const shell = buildShell(
    { name: 'X', slogan: 'S', logo: { src: 'images/x.svg', width: 240, height: 48, alt: 'X' } },
    { base: '/news-data/' },
  );
  assert.doesNotMatch(boot(shell), /img/, 'no local copy under /news-data/: slots stay empty');
});

test('no or broken site.json: neutral slots, never the demo masthead, build goes on', () => {
  for (const site of [null, '{"slogan": ']) {
    const b = boot(buildShell(site));
    assert.doesNotMatch(b, /<img|Clear reporting/);
    assert.match(b, /data-boot="slogan"><\/p>/);
  }
});

test('logo URLs resolve like href::resolve', () => {
  assert.equal(contentBase('<meta name="newsfront:content-base" content="https://cdn.example/n">'), 'https://cdn.example/n/');
  assert.equal(resolveSrc('/content/', 'images/a.svg'), '/content/images/a.svg');
  assert.equal(resolveSrc('/content/', 'https://img.example/a.png'), 'https://img.example/a.png');
  assert.equal(resolveSrc('/content/', 'javascript:alert(1)'), null);
  assert.equal(resolveSrc('/content/', '../secret'), null);
  assert.equal(resolveSrc('/content/', '//evil.example/x'), null);
});
