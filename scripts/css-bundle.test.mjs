// Issue 17: the page blocked on seven stylesheets; the post-build step joins them into one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { bundleStylesheets, join, stripCssComments, stripInlineStyleComments, stylesheets } from './css-bundle.mjs';

const page = (links) => `<head><style>.critical{}</style>${links.map((n) => `<link rel="stylesheet" href="/${n}" integrity="sha384-x"/>`).join('\n')}</head>`;

test('stylesheets are listed in document order, only local ones', () => {
  const html = page(['b-0123456789abcdef.css', 'a-0123456789abcdef.css']) + '<link rel="stylesheet" href="https://cdn.example/x.css">';
  assert.deepEqual(stylesheets(html), ['b-0123456789abcdef.css', 'a-0123456789abcdef.css']);
});

test('joining keeps the order, drops inner @charset and names the file by content', () => {
  const a = join([['a.css', '@charset "utf-8";\n.a{color:red}'], ['b.css', '.b{color:blue}']]);
  assert.ok(a.css.indexOf('.a{') < a.css.indexOf('.b{'));
  assert.ok(!a.css.includes('@charset'));
  assert.match(a.name, /^newsfront-[0-9a-f]{16}\.css$/);
  assert.notEqual(join([['a.css', '.a{}']]).name, join([['a.css', '.b{}']]).name);
});

test('the page links one stylesheet where the first was, and the parts are removed', () => {
  const dir = mkdtempSync(joinPath(tmpdir(), 'nf-css-'));
  try {
    const names = ['nav-0123456789abcdef.css', 'article-0123456789abcdef.css', 'footer-0123456789abcdef.css'];
    names.forEach((n, i) => writeFileSync(joinPath(dir, n), `.r${i}{margin:${i}px}`));
    const { html, name } = bundleStylesheets(page(names), dir);
    assert.equal(stylesheets(html).length, 1);
    assert.equal(stylesheets(html)[0], name);
    assert.ok(html.includes('<style>.critical{}</style>'));
    assert.deepEqual(readdirSync(dir), [name]);
    const css = readFileSync(joinPath(dir, name), 'utf8');
    assert.ok(css.indexOf('.r0') < css.indexOf('.r1') && css.indexOf('.r1') < css.indexOf('.r2'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page with one stylesheet is left as it is', () => {
  const dir = mkdtempSync(joinPath(tmpdir(), 'nf-css-'));
  try {
    writeFileSync(joinPath(dir, 'a-0123456789abcdef.css'), '.a{}');
    const html = page(['a-0123456789abcdef.css']);
    assert.deepEqual(bundleStylesheets(html, dir), { html, name: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the inline critical CSS loses its comments, not its strings', () => {
  assert.equal(stripCssComments('a { content: "/* kept */"; } /* gone */ b { x: \'it\\\'s /* kept */\' }'),
    'a { content: "/* kept */"; }  b { x: \'it\\\'s /* kept */\' }');
  const html = '<head><style>/* about */\n:root { --a: 1; }\n\n/* more */\nb { c: d; }</style></head><body><style>x{}</style></body>';
  assert.equal(stripInlineStyleComments(html), '<head><style>:root { --a: 1; }\nb { c: d; }</style></head><body><style>x{}</style></body>');
});
