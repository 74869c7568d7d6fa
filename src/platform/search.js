// Pagefind's browser API (the search bundle written by `pagefind` next to the prerendered
// pages, docs/reader-tools.md), loaded only when the search page runs a query: nothing of it
// is fetched on other pages. One Pagefind instance per document language, since Pagefind picks
// the index of the language <html lang> names when the instance is made (each edition is
// indexed in its own language). The results go back to Rust as JSON (newsfront_model::search).
const instances = new Map();

function instance(base) {
  const lang = document.documentElement.lang || 'en';
  let made = instances.get(lang);
  if (!made) {
    made = import(`${base}pagefind.js`).then(async (pagefind) => {
      const found = pagefind.createInstance({ basePath: base });
      await found.init();
      await found.filters(); // loads the filter index, so results carry the counts per value
      return found;
    });
    instances.set(lang, made);
    made.catch(() => instances.delete(lang)); // offline or missing: asked again next time
  }
  return made;
}

const first = (values) => (Array.isArray(values) && values.length ? String(values[0]) : '');

export async function search(base, query, filtersJson, newest, limit) {
  const pagefind = await instance(base);
  const options = { filters: JSON.parse(filtersJson) };
  if (newest) options.sort = { date: 'desc' };
  const term = query.trim() === '' ? null : query;
  const found = await pagefind.search(term, options);
  if (found.results.length === 0) {
    // Pagefind answers "nothing found" when it could not fetch the index pieces for the words
    // (offline, and never fetched). A HEAD request, which the service worker does not answer
    // from its caches, tells that apart from a real "no results".
    await fetch(`${base}pagefind-entry.json`, { method: 'HEAD', cache: 'no-store' });
  }
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  return JSON.stringify({
    total: found.results.length,
    hits: data.map((d) => ({
      url: d.url,
      title: d.meta?.title ?? '',
      excerpt: d.excerpt ?? '',
      image: d.meta?.image ?? null,
      image_alt: d.meta?.image_alt ?? '',
      section: first(d.filters?.section),
      date: d.meta?.date ?? '',
      kind: first(d.filters?.kind),
    })),
    filters: found.totalFilters ?? {},
  });
}
