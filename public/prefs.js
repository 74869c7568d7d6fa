// The reader's display preferences, applied before the first paint: the only script a page runs
// before it paints, a few hundred bytes. The build inlines it into every page's head (without
// these comment lines, scripts/prefs-inline.mjs), and the Content-Security-Policy allows it by
// its hash (deploy/nginx.conf): change it and the build says which hash to put there. It sets
// <html data-theme data-text>, which the stylesheet reads, and the browser's theme-color. Keys,
// values and colours are newsfront_model::prefs's; the app applies the same when the reader
// changes them (src/platform/prefs.rs). Storage refused: the device's theme and the standard
// size.
(function () {
  var root = document.documentElement;
  var theme = null;
  var text = null;
  try {
    theme = localStorage.getItem('newsfront.theme');
    text = localStorage.getItem('newsfront.text');
  } catch (e) {
    return;
  }
  if (theme === 'light' || theme === 'dark') {
    root.setAttribute('data-theme', theme);
    var color = theme === 'dark' ? '#0d2a4f' : '#0b2545';
    var metas = document.querySelectorAll('meta[name="theme-color"]');
    for (var i = 0; i < metas.length; i++) metas[i].setAttribute('content', color);
  }
  if (text === 's' || text === 'l' || text === 'xl' || text === 'xxl') {
    root.setAttribute('data-text', text);
  }
})();
