// Minifies the app's own JavaScript modules in the release build (terser): wasm-bindgen's
// bindings, wasm-split's linker and the loader are written for reading, and every page loads
// them before it is interactive. Exports and `import.meta` stay as they are (ES modules).
// terser (npm, package.json) is imported on first use: a development build runs the post-build
// hook without node_modules (`make test-dev`) and never minifies.

/** `code`, an ES module, minified (compressed, local names shortened). */
export async function minifyModule(code) {
  const { minify } = await import('terser');
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return out.code;
}
